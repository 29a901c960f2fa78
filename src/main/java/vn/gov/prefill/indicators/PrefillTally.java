package vn.gov.prefill.indicators;

import java.time.Instant;
import java.util.Map;

/**
 * What one answered prefill came to, without anyone's data: the form, how many bound fields were
 * prefilled or failed, how many came prefilled from the citizen's declared values, and per source how many reads
 * ended in which status.
 */
record PrefillTally(Instant recordedAt, String formId, String formVersion, String procedureCode, boolean partial,
                    int bound, int prefilled, int failed, int declaredPrefilled, long durationMs,
                    Map<String, Map<String, Integer>> readsBySource)
        implements Tally { }
