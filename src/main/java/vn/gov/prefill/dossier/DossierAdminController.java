package vn.gov.prefill.dossier;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.edge.QueryParameters;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/** Deliveries for operators ({@code /api/v1/admin/**} needs the operator role): no personal data, only ids, forms, times and kinds. */
@RestController
@Tag(name = "Dossiers")
class DossierAdminController {

    private final DossierStore store;
    private final Filing filing;

    DossierAdminController(DossierStore store, Filing filing) {
        this.store = store;
        this.filing = filing;
    }

    @Schema(name = "DossierDelivery", requiredProperties = {"dossierId", "formId", "status", "filedAt", "updatedAt", "attempts"})
    record Delivery(String dossierId, String formId, String procedureCode, @Schema(implementation = DossierStatus.class) String status,
                    @Schema(format = "date-time") String filedAt, @Schema(format = "date-time") String updatedAt, int attempts,
                    @Schema(description = "the kind of the last failed attempt: HTTP_503, TIMEOUT, RESET, HTTP_422 <MaLoi>…")
                    String lastError) { }

    @Schema(name = "Redelivery", requiredProperties = {"dossierId", "status"})
    record Redelivery(String dossierId, @Schema(allowableValues = "RECEIVED") String status) { }

    @Operation(operationId = "adminDossiers", summary = "Dossiers by delivery status",
            description = "The dossiers in one status (default DELIVERY_FAILED), oldest first, without personal data: id, form, "
                    + "times, attempts and the kind of the last failure. Operators only.",
            security = @SecurityRequirement(name = "operatorToken"),
            responses = @ApiResponse(responseCode = "200", description = "the dossiers in that status"),
            parameters = {
                @Parameter(name = "status", in = ParameterIn.QUERY, description = "the status listed",
                        schema = @Schema(implementation = DossierStatus.class, defaultValue = "DELIVERY_FAILED")),
                @Parameter(name = "limit", in = ParameterIn.QUERY, description = "at most this many",
                        schema = @Schema(type = "integer", minimum = "1", maximum = "1000", defaultValue = "100"))})
    @GetMapping(path = "/api/v1/admin/dossiers", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Delivery> list(@RequestParam(required = false) String status, @RequestParam(required = false) String limit) {
        List<FieldError> errors = new ArrayList<>();
        int n = QueryParameters.integer("limit", limit, 100, 1, 1000, errors);
        DossierStatus wanted = DossierStatus.DELIVERY_FAILED;
        if (status != null) {
            try {
                wanted = DossierStatus.valueOf(status.strip());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("status", "must be one of " + Arrays.toString(DossierStatus.values())));
            }
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter", errors);
        }
        try {
            return store.withStatus(wanted, n).stream().map(d -> new Delivery(d.id(), d.formId(), d.procedureCode(), d.status().name(),
                    DossierController.at(d.filedAt()), DossierController.at(d.updatedAt()), d.attempts(), d.lastError())).toList();
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("the dossiers cannot be read right now; try again shortly");
        }
    }

    @Operation(operationId = "redeliverDossier", summary = "Deliver a failed dossier again",
            description = "A DELIVERY_FAILED dossier is RECEIVED again and its delivery starts a new round of the retry "
                    + "schedule, under the same Idempotency-Key. Operators only.",
            security = @SecurityRequirement(name = "operatorToken"),
            responses = @ApiResponse(responseCode = "202", description = "the delivery is pending again"))
    @PostMapping(path = "/api/v1/admin/dossiers/{dossierId}/redeliver", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.ACCEPTED)
    Redelivery redeliver(@PathVariable String dossierId) {
        try {
            DossierStore.Dossier dossier = store.byId(dossierId).orElseThrow(() ->
                    new ApiProblem(404, "unknown-dossier", "Unknown dossier", "no dossier has this id"));
            if (!filing.redeliver(dossierId)) {
                throw new ApiProblem(409, "not-delivery-failed", "Not a failed delivery",
                        "only a DELIVERY_FAILED dossier is redelivered; this one is " + dossier.status());
            }
            return new Redelivery(dossierId, DossierStatus.RECEIVED.name());
        } catch (DataAccessException e) {
            throw ApiProblem.auditUnavailable("the dossier cannot be redelivered right now; try again shortly");
        }
    }
}
