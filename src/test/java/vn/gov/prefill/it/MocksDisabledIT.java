package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okForContentType;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Date;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

import vn.gov.prefill.PrefillGatewayApplication;

/**
 * With {@code gateway.mocks.enabled=false} the gateway uses only the contract's configuration keys:
 * here they point at a separate server (another process in real life) playing the national systems
 * and an identity provider whose key the gateway has never seen.
 */
class MocksDisabledIT {

    static WireMockServer nationalSystems;
    static RSAKey idpKey;
    static ConfigurableApplicationContext gateway;
    static int port;
    static java.util.List<String> arguments;

    @BeforeAll
    static void start() throws Exception {
        java.nio.file.Path copy = ExternalSystems.mocks(java.nio.file.Files.createTempDirectory("national-systems"));
        nationalSystems = new WireMockServer(options().dynamicPort().usingFilesUnderDirectory(copy.toString())
                .notifier(new Slf4jNotifier(false)));
        nationalSystems.start();
        idpKey = new RSAKeyGenerator(2048).keyID("portal-2026").generate();
        nationalSystems.stubFor(get("/portal/jwks").willReturn(okForContentType("application/json",
                new JWKSet(idpKey.toPublicJWK()).toString())));
        String url = nationalSystems.baseUrl();
        java.util.List<String> args = new java.util.ArrayList<>(ExternalSystems.at(url));
        args.addAll(java.util.List.of(
                "--server.port=0",
                "--gateway.mocks.enabled=false",
                "--gateway.prefill.token-secret=" + ExternalSystems.randomKey(),
                "--gateway.security.person-key=" + ExternalSystems.randomKey(),
                "--spring.datasource.url=jdbc:h2:mem:mocks-disabled;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
                "--spring.datasource.password=" + ExternalSystems.randomKey(),
                "--gateway.security.issuer=https://portal.example.gov.vn",
                "--gateway.security.citizen-id-claim=pid"));
        arguments = java.util.List.copyOf(args);
        gateway = new SpringApplicationBuilder(PrefillGatewayApplication.class).run(args.toArray(String[]::new));
        port = ((WebServerApplicationContext) gateway).getWebServer().getPort();
    }

    @AfterAll
    static void stop() {
        if (gateway != null) {
            gateway.close();
        }
        nationalSystems.stop();
    }

    static HttpResponse<String> post(String path, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .POST(HttpRequest.BodyPublishers.noBody());
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String portalToken(String issuer, String citizenIdClaim) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("portal-2026").build(),
                new JWTClaimsSet.Builder().issuer(issuer).audience("province-gateway").subject("techid-1")
                        .claim(citizenIdClaim, "027190001234").claim("LoaiTaiKhoan", "1").claim("acr", "LoA2")
                        .expirationTime(new Date(System.currentTimeMillis() + 300_000)).build());
        jwt.sign(new RSASSASigner(idpKey));
        return jwt.serialize();
    }

    @Test
    void prefillsAgainstTheConfiguredSystemsWithTheConfiguredIdentityClaims() throws Exception {
        HttpResponse<String> response = post("/api/v1/forms/criminal-record-request/prefill",
                portalToken("https://portal.example.gov.vn", "pid"));

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(body.at("/data/applicant/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");
        assertThat(body.at("/data/spouse/fullName").asText()).isEqualTo("TRẦN VĂN BÌNH");
        assertThat(body.at("/sources/population/status").asText()).isEqualTo("OK");
    }

    @Test
    void theIssuerAndTheClaimAreChecked() throws Exception {
        assertThat(post("/api/v1/forms/criminal-record-request/prefill",
                portalToken("https://elsewhere.example", "pid")).statusCode()).isEqualTo(401);
        HttpResponse<String> wrongClaim = post("/api/v1/forms/criminal-record-request/prefill",
                portalToken("https://portal.example.gov.vn", "SoDinhDanh"));
        assertThat(wrongClaim.statusCode()).isEqualTo(401);
        assertThat(wrongClaim.body()).contains("claim pid is missing");
    }

    @Test
    void demoTokensDoNotExist() throws Exception {
        HttpResponse<String> response = post("/api/v1/demo/tokens", null);
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
    }

    @Test
    void theMocksDemoCredentialsStopTheStartNamingEachKeyBeforeAnythingIsCalled() {
        java.util.List<String> demo = new java.util.ArrayList<>(arguments);
        demo.removeIf(a -> a.startsWith("--gateway.ndxp.client-secret=") || a.startsWith("--gateway.sources.insurance.api-key=")
                || a.startsWith("--spring.datasource.url=") || a.startsWith("--server.port="));
        demo.addAll(java.util.List.of("--gateway.ndxp.client-secret=mock-ndxp-secret", "--gateway.sources.insurance.api-key=mock-insurance-key",
                "--spring.datasource.url=jdbc:h2:mem:mocks-disabled-demo;MODE=PostgreSQL;DB_CLOSE_DELAY=-1", "--server.port=0"));
        int tokenRequests = nationalSystems.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/ndxp/token"))).size();

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SpringApplicationBuilder(PrefillGatewayApplication.class)
                        .run(demo.toArray(String[]::new)))
                .isInstanceOf(vn.gov.prefill.config.StartupCheckException.class)
                .hasMessageContaining("gateway.ndxp.client-secret is a demo value")
                .hasMessageContaining("gateway.sources.insurance.api-key is a demo value")
                .hasMessageNotContaining("mock-");
        assertThat(nationalSystems.findAll(com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor(
                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/ndxp/token")))).hasSize(tokenRequests);
    }
}
