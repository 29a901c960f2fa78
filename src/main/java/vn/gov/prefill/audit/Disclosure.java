package vn.gov.prefill.audit;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.gov.prefill.identity.Desk;

/**
 * One subject's data read and released by one prefill: what the disclosure log keeps, with no value
 * of any field. A prefill that reads several people (the applicant, the spouse, the parents) writes
 * one disclosure per person, so that each of them can see the read.
 *
 * @param requestId        the prefill's request id
 * @param at               when the data was released
 * @param client           the e-form client (the token's {@code azp}, else its first {@code aud})
 * @param actorId          who signed in: a personal number, or the enterprise code of an organisation account
 * @param subjectId        whose data was read: a personal number or an enterprise code
 * @param subjectRole      the subject's name in the form ({@code self}, {@code spouse}, {@code child}, {@code enterprise}…)
 * @param actingFor        {@code CHILD}, {@code ENTERPRISE} or null (for oneself)
 * @param formId           the form
 * @param formVersion      its version
 * @param procedureCode    its national procedure code (the purpose sent to the registries)
 * @param consentedSources the sources the citizen consented to, or null when the request set no limit
 * @param sources          each source read about this subject, with its outcome ({@code OK}, {@code TIMEOUT}…)
 * @param releasedPointers the JSON Pointers of the fields released from this subject's records
 * @param desk             the one-stop desk whose officer read for the citizen beside them, or null
 */
public record Disclosure(String requestId, Instant at, String client, String actorId, String subjectId, String subjectRole,
                         String actingFor, String formId, String formVersion, String procedureCode,
                         List<String> consentedSources, Map<String, String> sources, List<String> releasedPointers, Desk desk) {

    public Disclosure(String requestId, Instant at, String client, String actorId, String subjectId, String subjectRole,
                      String actingFor, String formId, String formVersion, String procedureCode,
                      List<String> consentedSources, Map<String, String> sources, List<String> releasedPointers) {
        this(requestId, at, client, actorId, subjectId, subjectRole, actingFor, formId, formVersion, procedureCode,
                consentedSources, sources, releasedPointers, null);
    }
}
