package vn.gov.prefill.dossier;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.indicators.IndicatorLog;
import vn.gov.prefill.indicators.JourneyStep;

/**
 * Every status a dossier reaches, counted: {@code gateway.dossiers} (tags {@code form} and {@code status} only,
 * Prometheus' {@code gateway_dossiers_total}) and the journey's step in the indicator tables. Both follow the
 * move's transaction: the step is written in it, the counter counts once it commits, so a filing that is
 * rolled back counts nowhere.
 */
@Component
class DossierIndicators {

    private final MeterRegistry meters;
    private final IndicatorLog indicators;

    DossierIndicators(MeterRegistry meters, IndicatorLog indicators) {
        this.meters = meters;
        this.indicators = indicators;
    }

    @EventListener
    void moved(DossierMoved m) {
        indicators.journey(new JourneyStep(m.dossierId(), m.formId(), m.procedureCode(), m.channel(), m.unit(), step(m.status()),
                m.filedAt(), m.at(), m.filing()));
        Counter counter = Counter.builder("gateway.dossiers").description("Dossiers that reached a status, by form")
                .tags("form", m.formId(), "status", m.status().name()).register(meters);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }

    /** What a status means for the journey's indicators: any status the handling system reports means it was delivered. */
    static JourneyStep.Step step(DossierStatus status) {
        return switch (status) {
            case RECEIVED -> JourneyStep.Step.FILED;
            case DELIVERED, IN_PROGRESS, SUPPLEMENT_REQUESTED, REJECTED -> JourneyStep.Step.DELIVERED;
            case DELIVERY_FAILED -> JourneyStep.Step.DELIVERY_FAILED;
            case RESULT_READY, COMPLETED -> JourneyStep.Step.RESULT_READY;
        };
    }
}
