package vn.gov.prefill.submission;

import java.util.List;

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
import vn.gov.prefill.submission.SubmissionCheck.Reuse;

/** Checks a filled form before it is filed ({@link SubmissionCheck}), and answers the verdict. */
@RestController
@Tag(name = "Submissions")
class SubmissionController {

    private static final Logger log = LoggerFactory.getLogger(SubmissionController.class);

    private final SubmissionCheck check;

    SubmissionController(SubmissionCheck check) {
        this.check = check;
    }

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
        SubmissionCheck.Checked checked = check.check(formId, body, jwt, List.of("data", "prefillToken"));
        Reuse reuse = checked.reuse();
        log.info("submission form={} bound={} prefilled={} kept={} changed={}", checked.form().id(), reuse.bound(), reuse.prefilled(),
                reuse.kept(), reuse.changed());
        return new Verdict(true, reuse);
    }
}
