package vn.gov.prefill.indicators;

import java.time.Instant;

/** A prefill that follows the newest suggestion shown with {@code matchKey}, if one is still waiting at {@code at}. */
record SuggestionFollowed(Instant recordedAt, String matchKey, Instant at) implements Tally { }
