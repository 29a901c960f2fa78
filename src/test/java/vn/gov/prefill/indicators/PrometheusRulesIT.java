package vn.gov.prefill.indicators;

import vn.gov.prefill.RequiredTool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/**
 * deploy/prometheus/alerts.yml, checked and unit-tested by {@code promtool} (Debian's {@code prometheus}
 * package, which {@code .ci/run} installs). Skipped without promtool, except on CI ({@code CI=true}).
 */
class PrometheusRulesIT {

    static String promtool() {
        return RequiredTool.find("promtool", "Debian's prometheus package");
    }

    static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).directory(new File("deploy/prometheus")).redirectErrorStream(true).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }

    @Test
    void theAlertingRulesAreValidAndPassTheirTests() throws Exception {
        String promtool = promtool();

        assertThat(run(promtool, "check", "rules", "alerts.yml")).contains("SUCCESS: 10 rules found");
        assertThat(run(promtool, "test", "rules", "alerts.test.yml")).contains("SUCCESS");
    }
}
