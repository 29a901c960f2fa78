package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

/** Operator tokens, and what only they may do: the admin API and actuator beyond a health status. */
class OperatorsIT extends GatewayTestSupport {

    static final List<String> OPERATOR_ONLY = List.of("/api/v1/admin/indicators", "/api/v1/admin/indicators.csv",
            "/actuator/prometheus", "/actuator/auditchain", "/actuator/info", "/actuator", "/actuator/health/registries");

    @Test
    void aDemoOperatorTokenCarriesTheRoleInTheRolesClaim() throws Exception {
        Answer a = call("POST", "/api/v1/demo/tokens", null, "application/json", "{\"operator\": true}");

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        JsonNode claims = JSON.readTree(Base64.getUrlDecoder().decode(a.body().get("access_token").asText().split("\\.")[1]));
        assertThat(claims.get("roles").toString()).isEqualTo("[\"OPERATOR\"]");
        assertThat(claims.has("auth_time")).isTrue();
        // a citizen's token carries no role
        String citizen = token("hoa");
        assertThat(JSON.readTree(Base64.getUrlDecoder().decode(citizen.split("\\.")[1])).has("roles")).isFalse();
    }

    @Test
    void theOperatorFlagMustBeABoolean() {
        Answer a = call("POST", "/api/v1/demo/tokens", null, "application/json", "{\"operator\": \"yes\"}");

        assertThat(a.status()).isEqualTo(400);
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/operator");
    }

    @Test
    void everyOperatorEndpointIs401WithoutATokenAnd403ForACitizen() {
        String citizen = token("hoa");
        for (String path : OPERATOR_ONLY) {
            Answer anonymous = call("GET", path, null, null, null);
            assertThat(anonymous.status()).as(path).isEqualTo(401);
            assertThat(anonymous.contentType()).as(path).startsWith("application/problem+json");
            assertThat(anonymous.raw().headers().firstValue("WWW-Authenticate")).as(path).hasValue("Bearer");
            Answer forbidden = call("GET", path, citizen, null, null);
            assertThat(forbidden.status()).as(path).isEqualTo(403);
            assertThat(forbidden.contentType()).as(path).startsWith("application/problem+json");
            assertThat(forbidden.body().get("status").asInt()).as(path).isEqualTo(403);
        }
    }

    @Test
    void anOrganisationAccountIsNoOperatorEither() {
        Answer a = call("GET", "/api/v1/admin/indicators", token("song-hong-org"), null, null);

        assertThat(a.status()).isEqualTo(403);
    }

    @Test
    void operatorsReachEveryOperatorEndpoint() {
        String operator = operatorToken();
        for (String path : OPERATOR_ONLY) {
            assertThat(statusOf(path, operator)).as(path).isEqualTo(200);
        }
    }

    @Test
    void aTokenWithAnotherRoleIsNoOperator() {
        // the role must be OPERATOR exactly, in the configured claim
        Map<String, Object> claims = new java.util.LinkedHashMap<>(vn.gov.prefill.mocks.DemoIdentityProvider.claimsOf(
                idp.persona("hoa").orElseThrow()));
        claims.put("roles", List.of("operator", "AUDITOR"));
        String token = idp.sign(claims, "prefill-gateway", 600);

        assertThat(call("GET", "/api/v1/admin/indicators", token, null, null).status()).isEqualTo(403);
        claims.put("roles", List.of("AUDITOR", "OPERATOR"));
        assertThat(call("GET", "/api/v1/admin/indicators", idp.sign(claims, "prefill-gateway", 600), null, null).status())
                .isEqualTo(200);
    }

    @Test
    void healthIsAStatusOnlyForEveryoneAndDetailedForOperators() {
        Answer anonymous = call("GET", "/actuator/health", null, null, null);
        assertThat(anonymous.status()).isEqualTo(200);
        assertThat(anonymous.body().get("status").asText()).isIn("UP", "DEGRADED");
        // the status, and the names of the probes' groups: no components, no details, no disk path
        assertThat(anonymous.body().fieldNames()).toIterable().isSubsetOf("status", "groups");
        assertThat(anonymous.raw().body()).doesNotContain("path").doesNotContain("diskSpace").doesNotContain("registries");
        Answer citizen = call("GET", "/actuator/health", token("hoa"), null, null);
        assertThat(citizen.body().fieldNames()).toIterable().isSubsetOf("status", "groups");
        assertThat(call("GET", "/actuator/health/readiness", null, null, null).body().fieldNames()).toIterable().containsExactly("status");

        Answer operator = call("GET", "/actuator/health", operatorToken(), null, null);
        assertThat(operator.body().has("components")).isTrue();
        assertThat(operator.body().at("/components/registries/details").isObject()).isTrue();
    }
}
