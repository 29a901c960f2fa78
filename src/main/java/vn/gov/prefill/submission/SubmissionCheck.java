package vn.gov.prefill.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Schema;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.flow.PrefillTokens;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.Forms;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.indicators.IndicatorLog;
import vn.gov.prefill.indicators.SubmissionTally;

/**
 * The check of a filled form, for a submission and for a filing alike: the data against the form's
 * schema, every locked value against the prefill it came from, and the count of how much of the
 * prefill the citizen kept (the province's measure: the share of citizens who re-enter nothing).
 * Every check is recorded in the indicators, valid or not.
 */
@Component
public class SubmissionCheck {

    @Schema(name = "Reuse")
    public record Reuse(int bound, int prefilled, int kept, int changed) { }

    /** A form that passed: who, which form, what was filed, its prefill, and the pointers of the prefilled values it kept. */
    public record Checked(FormDefinition form, Citizen citizen, JsonNode data, PrefillTokens.Prefilled prefill, Reuse reuse,
                          List<String> kept) { }

    private final FormCatalog forms;
    private final Citizens citizens;
    private final PrefillTokens tokens;
    private final FormValidator validator;
    private final IndicatorLog indicators;

    SubmissionCheck(FormCatalog forms, Citizens citizens, PrefillTokens tokens, FormValidator validator, IndicatorLog indicators) {
        this.forms = forms;
        this.citizens = citizens;
        this.tokens = tokens;
        this.validator = validator;
        this.indicators = indicators;
    }

    /**
     * The checked form, or a problem: 404 unknown form, 400 a malformed body or a property outside
     * {@code properties}, 401/403 the prefill token, 422 every violation by JSON Pointer.
     */
    public Checked check(String formId, JsonNode body, Jwt jwt, List<String> properties) {
        FormDefinition form = Forms.require(forms, formId);
        Citizen citizen = citizens.of(jwt);
        if (body == null || !body.isObject() || !body.path("data").isObject()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    List.of(new FieldError("/data", "send {\"data\": {…the filled form…}, \"prefillToken\": \"…\"}")));
        }
        List<FieldError> unknown = FieldError.unknownProperties(body, "", properties);
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request", unknown);
        }
        PrefillTokens.Prefilled prefill = prefillOf(body.path("prefillToken").asText(null), form, citizen);
        JsonNode data = body.get("data");
        List<FieldError> errors = new ArrayList<>(validator.violations(form, data));
        List<String> kept = new ArrayList<>();
        for (Map.Entry<String, String> e : prefill.hashes().entrySet()) {
            boolean same = prefill.keeps(e.getKey(), tokens.hash(data.at(e.getKey())));
            if (same) {
                kept.add(e.getKey());
            } else if (prefill.locked().get(e.getKey())) {
                errors.add(new FieldError(e.getKey(), "locked: the value from the register was changed"));
            }
        }
        int prefilled = prefill.hashes().size();
        indicators.submitted(form, violationKinds(errors), prefill.bound(), prefilled, kept.size(), prefill.issuedAt(), citizens.signedInAt(jwt));
        if (!errors.isEmpty()) {
            boolean lockedOnly = errors.stream().allMatch(er -> er.message().startsWith("locked"));
            throw new ApiProblem(422, lockedOnly ? "locked-field-changed" : "invalid-submission", "Invalid submission",
                    errors.size() + " problem(s) in the submitted form; see errors", errors, Map.of());
        }
        return new Checked(form, citizen, data, prefill, new Reuse(prefill.bound(), prefilled, kept.size(), prefilled - kept.size()),
                List.copyOf(kept));
    }

    private static Set<String> violationKinds(List<FieldError> errors) {
        Set<String> kinds = new TreeSet<>();
        errors.forEach(e -> kinds.add(e.message().startsWith("locked") ? SubmissionTally.LOCKED : SubmissionTally.SCHEMA));
        return kinds;
    }

    private PrefillTokens.Prefilled prefillOf(String token, FormDefinition form, Citizen citizen) {
        if (token == null || token.isBlank()) {
            throw new ApiProblem(401, "prefill-token-required", "Prefill token required",
                    "send the prefillToken of this form's prefill with the submission");
        }
        PrefillTokens.Prefilled prefill = tokens.verify(token);
        if (prefill == null) {
            throw new ApiProblem(401, "prefill-token-invalid", "Prefill token invalid",
                    "the prefillToken is malformed, forged or expired; prefill the form again");
        }
        String person = citizen.isOrganisation() ? citizen.enterpriseCode() : citizen.citizenId();
        if (!person.equals(prefill.person()) || !form.id().equals(prefill.formId())) {
            throw new ApiProblem(403, "prefill-token-foreign", "Prefill token of another person or form",
                    "this prefillToken was issued for another person or another form");
        }
        return prefill;
    }
}
