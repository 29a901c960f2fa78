package vn.gov.prefill.flow;

import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.plan.WaveRunner;
import vn.gov.prefill.source.SourceOutcome;

/**
 * Checks, at the source, that the signed-in person may act as the request says: an enterprise's legal
 * representative (business registry) or its organisation account; a child's father or mother
 * (civil-status births). Fails closed: a relation the
 * registry cannot confirm right now is not assumed.
 */
@Component
class ActingForVerifier {

    static final String REPRESENTATIVES_ROUTE = "direct:source-business-representatives";
    static final String BIRTHS_ROUTE = "direct:source-civil-status-births";

    private final WaveRunner runner;

    ActingForVerifier(WaveRunner runner) {
        this.runner = runner;
    }

    /**
     * Refuses (400, 403, 503) unless the relation holds; returns the registry read about the signed-in
     * person to establish it ({@code {"business": "OK"}}), or nothing when no registry was asked.
     */
    Map<String, String> verify(FormDefinition form, Citizen citizen, PrefillRequest request, String requestId, long deadline) {
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
            return Map.of();
        }
        if (!form.actingFor().contains(actingFor.type())) {
            throw ApiProblem.badRequest("acting-for-not-accepted", "actingFor not accepted", java.util.List.of(new FieldError(
                    "/actingFor/type", form.actingFor().isEmpty() ? "form " + form.id() + " is filed only for oneself"
                            : "form " + form.id() + " accepts " + String.join(", ", form.actingFor()))));
        }
        return switch (actingFor.type()) {
            case "ENTERPRISE" -> verifyEnterprise(citizen, actingFor.id(), form, requestId, deadline);
            default -> verifyChild(citizen, actingFor.id(), form, requestId, deadline);
        };
    }

    private Map<String, String> verifyEnterprise(Citizen citizen, String code, FormDefinition form, String requestId, long deadline) {
        if (citizen.isOrganisation()) {
            String own = citizen.enterpriseCode();
            if (code.equals(own) || code.startsWith(own + "-")) {
                return Map.of();
            }
            throw forbidden("this organisation account belongs to another enterprise");
        }
        SourceOutcome outcome = lookup("business", REPRESENTATIVES_ROUTE, citizen, form, requestId, deadline, "the business registry");
        if (outcome.hasRecord()) {
            for (JsonNode enterprise : outcome.record()) {
                String listed = enterprise.path("MaSoDoanhNghiep").asText("");
                if (code.equals(listed) || code.startsWith(listed + "-")) {
                    return Map.of("business", outcome.status().name());
                }
            }
        }
        throw forbidden("the business registry does not list you as a legal representative of this enterprise");
    }

    /** The child must be in a birth registration where the signed-in person is the father or the mother. */
    private Map<String, String> verifyChild(Citizen citizen, String childId, FormDefinition form, String requestId, long deadline) {
        if (citizen.isOrganisation()) {
            throw new ApiProblem(403, "relation-not-held", "Not allowed to act for this child",
                    "an organisation account cannot act for a child");
        }
        SourceOutcome outcome = lookup("civil-status", BIRTHS_ROUTE, citizen, form, requestId, deadline, "the civil-status registry");
        if (outcome.hasRecord()) {
            for (JsonNode birth : outcome.record().path("ketQua")) {
                boolean isChild = childId.equals(birth.at("/nguoiDuocKhaiSinh/soDinhDanh").asText());
                boolean isParent = citizen.citizenId().equals(birth.at("/cha/soDinhDanh").asText())
                        || citizen.citizenId().equals(birth.at("/me/soDinhDanh").asText());
                if (isChild && isParent) {
                    return Map.of("civil-status", outcome.status().name());
                }
            }
        }
        throw new ApiProblem(403, "relation-not-held", "Not allowed to act for this child",
                "the civil-status registry does not list you as this child's father or mother");
    }

    private SourceOutcome lookup(String source, String route, Citizen citizen, FormDefinition form, String requestId, long deadline,
                                 String registry) {
        SourceOutcome outcome = runner.readVia(source, route, citizen.citizenId(), requestId, form.procedureCode(), deadline);
        if (!outcome.status().answered()) {
            throw new ApiProblem(503, "relation-unverifiable", "Relation cannot be verified now",
                    registry + " could not confirm the relation (" + outcome.status() + "); try again shortly",
                    java.util.List.of(), Map.of("Retry-After", "30"));
        }
        return outcome;
    }

    private static ApiProblem forbidden(String detail) {
        return new ApiProblem(403, "relation-not-held", "Not allowed to act for this enterprise", detail);
    }
}
