package vn.gov.prefill.suggestion;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One suggestion of the answer (GATEWAY-API.md, "Suggestions"); {@code subjectId} (not answered) is whom
 * it is for. {@code formId}, {@code actingFor}, {@code dueBy} and {@code readiness} are answered as null
 * when there is none.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
record Suggestion(String id, String lifeEvent, String title, String procedureCode, String formId, Map<String, String> actingFor,
                  String reason, List<Evidence> evidence, String dueBy, Readiness readiness, @JsonIgnore String subjectId) {

    /** Where in which record the condition was seen to hold; {@code status} for a read that answered without a record. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Evidence(String source, String subject, String pointer, String status) { }

    /** The suggested form's bound fields, and how many the records just read would prefill. */
    record Readiness(int bound, long prefilled) { }

    Suggestion withReadiness(Readiness r) {
        return new Suggestion(id, lifeEvent, title, procedureCode, formId, actingFor, reason, evidence, dueBy, r, subjectId);
    }
}
