package vn.gov.prefill.dossier;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code gateway.handling.*}: where the province's handling system is, and how a dossier's delivery
 * is retried. Each delay of {@code retry-schedule} is lengthened by up to {@code retry-jitter} of itself,
 * at random, so that dossiers refused together are not retried together. The handling system signs its callbacks
 * with {@code callback-secret}; a signature older (or newer) than {@code callback-window} is refused. Delivered
 * dossiers with no news for {@code reconcile-after} are asked for, {@code reconcile-batch} at a time, every
 * {@code reconcile-sweep}.
 */
@ConfigurationProperties("gateway.handling")
record HandlingSettings(String baseUrl, List<Duration> retrySchedule, double retryJitter, Duration reconcileAfter,
                        Duration reconcileSweep, int reconcileBatch, Duration retention, Duration retentionSweep, String callbackSecret,
                        Duration callbackWindow) {

    static final String CALLBACK_SECRET = "gateway.handling.callback-secret";

    HandlingSettings {
        retrySchedule = retrySchedule == null ? List.of() : List.copyOf(retrySchedule);
        if (retryJitter < 0 || retryJitter > 1) {
            throw new IllegalArgumentException("gateway.handling.retry-jitter must be between 0 and 1");
        }
    }
}
