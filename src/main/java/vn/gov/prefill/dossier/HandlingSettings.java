package vn.gov.prefill.dossier;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.handling.*}: where the province's handling system is, and how a dossier's delivery
 * is retried. Each delay of {@code retry-schedule} is lengthened by up to {@code retry-jitter} of itself,
 * at random, so that dossiers refused together are not retried together.
 */
@ConfigurationProperties("gateway.handling")
record HandlingSettings(String baseUrl, List<Duration> retrySchedule, double retryJitter, Duration reconcileAfter,
                        Duration retention, Duration retentionSweep) {

    HandlingSettings {
        retrySchedule = retrySchedule == null ? List.of() : List.copyOf(retrySchedule);
        if (retryJitter < 0 || retryJitter > 1) {
            throw new IllegalArgumentException("gateway.handling.retry-jitter must be between 0 and 1");
        }
    }
}
