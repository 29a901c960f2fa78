package vn.gov.prefill.flow;

import java.util.List;
import java.util.Map;

/**
 * A prefill's answer, and what it read about whom: the material of the disclosure log; and, for a form with
 * attachment slots, what each slot offered (for the prefill token), else empty.
 */
public record PrefillResult(PrefillResponse response, List<SubjectRead> reads, Map<String, List<PrefillTokens.Offer>> offered) {

    /**
     * The reads about one subject of the form and the fields released from them.
     *
     * @param role     the subject's name in the form (self, spouse, child, enterprise…)
     * @param id       its personal number or enterprise code
     * @param sources  each source read about it, with the outcome
     * @param released the JSON Pointers of the fields whose value came from its records
     */
    public record SubjectRead(String role, String id, Map<String, String> sources, List<String> released) { }
}
