package vn.gov.prefill.dossier;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import com.github.kagkarlsson.scheduler.task.Task;
import com.github.kagkarlsson.scheduler.task.helper.RecurringTask;
import com.github.kagkarlsson.scheduler.task.helper.Tasks;
import com.github.kagkarlsson.scheduler.task.schedule.Schedules;

/**
 * The db-scheduler tasks of filing: a dossier's delivery (one execution per pending dossier; an execution
 * whose node stopped beating is revived on another), the reconciliation sweep that asks for the dossiers
 * with no news, and the retention sweep that forgets settled dossiers after {@code gateway.handling.retention}
 * (each sweep run by one node a round).
 */
@Configuration
@EnableConfigurationProperties(HandlingSettings.class)
class DossierConfig {

    private static final Logger log = LoggerFactory.getLogger(DossierConfig.class);

    @Bean
    Task<Void> handlingDeliveryTask(HandlingDelivery delivery) {
        return Tasks.custom(HandlingDelivery.TASK)
                .onDeadExecutionRevive()
                // the attempt itself failed (the database, a bug): not a verdict on the dossier, so it is tried again
                .onFailureReschedule(Schedules.fixedDelay(Duration.ofSeconds(30)))
                .execute(delivery::attempt);
    }

    @Bean
    RecurringTask<Void> dossierReconciliationTask(Reconciliation reconciliation, HandlingSettings settings) {
        return Tasks.recurring("dossier-reconciliation", Schedules.fixedDelay(settings.reconcileSweep()))
                .execute((instance, context) -> reconciliation.sweep());
    }

    @Bean
    RecurringTask<Void> dossierRetentionTask(DossierStore store, HandlingSettings settings, Clock clock) {
        return Tasks.recurring("dossier-retention", Schedules.fixedDelay(settings.retentionSweep()))
                .execute((instance, context) -> {
                    int forgotten = store.forgetSettledBefore(clock.instant().minus(settings.retention()));
                    if (forgotten > 0) {
                        log.info("retention: {} settled dossier(s) older than {} forgotten", forgotten, settings.retention());
                    }
                });
    }
}
