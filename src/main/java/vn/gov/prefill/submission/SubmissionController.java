package vn.gov.prefill.submission;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.api.SubmissionRequestBody;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.Forms;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Citizens;
import vn.gov.prefill.indicators.IndicatorLog;
import vn.gov.prefill.indicators.SubmissionTally;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.flow.PrefillTokens;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/**
 * Checks a filled form before it is filed: the data against the form's schema, every locked value
 * against the prefill it came from, and counts how much of the prefill the citizen kept (the
 * province's measure: the share of citizens who re-enter nothing).
 */
@RestController
@Tag(name = "Submissions")
class SubmissionController {

    private static final Logger log = LoggerFactory.getLogger(SubmissionController.class);

    private final FormCatalog forms;
    private final Citizens citizens;
    private final PrefillTokens tokens;
    private final FormValidator validator;
    private final IndicatorLog indicators;

    SubmissionController(FormCatalog forms, Citizens citizens, PrefillTokens tokens, FormValidator validator, IndicatorLog indicators) {
        this.forms = forms;
        this.citizens = citizens;
        this.tokens = tokens;
        this.validator = validator;
        this.indicators = indicators;
    }

    @Schema(name = "Reuse")
    record Reuse(int bound, int prefilled, int kept, int changed) { }

    @Schema(name = "SubmissionVerdict")
    record Verdict(boolean valid, Reuse reuse) { }

    @Operation(operationId = "submit", summary = "Check a filled form before it is filed",
            description = "Validates data against the form's JSON Schema and every locked value against the prefill the "
                    + "prefillToken stands for. 200 with the reuse counts when all holds; 422 listing every violation by "
                    + "JSON Pointer otherwise.",
            security = @SecurityRequirement(name = "citizenToken"),
            responses = @ApiResponse(responseCode = "200", description = "valid: the data satisfies the form and every "
                    + "locked value is unchanged; reuse counts how much of the prefill was kept"),
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = SubmissionRequestBody.class))))
    @PostMapping(path = "/api/v1/forms/{formId}/submissions", produces = MediaType.APPLICATION_JSON_VALUE)
    Verdict submit(@PathVariable String formId, @RequestBody(required = false) JsonNode body, @AuthenticationPrincipal Jwt jwt) {
        FormDefinition form = Forms.require(forms, formId);
        Citizen citizen = citizens.of(jwt);
        if (body == null || !body.isObject() || !body.path("data").isObject()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    List.of(new FieldError("/data", "send {\"data\": {…the filled form…}, \"prefillToken\": \"…\"}")));
        }
        List<FieldError> unknown = FieldError.unknownProperties(body, "", List.of("data", "prefillToken"));
        if (!unknown.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request", unknown);
        }
        PrefillTokens.Prefilled prefill = prefillOf(body.path("prefillToken").asText(null), form, citizen);
        JsonNode data = body.get("data");
        List<FieldError> errors = new ArrayList<>(validator.violations(form, data));
        int kept = 0;
        for (Map.Entry<String, String> e : prefill.hashes().entrySet()) {
            boolean same = prefill.keeps(e.getKey(), tokens.hash(data.at(e.getKey())));
            if (same) {
                kept++;
            } else if (prefill.locked().get(e.getKey())) {
                errors.add(new FieldError(e.getKey(), "locked: the value from the register was changed"));
            }
        }
        int prefilled = prefill.hashes().size();
        indicators.submitted(form, violationKinds(errors), prefill.bound(), prefilled, kept, prefill.issuedAt(), citizens.signedInAt(jwt));
        if (!errors.isEmpty()) {
            boolean lockedOnly = errors.stream().allMatch(er -> er.message().startsWith("locked"));
            throw new ApiProblem(422, lockedOnly ? "locked-field-changed" : "invalid-submission", "Invalid submission",
                    errors.size() + " problem(s) in the submitted form; see errors", errors, Map.of());
        }
        Reuse reuse = new Reuse(prefill.bound(), prefilled, kept, prefilled - kept);
        log.info("submission form={} bound={} prefilled={} kept={} changed={}", form.id(), reuse.bound(), prefilled, kept, reuse.changed());
        return new Verdict(true, reuse);
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
