package vn.gov.prefill.api;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;

/** An RFC 9457 problem document as the gateway writes it ({@code problem.ProblemWriter}); documentation only. */
@Schema(name = "Problem", requiredProperties = {"type", "title", "status", "detail", "requestId"},
        description = "RFC 9457 problem details. type names the reason (its last segment is stable: unknown-form, "
                + "invalid-request, relation-not-held…); errors, for request errors, names every field at fault.")
public record Problem(
        @Schema(format = "uri", example = "https://prefill.gov.vn/problems/invalid-request") String type,
        @Schema(example = "Invalid request") String title,
        @Schema(minimum = "400", maximum = "599", example = "400") int status,
        @Schema(example = "/actingFor/citizenId: has a wrong check digit (expected 7)") String detail,
        @Schema(description = "the path of the request", example = "/api/v1/forms/birth-registration/prefill") String instance,
        @Schema(description = "the X-Request-Id of this answer; quote it to the operator", example = "01JD4Z8X3M2Q7V9K5T1R6W0ABC")
        String requestId,
        List<FieldError> errors) {

    @Schema(name = "ProblemError", requiredProperties = {"pointer", "message"})
    public record FieldError(
            @Schema(description = "a JSON Pointer into the body (or into the submitted data), or a query parameter's name",
                    example = "/actingFor/citizenId") String pointer,
            @Schema(example = "has a wrong check digit (expected 7)") String message) { }
}
