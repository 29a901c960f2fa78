package vn.gov.prefill.prefill;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.problem.ApiProblem;
import vn.gov.prefill.problem.ApiProblem.FieldError;
import vn.gov.prefill.source.SourceFetcher;
import vn.gov.prefill.source.SourceOutcome;

/**
 * Checks, at the source, that the signed-in person may act as the request says: an enterprise's legal
 * representative (business registry) or its organisation account. Fails closed: a relation the
 * registry cannot confirm right now is not assumed.
 */
@Component
class ActingForVerifier {

    static final String REPRESENTATIVES_ROUTE = "direct:source-business-representatives";

    private final SourceFetcher fetcher;
    private final long timeoutMs;

    ActingForVerifier(SourceFetcher fetcher, GatewayProperties properties) {
        this.fetcher = fetcher;
        this.timeoutMs = properties.getPrefill().getDeadline().toMillis();
    }

    void verify(FormDefinition form, Citizen citizen, PrefillRequest request, String requestId) {
        PrefillRequest.ActingFor actingFor = request.actingFor();
        if (actingFor == null) {
            if (!form.actingFor().isEmpty()) {
                throw ApiProblem.badRequest("acting-for-required", "actingFor required", java.util.List.of(new FieldError("/actingFor",
                        "form " + form.id() + " is filed on behalf of " + String.join(" or ", form.actingFor())
                                + "; send actingFor")));
            }
            if (citizen.isOrganisation()) {
                throw new ApiProblem(403, "organisation-account", "Organisation account",
                        "an organisation account can only prefill forms filed for its enterprise");
            }
            return;
        }
        if (!form.actingFor().contains(actingFor.type())) {
            throw ApiProblem.badRequest("acting-for-not-accepted", "actingFor not accepted", java.util.List.of(new FieldError(
                    "/actingFor/type", form.actingFor().isEmpty() ? "form " + form.id() + " is filed only for oneself"
                            : "form " + form.id() + " accepts " + String.join(", ", form.actingFor()))));
        }
        switch (actingFor.type()) {
            case "ENTERPRISE" -> verifyEnterprise(citizen, actingFor.id(), form, requestId);
            default -> throw new ApiProblem(403, "relation-not-verified", "Relation not verified",
                    "acting for a " + actingFor.type().toLowerCase() + " cannot be verified by this gateway yet");
        }
    }

    private void verifyEnterprise(Citizen citizen, String code, FormDefinition form, String requestId) {
        if (citizen.isOrganisation()) {
            String own = citizen.enterpriseCode();
            if (code.equals(own) || code.startsWith(own + "-")) {
                return;
            }
            throw forbidden("this organisation account belongs to another enterprise");
        }
        SourceOutcome outcome = fetcher.read("business", REPRESENTATIVES_ROUTE, citizen.citizenId(), requestId, form.procedureCode(),
                System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(timeoutMs)).join();
        if (!outcome.status().answered()) {
            throw new ApiProblem(503, "relation-unverifiable", "Relation cannot be verified now",
                    "the business registry could not confirm who represents the enterprise (" + outcome.status()
                            + "); try again shortly", java.util.List.of(), Map.of("Retry-After", "30"));
        }
        if (outcome.hasRecord()) {
            for (JsonNode enterprise : outcome.record()) {
                String listed = enterprise.path("MaSoDoanhNghiep").asText("");
                if (code.equals(listed) || code.startsWith(listed + "-")) {
                    return;
                }
            }
        }
        throw forbidden("the business registry does not list you as a legal representative of this enterprise");
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "relation-not-held", "Not allowed to act for this enterprise", detail);
    }
}
