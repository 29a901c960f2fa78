package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/** Every refusal is an RFC 9457 problem naming the field and the reason; the catalogue is public. */
class ApiProblemsIT extends GatewayTestSupport {

    static final String FORM = "/api/v1/forms/criminal-record-request/prefill";

    void assertProblem(Answer a, int status, String slug) {
        assertThat(a.status()).isEqualTo(status);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("status").asInt()).isEqualTo(status);
        assertThat(a.body().get("type").asText()).endsWith("/problems/" + slug);
        assertThat(a.body().get("title").asText()).isNotBlank();
        assertThat(a.body().get("detail").asText()).isNotBlank();
        assertThat(a.body().get("requestId").asText()).hasSize(26);
        assertThat(a.body().get("instance").asText()).startsWith("/");
        assertThat(a.raw().body()).doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("eyJ");
    }

    @Test
    void noTokenIs401() {
        Answer a = call("POST", FORM, null, null, null);
        assertProblem(a, 401, "unauthenticated");
        assertThat(a.raw().headers().firstValue("WWW-Authenticate")).hasValue("Bearer");
    }

    @Test
    void garbageTokenIs401() {
        assertProblem(call("POST", FORM, "not-a-jwt", null, null), 401, "unauthenticated");
    }

    @Test
    void wrongAudienceIs401NamingTheAudience() {
        Answer a = call("POST", FORM, token(Map.of("persona", "hoa", "audience", "another-gateway")), null, null);
        assertProblem(a, 401, "unauthenticated");
        assertThat(a.body().get("detail").asText()).contains("audience");
    }

    @Test
    void actingForAChildWhileTheCivilStatusRegistryIsDownIs503RelationUnverifiable() {
        // civil-status-fault's civil-status registry answers HTTP 500: the relation cannot be verified, so nothing is read
        Answer a = call("POST", "/api/v1/forms/child-health-insurance/prefill", token("civil-status-fault"), "application/json",
                "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\"}}");
        assertProblem(a, 503, "relation-unverifiable");
        assertThat(a.raw().body()).doesNotContain("TRẦN MINH AN");
    }

    @Test
    void expiredTokenIs401() {
        Answer a = call("POST", FORM, token(Map.of("persona", "hoa", "expiresInSeconds", -600)), null, null);
        assertProblem(a, 401, "unauthenticated");
        assertThat(a.body().get("detail").asText()).contains("expired");
    }

    @Test
    void tokenSignedByAKeyOutsideTheJwksIs401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("stranger").build(),
                new JWTClaimsSet.Builder().issuer(idp.issuer()).audience("prefill-gateway").claim("SoDinhDanh", "027190001234")
                        .claim("acr", "LoA2").expirationTime(Date.from(idp.now().plusSeconds(60))).build());
        jwt.sign(new RSASSASigner(stranger));
        assertProblem(call("POST", FORM, jwt.serialize(), null, null), 401, "unauthenticated");
    }

    @Test
    void tokenWithAMalformedPersonalNumberIs401NamingTheClaim() {
        Map<String, Object> claims = new LinkedHashMap<>(Map.of("SoDinhDanh", "02719000123X", "LoaiTaiKhoan", "1", "acr", "LoA2"));
        Answer a = call("POST", FORM, idp.sign(claims, "prefill-gateway", 300), null, null);
        assertProblem(a, 401, "unauthenticated");
        assertThat(a.body().get("detail").asText()).contains("SoDinhDanh").contains("12 digits");
    }

    @Test
    void lowAssuranceIs403() {
        assertProblem(call("POST", FORM, token(Map.of("persona", "hoa", "loa", "LoA1")), null, null), 403, "assurance-too-low");
    }

    @Test
    void unknownFormIs404() {
        assertProblem(prefill("no-such-form", token("hoa"), null), 404, "unknown-form");
        assertProblem(call("GET", "/api/v1/forms/no-such-form", null, null, null), 404, "unknown-form");
        // refused by the servlet container itself, still as a problem document
        Answer traversal = call("GET", "/api/v1/forms/..%2F..%2Fetc%2Fpasswd", null, null, null);
        assertThat(traversal.status()).isEqualTo(400);
        assertThat(traversal.contentType()).startsWith("application/problem+json");
        assertThat(traversal.body().get("status").asInt()).isEqualTo(400);
    }

    @Test
    void malformedJsonIs400() {
        assertProblem(prefill("criminal-record-request", token("hoa"), "{\"consent\": "), 400, "malformed-json");
    }

    @Test
    void unknownPropertyIs400WithItsPointer() {
        Answer a = prefill("criminal-record-request", token("hoa"), "{\"actingAs\": \"x\"}");
        assertProblem(a, 400, "invalid-request");
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/actingAs");
    }

    @Test
    void wrongContentTypeIs415() {
        Answer a = call("POST", FORM, token("hoa"), "text/plain", "hello");
        assertProblem(a, 415, "unsupported-media-type");
    }

    @Test
    void malformedEnterpriseCodesAre400WithTheReason() {
        String binh = token("binh");
        Answer checkDigit = prefill("enterprise-change-notice", binh, actingForEnterprise("0100233489"));
        assertProblem(checkDigit, 400, "invalid-request");
        assertThat(checkDigit.body().at("/errors/0/pointer").asText()).isEqualTo("/actingFor/enterpriseCode");
        assertThat(checkDigit.body().at("/errors/0/message").asText()).contains("check digit");

        Answer shape = prefill("enterprise-change-notice", binh, actingForEnterprise("01002334"));
        assertThat(shape.body().at("/errors/0/message").asText()).contains("10 digits");

        Answer child = prefill("enterprise-change-notice", binh, "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"0272240098\"}}");
        assertProblem(child, 400, "invalid-request");
        assertThat(child.body().at("/errors/0/pointer").asText()).isEqualTo("/actingFor/citizenId");
        assertThat(child.body().at("/errors/0/message").asText()).contains("12 digits");
    }

    @Test
    void actingForOnAFormFiledOnlyForOneselfIs400() {
        Answer a = prefill("criminal-record-request", token("binh"), actingForEnterprise("0100233488"));
        assertProblem(a, 400, "acting-for-not-accepted");
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/actingFor/type");
    }

    @Test
    void unknownConsentedSourceIs400() {
        Answer a = prefill("criminal-record-request", token("hoa"), "{\"consent\": {\"sources\": [\"population\", \"tax\"]}}");
        assertProblem(a, 400, "invalid-request");
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/consent/sources/1");
    }

    @Test
    void demoTokenForAnUnknownPersonaIs400() {
        Answer a = call("POST", "/api/v1/demo/tokens", null, "application/json", "{\"persona\": \"nobody\"}");
        assertProblem(a, 400, "invalid-request");
        assertThat(a.body().at("/errors/0/pointer").asText()).isEqualTo("/persona");
    }

    @Test
    void catalogueAndSchemasArePublic() {
        Answer catalogue = call("GET", "/api/v1/forms", null, null, null);
        assertThat(catalogue.status()).isEqualTo(200);
        assertThat(catalogue.body().findValuesAsText("id")).contains("criminal-record-request", "enterprise-change-notice");
        catalogue.body().forEach(f -> {
            assertThat(f.get("procedureCode").asText()).isNotBlank();
            assertThat(f.get("version").asText()).isNotBlank();
            assertThat(f.get("sources")).isNotEmpty();
        });
        Answer schema = call("GET", "/api/v1/forms/enterprise-change-notice", null, null, null);
        assertThat(schema.status()).isEqualTo(200);
        assertThat(schema.body().get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
        assertThat(schema.body().at("/x-form/actingFor/0").asText()).isEqualTo("ENTERPRISE");
        assertThat(schema.body().at("/properties/enterprise/properties/name/x-prefill/from").asText()).isEqualTo("business@enterprise");
    }

    @Test
    void theOpenApiDocumentDescribesTheApi() {
        Answer a = call("GET", "/v3/api-docs", null, null, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("openapi").asText()).startsWith("3.");
        assertThat(a.body().get("paths").has("/api/v1/forms/{formId}/prefill")).isTrue();
        assertThat(a.body().get("paths").has("/api/v1/forms")).isTrue();
        assertThat(a.body().at("/components/securitySchemes/citizenToken/scheme").asText()).isEqualTo("bearer");
    }

    @Test
    void healthIsUpWithoutAToken() {
        Answer a = call("GET", "/actuator/health", null, null, null);
        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().get("status").asText()).isEqualTo("UP");
    }
}
