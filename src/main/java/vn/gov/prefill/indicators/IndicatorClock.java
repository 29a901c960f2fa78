package vn.gov.prefill.indicators;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The time an indicator row carries. With the demo mocks on (and only then) a request may say
 * {@value #DAYS_AGO} (0 to 3650) to be counted that many days back, so that a replay through the API
 * spreads a month of prefills and submissions over the month. The disclosure log, the tokens and the
 * latencies keep the gateway's clock ({@code vn.gov.prefill.config.ClockConfig}).
 */
@Component
class IndicatorClock {

    static final String DAYS_AGO = "X-Demo-Days-Ago";
    private static final int MAX_DAYS = 3650;
    private final boolean demo;
    private final Clock clock;

    IndicatorClock(@Value("${gateway.mocks.enabled:false}") boolean demo, Clock clock) {
        this.demo = demo;
        this.clock = clock;
    }

    /** The gateway's time, without the demo's days back: for what must expire on time (a suggestion's follow window). */
    Instant real() {
        return clock.instant();
    }

    Instant now() {
        Instant now = clock.instant();
        if (!demo || !(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes request)) {
            return now;
        }
        String header = request.getRequest().getHeader(DAYS_AGO);
        if (header == null || !header.matches("\\d{1,4}")) {
            return now;
        }
        int days = Integer.parseInt(header);
        return days > MAX_DAYS ? now : now.minus(Duration.ofDays(days));
    }
}
