package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * Hostile citizen tokens: every forged, stale, misdirected or malformed token is a 401 problem (a
 * low level of assurance a 403) and no registry ever hears of the request. The oracle for "no
 * registry" is the request id: every registry call carries the prefill's {@code X-Request-Id}
 * (checked by the control test), and the count of population calls must not grow.
 */
class HostileTokensIT extends GatewayTestSupport {

    static final String FORM = "criminal-record-request";
    static final String PATH = "/api/v1/forms/" + FORM + "/prefill";
    static final String AUDIENCE = "prefill-gateway";
    static final String HOA = "027190001234";

    // ---- oracles

    int populationCalls() {
        return mocks.findAll(postRequestedFor(urlPathEqualTo("/population/v1/soap"))).size();
    }

    List<LoggedRequest> registryCallsOf(String requestId) {
        return mocks.findAll(anyRequestedFor(anyUrl()).withHeader("X-Request-Id", equalTo(requestId)));
    }

    /** The call is refused with {@code status} as a problem document, and no registry is called for it. */
    Answer refused(int status, String slug, Supplier<Answer> call) {
        int before = populationCalls();
        Answer a = call.get();
        HostileHttp.assertProblem(a.status(), a.contentType(), a.raw().body(), a.body(), status);
        if (slug != null) {
            assertThat(a.body().get("type").asText()).endsWith("/problems/" + slug);
        }
        String requestId = a.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(a.body().get("requestId").asText()).isEqualTo(requestId);
        assertThat(registryCallsOf(requestId)).as("registry calls made for a refused request").isEmpty();
        assertThat(populationCalls()).as("population calls").isEqualTo(before);
        return a;
    }

    Answer unauthenticated(String token) {
        Answer a = refused(401, "unauthenticated", () -> call("POST", PATH, token, null, null));
        assertThat(a.raw().headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        return a;
    }

    // ---- token material

    static Map<String, Object> hoaClaims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("SoDinhDanh", HOA);
        claims.put("HoVaTen", "NGUYỄN THỊ HOA");
        claims.put("LoaiTaiKhoan", "1");
        claims.put("acr", "LoA2");
        return claims;
    }

    static Map<String, Object> hoaClaimsWith(String name, Object value) {
        Map<String, Object> claims = new HashMap<>(hoaClaims());
        claims.put(name, value);
        return claims;
    }

    /** Well-formed claims a gateway would accept, were they signed by the identity provider. */
    JWTClaimsSet acceptableClaims(String issuer) {
        JWTClaimsSet.Builder b = new JWTClaimsSet.Builder().issuer(issuer).audience(AUDIENCE).subject("techid-hostile")
                .issueTime(Date.from(idp.now())).expirationTime(Date.from(idp.now().plusSeconds(300)));
        hoaClaims().forEach(b::claim);
        return b.build();
    }

    static String rs256(RSAKey key, String kid, JWTClaimsSet claims) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(kid).type(JOSEObjectType.JWT).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    static String b64(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    RSAKey providerKey() throws Exception {
        HttpResponse<String> jwks = HTTP.send(HttpRequest.newBuilder(URI.create(mocks.baseUrl() + "/idp/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(jwks.statusCode()).isEqualTo(200);
        return JWKSet.parse(jwks.body()).getKeys().get(0).toRSAKey();
    }

    // ---- the control: without it, "no call with this request id" would prove nothing

    @Test
    void controlAValidTokenReachesThePopulationRegistryUnderItsRequestId() {
        Answer a = call("POST", PATH, token("hoa"), null, null);
        assertThat(a.status()).isEqualTo(200);
        String requestId = a.raw().headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(registryCallsOf(requestId)).as("registry calls under the prefill's request id")
                .anyMatch(r -> r.getUrl().startsWith("/population/v1/soap"));
        // idp.sign lets a claim override the standard ones: the other tests rely on it to forge iss/aud/exp
        assertThat(decode(idp.sign(hoaClaimsWith("iss", "https://evil.example/idp"), AUDIENCE, 300)).getIssuer())
                .isEqualTo("https://evil.example/idp");
    }

    static JWTClaimsSet decode(String token) {
        try {
            return SignedJWT.parse(token).getJWTClaimsSet();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- stale and misdirected tokens

    @Test
    void expiredTokensAre401() {
        Answer demo = unauthenticated(token(Map.of("persona", "hoa", "expiresInSeconds", -600)));
        assertThat(demo.body().get("detail").asText()).containsIgnoringCase("expired");
        // beyond the 60 s clock skew any validator allows
        unauthenticated(idp.sign(hoaClaims(), AUDIENCE, -120));
        // not valid yet
        unauthenticated(idp.sign(hoaClaimsWith("nbf", idp.now().plusSeconds(3600).getEpochSecond()), AUDIENCE, 7200));
    }

    @Test
    void aTokenOfAStrangerIssuerSignedWithItsOwnKeyIs401() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("stranger").generate();
        unauthenticated(rs256(stranger, "stranger", acceptableClaims("https://evil.example/idp")));
        // the gateway's own issuer named by a stranger's key
        unauthenticated(rs256(stranger, "stranger", acceptableClaims(idp.issuer())));
    }

    @Test
    void aTokenSignedByTheIdentityProviderButForAnotherIssuerIs401() {
        String forged = idp.sign(hoaClaimsWith("iss", "https://evil.example/idp"), AUDIENCE, 300);
        assertThat(decode(forged).getIssuer()).isEqualTo("https://evil.example/idp");
        Answer a = unauthenticated(forged);
        assertThat(a.body().get("detail").asText()).contains("iss");
        // an issuer that merely starts like the right one
        unauthenticated(idp.sign(hoaClaimsWith("iss", idp.issuer() + ".evil.example"), AUDIENCE, 300));
        unauthenticated(idp.sign(hoaClaimsWith("iss", idp.issuer() + "/"), AUDIENCE, 300));
        // no issuer at all
        Map<String, Object> noIssuer = hoaClaimsWith("iss", null);
        String unnamed = idp.sign(noIssuer, AUDIENCE, 300);
        assertThat(decode(unnamed).getIssuer()).isNull();
        unauthenticated(unnamed);
    }

    @Test
    void aTokenForAnotherAudienceIs401() {
        Answer a = unauthenticated(token(Map.of("persona", "hoa", "audience", "x")));
        assertThat(a.body().get("detail").asText()).contains("audience");
        unauthenticated(idp.sign(hoaClaims(), AUDIENCE + "-staging", 300));
        unauthenticated(idp.sign(hoaClaims(), AUDIENCE.toUpperCase(), 300));
        String noAudience = idp.sign(hoaClaimsWith("aud", null), AUDIENCE, 300);
        assertThat(decode(noAudience).getAudience()).isEmpty();
        unauthenticated(noAudience);
    }

    @Test
    void aTokenWithoutExpiryIs401() {
        String eternal = idp.sign(hoaClaimsWith("exp", null), AUDIENCE, 300);
        assertThat(decode(eternal).getExpirationTime()).isNull();
        unauthenticated(eternal);
    }

    // ---- forged signatures

    @Test
    void unsignedTokensWithAlgNoneAre401() {
        String claims = b64(acceptableClaims(idp.issuer()).toString());
        unauthenticated("eyJhbGciOiJub25lIn0." + claims + ".");
        for (String alg : List.of("none", "None", "NONE", "nOnE")) {
            unauthenticated(b64("{\"alg\":\"" + alg + "\",\"typ\":\"JWT\"}") + "." + claims + ".");
        }
        // a genuine token whose header is swapped for alg none, with and without its signature
        String[] genuine = token("hoa").split("\\.");
        unauthenticated(b64("{\"alg\":\"none\"}") + "." + genuine[1] + ".");
        unauthenticated(b64("{\"alg\":\"none\"}") + "." + genuine[1] + "." + genuine[2]);
        // and without the trailing dot
        unauthenticated("eyJhbGciOiJub25lIn0." + claims);
    }

    @Test
    void hmacTokensKeyedWithTheProvidersPublicKeyAre401() throws Exception {
        RSAKey key = providerKey();
        String jwks = HTTP.send(HttpRequest.newBuilder(URI.create(mocks.baseUrl() + "/idp/jwks.json")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        byte[] der = key.toRSAPublicKey().getEncoded();
        String pem = "-----BEGIN PUBLIC KEY-----\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(der) + "\n-----END PUBLIC KEY-----\n";
        Map<String, byte[]> secrets = new LinkedHashMap<>();
        secrets.put("modulus n", key.getModulus().decode());
        secrets.put("modulus n, base64url text", key.getModulus().toString().getBytes(StandardCharsets.US_ASCII));
        secrets.put("SubjectPublicKeyInfo DER", der);
        secrets.put("PEM", pem.getBytes(StandardCharsets.US_ASCII));
        secrets.put("public JWK JSON", key.toPublicJWK().toJSONString().getBytes(StandardCharsets.UTF_8));
        secrets.put("JWKS document", jwks.getBytes(StandardCharsets.UTF_8));
        JWTClaimsSet claims = acceptableClaims(idp.issuer());
        for (var secret : secrets.entrySet()) {
            for (JWSAlgorithm alg : List.of(JWSAlgorithm.HS256, JWSAlgorithm.HS512)) {
                SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID(key.getKeyID()).type(JOSEObjectType.JWT).build(), claims);
                jwt.sign(new MACSigner(secret.getValue()));
                Answer a = unauthenticated(jwt.serialize());
                assertThat(a.status()).as(alg + " keyed with the " + secret.getKey()).isEqualTo(401);
            }
        }
    }

    @Test
    void tokensSignedByKeysOutsideTheJwksAre401WhateverTheirKeyId() throws Exception {
        RSAKey stranger = new RSAKeyGenerator(2048).keyID("unknown").generate();
        JWTClaimsSet claims = acceptableClaims(idp.issuer());
        unauthenticated(rs256(stranger, "unknown", claims));
        // the provider's own key id on a stranger's signature
        unauthenticated(rs256(stranger, providerKey().getKeyID(), claims));
        // odd key ids: traversal, injection, empty, very long
        for (String kid : List.of("../../../../dev/null", "' OR '1'='1", "", "k".repeat(4000))) {
            unauthenticated(rs256(stranger, kid, claims));
        }
        // the stranger's public key embedded in the header (jwk) and a key URL of its own (jku)
        SignedJWT embedded = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("unknown").jwk(stranger.toPublicJWK())
                .jwkURL(URI.create("https://evil.example/jwks.json")).build(), claims);
        embedded.sign(new RSASSASigner(stranger));
        unauthenticated(embedded.serialize());
        // a genuine header and body with a stranger's signature
        String[] genuine = token("hoa").split("\\.");
        String strangerSignature = rs256(stranger, providerKey().getKeyID(), decode(token("hoa"))).split("\\.")[2];
        unauthenticated(genuine[0] + "." + genuine[1] + "." + strangerSignature);
        // a genuine signature moved onto other claims
        String[] other = token("binh").split("\\.");
        unauthenticated(genuine[0] + "." + other[1] + "." + genuine[2]);
        // RS512 and PS256 by the stranger: algorithms the gateway does not accept
        for (JWSAlgorithm alg : List.of(JWSAlgorithm.RS512, JWSAlgorithm.PS256)) {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(alg).keyID("unknown").build(), claims);
            jwt.sign(new RSASSASigner(stranger));
            unauthenticated(jwt.serialize());
        }
    }

    // ---- identity claims

    @Test
    void aTokenWithoutAPersonalNumberIs401NamingTheClaim() {
        Map<String, Object> claims = hoaClaims();
        claims.remove("SoDinhDanh");
        Answer a = unauthenticated(idp.sign(claims, AUDIENCE, 300));
        assertThat(a.body().get("detail").asText()).contains("SoDinhDanh");
        // empty, blank, null
        unauthenticated(idp.sign(hoaClaimsWith("SoDinhDanh", ""), AUDIENCE, 300));
        unauthenticated(idp.sign(hoaClaimsWith("SoDinhDanh", "            "), AUDIENCE, 300));
        unauthenticated(idp.sign(hoaClaimsWith("SoDinhDanh", null), AUDIENCE, 300));
    }

    @Test
    void aPersonalNumberCarryingXmlIs401BeforeAnySoapIsSent() {
        for (String id : List.of(HOA + "</dc:SoDinhDanh><x/>", "</dc:SoDinhDanh><x/><dc:SoDinhDanh>" + HOA,
                HOA + "]]><x/><![CDATA[", "&lt;x/&gt;" + HOA, HOA + "<!--", "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><x>&e;</x>")) {
            Answer a = unauthenticated(idp.sign(hoaClaimsWith("SoDinhDanh", id), AUDIENCE, 300));
            assertThat(a.body().get("detail").asText()).contains("SoDinhDanh").contains("12 digits");
            assertThat(a.raw().body()).doesNotContain("<x/>").doesNotContain("ENTITY");
        }
        assertThat(mocks.findAll(postRequestedFor(urlPathEqualTo("/population/v1/soap")).withRequestBody(containing("<x/>"))))
                .as("SOAP requests carrying the injected element").isEmpty();
        assertThat(mocks.findAll(postRequestedFor(urlPathEqualTo("/population/v1/soap")).withRequestBody(containing("ENTITY"))))
                .as("SOAP requests carrying the injected entity").isEmpty();
    }

    @Test
    void personalNumbersThatOnlyLookLikeTwelveDigitsAre401() {
        List<Object> lookalikes = new ArrayList<>(List.of(
                " " + HOA, HOA + " ", HOA + "\n", HOA + "\u0000",
                "０２７１９０００１２３４", // full-width digits
                "٠٢٧١٩٠٠٠١٢٣٤", // Arabic-Indic digits
                "27190001234", "0271900012345", "+27190001234", "-27190001234", "0x7190001234",
                List.of(HOA), Map.of("value", HOA), true));
        for (Object id : lookalikes) {
            unauthenticated(idp.sign(hoaClaimsWith("SoDinhDanh", id), AUDIENCE, 300));
        }
    }

    @Test
    void accountTypesAndEnterpriseCodesAreCheckedToo() {
        // an organisation account without, or with a malformed, enterprise code
        unauthenticated(idp.sign(hoaClaimsWith("LoaiTaiKhoan", "2"), AUDIENCE, 300));
        Map<String, Object> org = hoaClaimsWith("LoaiTaiKhoan", "2");
        org.put("MaSoDoanhNghiep", "0101987657</MaSoDoanhNghiep><x/>");
        unauthenticated(idp.sign(org, AUDIENCE, 300));
        org.put("MaSoDoanhNghiep", "0101987658");
        unauthenticated(idp.sign(org, AUDIENCE, 300));
        // an account type that does not exist
        for (String type : List.of("3", "0", "", "1 ", "admin")) {
            unauthenticated(idp.sign(hoaClaimsWith("LoaiTaiKhoan", type), AUDIENCE, 300));
        }
    }

    // ---- malformed Authorization headers

    @Test
    void garbageTokensAre401() {
        String genuine = token("hoa");
        for (String token : List.of("a.b", "a.b.c.d", "a.b.c.d.e", "eyJ.eyJ.", "...", ".", "Bearer " + genuine,
                genuine.substring(0, genuine.length() - 1), genuine.substring(0, genuine.lastIndexOf('.')),
                genuine + "x", genuine.replace('.', ','), b64("{}") + "." + b64("{}") + ".",
                b64("not json") + "." + b64("not json") + "." + b64("sig"))) {
            unauthenticated(token);
        }
    }

    @Test
    void twentyKilobytesOfGarbageIsRefusedAsAProblem() {
        StringBuilder garbage = new StringBuilder();
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.";
        while (garbage.length() < 20 * 1024) {
            garbage.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        int before = populationCalls();
        HostileHttp.Raw a = HostileHttp.send(port, "POST", PATH,
                List.<String[]>of(new String[] {"Authorization", "Bearer " + garbage}), null);
        // Tomcat refuses an 8 KB+ header line before Spring Security sees it: 400 or 431 are as good as 401 here
        assertThat(a.status()).as("status").isIn(400, 401, 431);
        HostileHttp.assertProblem(a.status(), a.contentType(), a.body(), a.json(), a.status());
        assertThat(a.body()).doesNotContain(garbage.substring(0, 64));
        assertThat(populationCalls()).isEqualTo(before);
        String requestId = a.header("X-Request-Id");
        if (requestId != null) {
            assertThat(registryCallsOf(requestId)).isEmpty();
        }
    }

    @Test
    void justUnderTheHeaderLimitGarbageIs401() {
        String garbage = "A".repeat(6 * 1024);
        unauthenticated(garbage);
    }

    @Test
    void twoAuthorizationHeadersAreRefused() {
        String hoa = token("hoa");
        String binh = token("binh");
        Map<String, List<String>> pairs = new LinkedHashMap<>();
        pairs.put("Hoa's token, then garbage", List.of(hoa, "garbage"));
        pairs.put("Hoa's token, then Binh's", List.of(hoa, binh));
        List<String> findings = new ArrayList<>();
        for (var pair : pairs.entrySet()) {
            int before = populationCalls();
            HostileHttp.Raw a = HostileHttp.send(port, "POST", PATH, List.of(new String[] {"Authorization", "Bearer " + pair.getValue().get(0)},
                    new String[] {"Authorization", "Bearer " + pair.getValue().get(1)}), null);
            boolean refusedAsProblem = (a.status() == 400 || a.status() == 401) && a.contentType().startsWith("application/problem+json");
            if (!refusedAsProblem || !registryCallsOf(a.header("X-Request-Id")).isEmpty() || populationCalls() != before) {
                findings.add(pair.getKey() + " -> " + a.status() + (a.body().contains("\"formId\"") ? " (a prefill for "
                        + (a.body().contains("NGUYỄN THỊ HOA") ? "Hoa" : "someone") + ")" : ""));
            }
        }
        assertThat(findings).as("two Authorization headers").isEmpty();
    }

    @Test
    void twoAuthorizationHeadersWithAGarbageOneFirstAre401() {
        String hoa = token("hoa");
        HostileHttp.Raw a = HostileHttp.send(port, "POST", PATH, List.of(
                new String[] {"Authorization", "Bearer garbage"}, new String[] {"Authorization", "Bearer " + hoa}), null);
        HostileHttp.assertProblem(a.status(), a.contentType(), a.body(), a.json(), 401);
        assertThat(registryCallsOf(a.header("X-Request-Id"))).isEmpty();
    }

    @Test
    void otherSchemesAndPlacesForTheTokenAre401() {
        String hoa = token("hoa");
        // the token in the URL is not accepted (it would end up in access logs)
        refused(401, "unauthenticated", () -> call("POST", PATH + "?access_token=" + hoa, null, null, null));
        // nor in a form body
        refused(401, "unauthenticated", () -> call("POST", PATH, null, "application/x-www-form-urlencoded", "access_token=" + hoa));
        // nor under another scheme
        for (String header : List.of("Basic " + Base64.getEncoder().encodeToString(("hoa:" + hoa).getBytes(StandardCharsets.UTF_8)),
                "Token " + hoa, "Bearer", "Bearer ", hoa)) {
            int before = populationCalls();
            HostileHttp.Raw a = HostileHttp.send(port, "POST", PATH, List.<String[]>of(new String[] {"Authorization", header}), null);
            HostileHttp.assertProblem(a.status(), a.contentType(), a.body(), a.json(), 401);
            assertThat(registryCallsOf(a.header("X-Request-Id"))).isEmpty();
            assertThat(populationCalls()).isEqualTo(before);
        }
    }

    // ---- level of assurance

    @Test
    void aLowLevelOfAssuranceIs403BeforeAnyRegistryIsCalled() {
        refused(403, "assurance-too-low", () -> call("POST", PATH, token(Map.of("persona", "hoa", "loa", "LoA1")), null, null));
        refused(403, "assurance-too-low", () -> prefill("enterprise-change-notice", token(Map.of("persona", "binh", "loa", "LoA1")),
                actingForEnterprise("0100233488")));
        refused(403, "assurance-too-low", () -> prefill("child-health-insurance", token(Map.of("persona", "hoa", "loa", "LoA1")),
                "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\"}}"));
        // no acr, or one the gateway does not know, is below every level
        for (Object acr : List.of("LoA3", "loa2", "LoA2 ", "", 2)) {
            refused(403, "assurance-too-low", () -> call("POST", PATH, idp.sign(hoaClaimsWith("acr", acr), AUDIENCE, 300), null, null));
        }
    }

    @Test
    void aTokenWithoutALevelOfAssuranceIs403() {
        String noAcr = idp.sign(hoaClaimsWith("acr", null), AUDIENCE, 300);
        assertThat(decode(noAcr).getClaim("acr")).isNull();
        refused(403, "assurance-too-low", () -> call("POST", PATH, noAcr, null, null));
        refused(403, "assurance-too-low", () -> prefill("enterprise-change-notice", noAcr, actingForEnterprise("0100233488")));
    }
}
