package vn.gov.prefill.mocks;

import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.identity.Desk;
import vn.gov.prefill.identity.Roles;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.gov.prefill.api.DemoToken;
import vn.gov.prefill.api.DemoTokenRequestBody;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.mocks.DemoIdentityProvider;
import vn.gov.prefill.mocks.Persona;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.domain.Identifiers;

/**
 * Mints citizen tokens for testers, signed by the embedded identity provider. When the mocks are off
 * there is no provider and these endpoints answer 404.
 */
@RestController
@Tag(name = "Demo identity")
class DemoTokenController {

    private static final List<String> FIELDS = List.of("persona", "citizenId", "enterpriseCode", "loa", "audience", "expiresInSeconds",
            "operator", "signedInSecondsAgo", "officer", "officerCode", "unitCode", "unitName");
    /** Who an operator token names when no persona is given: a provincial officer, not one of the personas. */
    static final Persona OPERATOR = new Persona("operator", "provincial operator", "001080000900", "CÁN BỘ VẬN HÀNH",
            Citizen.CITIZEN_ACCOUNT, "LoA2", null);
    /** The officer of a desk token when none is named: at the one-stop desk of a ward of Bắc Ninh. */
    static final Persona OFFICER = new Persona("officer", "one-stop desk officer", "027085000731", "PHẠM THU HÀ",
            Citizen.CITIZEN_ACCOUNT, "LoA2", null);
    static final String OFFICER_CODE = "CB.27.0042";
    static final String UNIT_CODE = "000.27.31.H09";
    static final String UNIT_NAME = "Bộ phận Một cửa phường Kinh Bắc";
    /** The token's own claim names, accepted too. */
    private static final Map<String, String> ALIASES = Map.of("SoDinhDanh", "citizenId", "MaSoDoanhNghiep", "enterpriseCode",
            "acr", "loa", "aud", "audience", Desk.OFFICER_CLAIM, "officerCode", Desk.UNIT_CLAIM, "unitCode",
            Desk.UNIT_NAME_CLAIM, "unitName");
    private final ObjectProvider<DemoIdentityProvider> provider;
    private final GatewayProperties properties;
    private final Roles roles;

    DemoTokenController(ObjectProvider<DemoIdentityProvider> provider, GatewayProperties properties, Roles roles) {
        this.provider = provider;
        this.properties = properties;
        this.roles = roles;
    }

    @Operation(operationId = "demoPersonas", summary = "List the personas of the mocks",
            description = "The people and enterprises the mocked registries know, each reproducing a data situation or a fault.",
            responses = @ApiResponse(responseCode = "200", description = "the personas of mocks/personas.json"))
    @GetMapping(path = "/api/v1/demo/personas", produces = MediaType.APPLICATION_JSON_VALUE)
    List<Persona> personas() {
        return idp().personas();
    }

    @Operation(operationId = "mintDemoToken", summary = "Sign in as a persona",
            description = "Mints a citizen token signed by the embedded identity provider, for a persona, or for any "
                    + "well-formed personal number (citizen account) or enterprise code (organisation account).",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DemoTokenRequestBody.class))),
            responses = @ApiResponse(responseCode = "200", description = "a signed token",
                    content = @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = DemoToken.class))))
    @PostMapping(path = "/api/v1/demo/tokens", produces = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> mint(@RequestBody(required = false) JsonNode request) {
        DemoIdentityProvider idp = idp();
        JsonNode body = request;
        if (request != null && request.isObject()) {
            com.fasterxml.jackson.databind.node.ObjectNode renamed = ((com.fasterxml.jackson.databind.node.ObjectNode) request).objectNode();
            request.fields().forEachRemaining(e -> renamed.set(ALIASES.getOrDefault(e.getKey(), e.getKey()), e.getValue()));
            body = renamed;
        }
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request",
                    List.of(new FieldError("/persona", "send {\"persona\": \"<id>\"}; GET /api/v1/demo/personas lists them")));
        }
        errors.addAll(FieldError.unknownProperties(body, "", FIELDS));
        if (body.has("operator") && !body.path("operator").isBoolean()) {
            errors.add(new FieldError("/operator", "must be true or false"));
        }
        if (body.has("officer") && !body.path("officer").isBoolean()) {
            errors.add(new FieldError("/officer", "must be true or false"));
        }
        boolean operator = body.path("operator").asBoolean(false);
        boolean officer = body.path("officer").asBoolean(false);
        if (operator && officer) {
            errors.add(new FieldError("/officer", "a token is an operator's or an officer's, not both"));
        }
        for (String code : List.of("officerCode", "unitCode", "unitName")) {
            if (body.has(code) && !officer) {
                errors.add(new FieldError("/" + code, "only with \"officer\": true"));
            } else if (body.has(code) && (!body.path(code).isTextual() || body.path(code).asText().isBlank()
                    || body.path(code).asText().length() > 64)) {
                errors.add(new FieldError("/" + code, "must be a non-empty string of at most 64 characters"));
            }
        }
        long signedInAgo = body.path("signedInSecondsAgo").asLong(0);
        if (signedInAgo < 0 || signedInAgo > 86400) {
            errors.add(new FieldError("/signedInSecondsAgo", "must be between 0 and 86400"));
        }
        boolean named = body.has("persona") || body.has("citizenId") || body.has("enterpriseCode");
        Persona persona = operator && !named ? OPERATOR : officer && !named ? OFFICER : persona(idp, body, errors);
        String loa = body.path("loa").asText(null);
        if (loa != null && !List.of("LoA1", "LoA2").contains(loa)) {
            errors.add(new FieldError("/loa", "must be LoA1 or LoA2"));
        }
        long lifetime = body.path("expiresInSeconds").asLong(3600);
        if (lifetime < -86400 || lifetime > 86400 || lifetime == 0) {
            errors.add(new FieldError("/expiresInSeconds", "must be between -86400 (already expired) and 86400, not 0"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request", errors);
        }
        Map<String, Object> claims = DemoIdentityProvider.claimsOf(persona);
        if (loa != null) {
            claims.put("acr", loa);
        }
        claims.put("azp", "demo-e-form");
        claims.put("auth_time", idp.now().getEpochSecond() - signedInAgo);
        if (operator) {
            claims.put(roles.claim(), List.of(roles.operatorRole()));
        }
        if (officer) {
            claims.put(roles.claim(), List.of(roles.officerRole()));
            claims.put(Desk.OFFICER_CLAIM, body.path("officerCode").asText(OFFICER_CODE));
            claims.put(Desk.UNIT_CLAIM, body.path("unitCode").asText(UNIT_CODE));
            claims.put(Desk.UNIT_NAME_CLAIM, body.path("unitName").asText(UNIT_NAME));
        }
        String audience = body.path("audience").asText(properties.getSecurity().getAudience());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("access_token", idp.sign(claims, audience, lifetime));
        out.put("token_type", "Bearer");
        out.put("expires_in", lifetime);
        out.put("persona", persona.id());
        if (operator) {
            out.put("roles", List.of(roles.operatorRole()));
        }
        if (officer) {
            out.put("roles", List.of(roles.officerRole()));
            out.put("desk", Map.of("officer", claims.get(Desk.OFFICER_CLAIM), "unit", claims.get(Desk.UNIT_CLAIM),
                    "unitName", claims.get(Desk.UNIT_NAME_CLAIM)));
        }
        return out;
    }

    /**
     * A persona of mocks/personas.json by id; or, for the fault matrix and ad-hoc tests, any well-formed
     * personal number (a citizen account) or enterprise code (an organisation account).
     */
    private static Persona persona(DemoIdentityProvider idp, JsonNode body, List<FieldError> errors) {
        int given = (body.has("persona") ? 1 : 0) + (body.has("citizenId") ? 1 : 0) + (body.has("enterpriseCode") ? 1 : 0);
        if (given != 1) {
            errors.add(new FieldError("/persona", "send exactly one of persona, citizenId or enterpriseCode"));
            return null;
        }
        if (body.has("citizenId")) {
            String id = body.path("citizenId").asText("");
            String problem = Identifiers.citizenIdProblem(id);
            if (problem != null) {
                errors.add(new FieldError("/citizenId", problem));
                return null;
            }
            return new Persona("ad-hoc", "any citizen", id, "NGƯỜI KIỂM THỬ", Citizen.CITIZEN_ACCOUNT, "LoA2", null);
        }
        if (body.has("enterpriseCode")) {
            String code = body.path("enterpriseCode").asText("");
            String problem = Identifiers.enterpriseCodeProblem(code);
            if (problem != null) {
                errors.add(new FieldError("/enterpriseCode", problem));
                return null;
            }
            return new Persona("ad-hoc", "any enterprise", null, "DOANH NGHIỆP KIỂM THỬ", Citizen.ORGANISATION_ACCOUNT, "LoA2", code);
        }
        Persona persona = idp.persona(body.path("persona").asText("")).orElse(null);
        if (persona == null) {
            errors.add(new FieldError("/persona", "unknown persona; GET /api/v1/demo/personas lists them"));
        } else if (persona.accountType() == null) {
            errors.add(new FieldError("/persona", "this persona is an enterprise of the mocks, not an account that signs in"));
        }
        return persona;
    }

    private DemoIdentityProvider idp() {
        DemoIdentityProvider idp = provider.getIfAvailable();
        if (idp == null) {
            throw new ApiProblem(404, "not-found", "Not found", "demo tokens exist only while gateway.mocks.enabled is true");
        }
        return idp;
    }
}
