package vn.gov.prefill.indicators;

import java.time.Instant;

/**
 * A suggestion shown: its life event and form ({@code formId} null for a procedure without one), and,
 * when it has a form, the {@link SuggestionMatchKey} it may be followed by until {@code matchUntil}.
 */
record SuggestionShown(Instant recordedAt, String lifeEvent, String formId, String matchKey, Instant matchUntil) implements Tally { }
