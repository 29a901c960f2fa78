package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** /actuator/prometheus, scraped as an operator: the gateway's metrics, their names, their tags, and no personal data. */
class MetricsIT extends GatewayTestSupport {

    static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? .*$");
    static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");
    /** The only label names the gateway's own metrics may carry. */
    static final Set<String> GATEWAY_LABELS = Set.of("form", "outcome", "source", "status", "state", "reentered", "le", "life_event", "kind",
            // the handling system's callbacks: why a signature was refused, whether a step came by callback or reconciliation
            "reason", "via",
            // the citizens' ratings: the stage rated (FILING, RESULT) and whether the score was 4 or 5
            "stage", "satisfied");

    record Sample(String name, List<String[]> labels) { }

    List<Sample> scrape() {
        java.net.http.HttpResponse<String> a;
        try {
            a = HTTP.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                    .header("Authorization", "Bearer " + operatorToken()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
        assertThat(a.statusCode()).isEqualTo(200);
        List<Sample> samples = new ArrayList<>();
        a.body().lines().filter(l -> !l.startsWith("#") && !l.isBlank()).forEach(line -> {
            Matcher m = SAMPLE.matcher(line);
            assertThat(m.matches()).as(line).isTrue();
            List<String[]> labels = new ArrayList<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.add(new String[] {l.group(1), l.group(2)});
                }
            }
            samples.add(new Sample(m.group(1), labels));
        });
        return samples;
    }

    void prefillAndSubmit() {
        String hoa = token("hoa");
        ObjectNode body = criminalRecordRequestAnswered(prefill("criminal-record-request", hoa, null));
        assertThat(call("POST", "/api/v1/forms/criminal-record-request/submissions", hoa, "application/json", body.toString()).status())
                .isEqualTo(200);
    }

    Set<String> labelsOf(List<Sample> samples, String name) {
        Set<String> names = new TreeSet<>();
        samples.stream().filter(s -> s.name().equals(name)).forEach(s -> s.labels().forEach(l -> names.add(l[0])));
        return names;
    }

    @Test
    void theGatewaysMetricsFollowPrometheusNamingWithLowCardinalityTags() {
        prefillAndSubmit();

        List<Sample> samples = scrape();

        Set<String> names = new TreeSet<>();
        samples.forEach(s -> names.add(s.name()));
        assertThat(names).contains(
                "gateway_prefill_duration_seconds_bucket", "gateway_prefill_duration_seconds_count", "gateway_prefill_duration_seconds_sum",
                "gateway_source_read_duration_seconds_bucket", "gateway_source_reads_total",
                "gateway_source_breaker_state", "gateway_source_pool_active", "gateway_source_pool_queued", "gateway_source_pool_capacity",
                "gateway_source_own_faults_total",
                "gateway_audit_append_duration_seconds_bucket", "gateway_audit_append_batch_records_count",
                "gateway_prefill_fields_total", "gateway_submissions_total", "gateway_submission_fields_total",
                "gateway_indicators_dropped_total", "gateway_indicators_queued",
                "gateway_dossiers_pending", "gateway_dossier_oldest_pending_seconds", "gateway_dossier_delivery_failures_total");
        assertThat(names).doesNotContain("prefill_reuse_fields_total", "prefill_submissions_total");
        // left out for what they cost every request (docs/performance.md): Spring Security's observations, the in-flight
        // timers, the log-event counter and its filter
        assertThat(names).noneMatch(n -> n.startsWith("spring_security_") || n.startsWith("http_server_requests_active")
                || n.startsWith("logback_events"));
        assertThat(names).contains("http_server_requests_seconds_count");
        assertThat(labelsOf(samples, "gateway_prefill_duration_seconds_bucket")).containsExactlyInAnyOrder("form", "outcome", "le");
        assertThat(labelsOf(samples, "gateway_source_reads_total")).containsExactlyInAnyOrder("source", "status");
        assertThat(labelsOf(samples, "gateway_source_read_duration_seconds_bucket")).containsExactlyInAnyOrder("source", "status", "le");
        assertThat(labelsOf(samples, "gateway_source_breaker_state")).containsExactlyInAnyOrder("source", "state");
        assertThat(labelsOf(samples, "gateway_source_own_faults_total")).containsExactlyInAnyOrder("source", "kind");
        assertThat(labelsOf(samples, "gateway_prefill_fields_total")).containsExactlyInAnyOrder("form", "status");
        assertThat(labelsOf(samples, "gateway_submissions_total")).containsExactlyInAnyOrder("form", "outcome", "reentered");
        // the prefill deadline (2.5 s) is a bucket bound, for the p99 alert
        assertThat(samples).anyMatch(s -> s.name().equals("gateway_prefill_duration_seconds_bucket")
                && s.labels().stream().anyMatch(l -> l[0].equals("le") && l[1].equals("2.5")));
        assertThat(samples).anyMatch(s -> s.name().equals("gateway_source_breaker_state")
                && s.labels().stream().anyMatch(l -> l[1].equals("population")));
    }

    @Test
    void noLabelCarriesAPersonANumberOrARequest() {
        prefillAndSubmit();
        Set<String> personal = new TreeSet<>();
        idp.personas().forEach(p -> {
            if (p.citizenId() != null) {
                personal.add(p.citizenId());
            }
            if (p.enterpriseCode() != null) {
                personal.add(p.enterpriseCode());
            }
            personal.add(p.fullName());
        });

        for (Sample s : scrape()) {
            for (String[] label : s.labels()) {
                if (s.name().startsWith("gateway_")) {
                    assertThat(GATEWAY_LABELS).as(s.name()).contains(label[0]);
                }
                // no personal number, enterprise code, request id (UUID) or name in any metric's label
                assertThat(label[1]).as(s.name() + " " + label[0]).doesNotContainPattern("\\d{9,}")
                        .doesNotContainPattern("[0-9a-f]{8}-[0-9a-f]{4}-").isNotIn(personal);
                assertThat(label[0]).as(s.name()).isNotIn("person", "citizenId", "subject", "requestId", "request_id", "token");
            }
        }
    }
}
