package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.github.tomakehurst.wiremock.http.Fault;

import vn.gov.prefill.source.NdxpTokens;
import vn.gov.prefill.source.SourceFetcher;

/**
 * The NDXP token endpoint misbehaving: down, slow, answering garbage, and a token expiring while 50
 * prefills are in flight. The gateway's token endpoint here is a path whose answer each test sets.
 */
@TestPropertySource(properties = {
        "gateway.ndxp.token-url=${gateway.mocks.url}/ndxp/token-flaky",
        "gateway.ndxp.failure-memo=1s",
        "spring.datasource.url=jdbc:h2:mem:token-faults;MODE=PostgreSQL;DB_CLOSE_DELAY=-1"})
class TokenFaultsIT extends GatewayTestSupport {

    static final String TOKEN_PATH = "/ndxp/token-flaky";

    void tokenEndpointAnswers(com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
        mocks.stubFor(post(TOKEN_PATH).atPriority(1).willReturn(answer));
    }

    @Autowired
    NdxpTokens tokens;

    @Autowired
    SourceFetcher fetcher;

    @BeforeEach
    void noCachedToken() {
        tokens.discard();
        // each test starts with a closed population breaker, whatever the one before did to it
        fetcher.breaker("population").reset();
    }

    @AfterEach
    void restore() {
        mocks.removeStub(mocks.getStubMappings().stream()
                .filter(s -> TOKEN_PATH.equals(s.getRequest().getUrl())).findFirst().orElse(null));
    }

    @Test
    void tokenEndpointDownMakesNdxpSourcesUnavailableAndTheOthersStillAnswer() {
        tokenEndpointAnswers(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));

        Answer a = prefill("household-business-registration", token("hoa"), null);

        assertThat(a.status()).isEqualTo(200);
        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("UNAVAILABLE");
        // insurance has its own API key: its candidates fill the owner's name
        assertThat(a.body().at("/sources/insurance/status").asText()).isEqualTo("OK");
        assertThat(a.body().at("/data/owner/fullName").asText()).isEqualTo("NGUYỄN THỊ HOA");
    }

    @Test
    void aSlowTokenEndpointIsGivenUpAtTheDeadlineAndTheRegistryIsNotCalledWithoutAToken() {
        tokenEndpointAnswers(aResponse().withFixedDelay(5000).withStatus(200)
                .withBody("{\"access_token\":\"late\",\"expires_in\":3600}"));

        Answer a = prefill("criminal-record-request", token("hoa"), null);

        assertThat(a.status()).isEqualTo(200);
        // had the gateway waited the 5 s for the token, population would have been read with it and answered OK
        assertThat(a.body().at("/sources/population/status").asText()).isIn("TIMEOUT", "UNAVAILABLE");
        String requestId = a.body().get("requestId").asText();
        assertThat(mocks.findAll(postRequestedFor(urlEqualTo("/population/v1/soap"))))
                .as("population calls of this prefill").noneMatch(r -> requestId.equals(r.getHeader("X-Request-Id")));
    }

    @Test
    void garbageFromTheTokenEndpointIsAnInvalidResponse() {
        tokenEndpointAnswers(aResponse().withStatus(200).withBody("<html>portal maintenance</html>"));

        Answer a = prefill("criminal-record-request", token("hoa"), null);

        assertThat(a.body().at("/sources/population/status").asText()).isEqualTo("INVALID_RESPONSE");
        assertThat(a.body().at("/fields/~1applicant~1fullName/status").asText()).isEqualTo("SOURCE_FAILED");
    }

    @Test
    void aTokenExpiringUnderFiftyPrefillsInFlightIsFetchedOnce() throws Exception {
        // lives 6 s; the gateway refreshes at half-life, so after 3.1 s every prefill needs a new one
        tokenEndpointAnswers(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"access_token\":\"mock-ndxp-access-token\",\"token_type\":\"Bearer\",\"expires_in\":6}"));
        assertThat(prefill("criminal-record-request", token("lan"), null).body().at("/sources/population/status").asText())
                .isEqualTo("OK");
        Thread.sleep(3100);
        int before = mocks.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size();
        String lan = token("lan");

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Answer>> answers = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            answers.add(pool.submit(() -> {
                go.await();
                return prefill("criminal-record-request", lan, null);
            }));
        }
        go.countDown();
        for (Future<Answer> f : answers) {
            assertThat(f.get().body().at("/sources/population/status").asText()).isEqualTo("OK");
        }
        pool.shutdown();

        assertThat(mocks.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size() - before).isEqualTo(1);
    }

    @Test
    void aFailingTokenEndpointIsAskedOnceByManyWaitingCallersAndOnceMoreAfterTheMemo() throws Exception {
        tokenEndpointAnswers(aResponse().withFixedDelay(300).withStatus(503).withBody("<html>down</html>"));
        int before = mocks.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size();

        assertThat(concurrentTokenCalls(20)).containsOnly("Unavailable");
        assertThat(mocks.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size() - before).isEqualTo(1);

        // gateway.ndxp.failure-memo is 1s
        Thread.sleep(1400);
        assertThat(concurrentTokenCalls(20)).containsOnly("Unavailable");
        assertThat(mocks.findAll(postRequestedFor(urlEqualTo(TOKEN_PATH))).size() - before).isEqualTo(2);
    }

    List<String> concurrentTokenCalls(int callers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<String>> outcomes = new ArrayList<>();
        for (int i = 0; i < callers; i++) {
            outcomes.add(pool.submit(() -> {
                go.await();
                try {
                    return tokens.accessToken().isEmpty() ? "empty" : "token";
                } catch (vn.gov.prefill.source.RegistryException e) {
                    return e.getClass().getSimpleName();
                }
            }));
        }
        go.countDown();
        List<String> seen = new ArrayList<>();
        for (Future<String> f : outcomes) {
            seen.add(f.get());
        }
        pool.shutdown();
        return seen;
    }
}
