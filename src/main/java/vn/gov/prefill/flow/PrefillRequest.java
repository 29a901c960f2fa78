package vn.gov.prefill.flow;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.domain.Identifiers;

/**
 * The body of a prefill: {@code {"actingFor": {"type", "citizenId" | "enterpriseCode"}, "consent": {"sources": […]}}},
 * all optional. Parsed strictly: unknown properties and malformed numbers are refused with their pointer.
 */
public record PrefillRequest(ActingFor actingFor, Set<String> consentedSources) {

    /** On whose behalf the signed-in person asks. */
    public record ActingFor(String type, String id) { }

    public static PrefillRequest parse(JsonNode body, Set<String> knownSources) {
        if (body == null || body.isNull() || body.isMissingNode()) {
            return new PrefillRequest(null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        if (!body.isObject()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    List.of(new FieldError("", "the body must be a JSON object")));
        }
        errors.addAll(FieldError.unknownProperties(body, "", List.of("actingFor", "consent")));
        ActingFor actingFor = actingFor(body.get("actingFor"), errors);
        Set<String> consent = consent(body.get("consent"), knownSources, errors);
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request", errors);
        }
        return new PrefillRequest(actingFor, consent);
    }

    private static ActingFor actingFor(JsonNode node, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("/actingFor", "must be an object {\"type\": \"CHILD\"|\"ENTERPRISE\", …}"));
            return null;
        }
        errors.addAll(FieldError.unknownProperties(node, "/actingFor", List.of("type", "citizenId", "enterpriseCode")));
        String type = node.path("type").isTextual() ? node.get("type").asText() : null;
        if ("CHILD".equals(type)) {
            String id = stringAt(node, "citizenId", errors);
            if (node.has("enterpriseCode")) {
                errors.add(new FieldError("/actingFor/enterpriseCode", "not allowed with type CHILD"));
            }
            String problem = id == null ? null : Identifiers.citizenIdProblem(id);
            if (id != null && problem != null) {
                errors.add(new FieldError("/actingFor/citizenId", problem));
            }
            return new ActingFor(type, id);
        }
        if ("ENTERPRISE".equals(type)) {
            String code = stringAt(node, "enterpriseCode", errors);
            if (node.has("citizenId")) {
                errors.add(new FieldError("/actingFor/citizenId", "not allowed with type ENTERPRISE"));
            }
            String problem = code == null ? null : Identifiers.enterpriseCodeProblem(code);
            if (code != null && problem != null) {
                errors.add(new FieldError("/actingFor/enterpriseCode", problem));
            }
            return new ActingFor(type, code);
        }
        errors.add(new FieldError("/actingFor/type", "must be \"CHILD\" or \"ENTERPRISE\""));
        return null;
    }

    private static String stringAt(JsonNode node, String field, List<FieldError> errors) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            errors.add(new FieldError("/actingFor/" + field, "is missing"));
            return null;
        }
        if (!v.isTextual()) {
            errors.add(new FieldError("/actingFor/" + field, "must be a string"));
            return null;
        }
        return v.asText();
    }

    private static Set<String> consent(JsonNode node, Set<String> knownSources, List<FieldError> errors) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            errors.add(new FieldError("/consent", "must be an object {\"sources\": [...]}"));
            return null;
        }
        errors.addAll(FieldError.unknownProperties(node, "/consent", List.of("sources")));
        JsonNode sources = node.get("sources");
        if (sources == null || !sources.isArray()) {
            errors.add(new FieldError("/consent/sources", "must be an array of source names"));
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (int i = 0; i < sources.size(); i++) {
            JsonNode s = sources.get(i);
            if (!s.isTextual() || !knownSources.contains(s.asText())) {
                errors.add(new FieldError("/consent/sources/" + i, "not a known source (known: " + String.join(", ", knownSources) + ")"));
            } else {
                out.add(s.asText());
            }
        }
        return out;
    }
}
