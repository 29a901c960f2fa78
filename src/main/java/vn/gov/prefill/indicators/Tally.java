package vn.gov.prefill.indicators;

/** A row for the indicator tables, stored by {@link PrefillTallyQueue}'s writer off the request thread. */
sealed interface Tally permits PrefillTally, SuggestionShown, SuggestionFollowed { }
