package vn.gov.prefill.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** Under a flood of refused reads, one log line a second says how many it stands for. */
class OverloadLineTest {

    static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    @Test
    void theFirstIsLoggedThenOneASecondWithTheCountHeldBack() {
        SourceFetcher.OverloadLine line = new SourceFetcher.OverloadLine();
        long t = System.nanoTime();

        assertThat(line.admit(t)).isZero();
        assertThat(line.admit(t + MS)).isEqualTo(-1);
        assertThat(line.admit(t + 500 * MS)).isEqualTo(-1);
        assertThat(line.admit(t + 999 * MS)).isEqualTo(-1);
        assertThat(line.admit(t + 1000 * MS)).as("a second later: logged, standing for the three held back").isEqualTo(3);
        assertThat(line.admit(t + 1001 * MS)).isEqualTo(-1);
        assertThat(line.admit(t + 5000 * MS)).isEqualTo(1);
    }
}
