package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/** Per-person and per-client limits, and the body size limit, in a context with small limits. */
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:rate-limits;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "gateway.rate-limits.per-person=5", "gateway.rate-limits.per-client=8"})
class RateLimitsIT extends GatewayTestSupport {

    List<Integer> statuses(String token, int n) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(prefill("residence-change", token, null).status());
        }
        return out;
    }

    @Test
    void aPersonOverTheLimitGets429WithRetryAfterAndOthersAreServed() {
        String tam = token("tam");
        List<Integer> first = statuses(tam, 5);
        Answer over = prefill("residence-change", tam, null);

        assertThat(first).containsOnly(200);
        assertThat(over.status()).isEqualTo(429);
        assertThat(over.contentType()).startsWith("application/problem+json");
        assertThat(over.body().get("type").asText()).endsWith("/rate-limited");
        assertThat(Integer.parseInt(over.raw().headers().firstValue("Retry-After").orElseThrow())).isBetween(1, 60);
        // another person of the same client still gets through, until the client's own limit
        String mai = token("mai");
        // the client's bucket (8) has 3 left after tam's 5; tam's refused request took none
        assertThat(statuses(mai, 3)).containsOnly(200);
        Answer clientOver = prefill("residence-change", mai, null);
        assertThat(clientOver.status()).isEqualTo(429);
        assertThat(clientOver.body().get("detail").asText()).contains("client");
    }

    @Test
    void aBodyAboveTheLimitIs413() {
        String big = "{\"consent\": {\"sources\": [" + "\"population\",".repeat(3000) + "\"population\"]}}";
        Answer a = call("POST", "/api/v1/forms/residence-change/prefill", null, "application/json", big);
        assertThat(a.status()).isEqualTo(413);
        assertThat(a.contentType()).startsWith("application/problem+json");
        assertThat(a.body().get("type").asText()).endsWith("/body-too-large");
    }
}
