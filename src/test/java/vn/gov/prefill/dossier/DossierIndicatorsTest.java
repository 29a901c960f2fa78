package vn.gov.prefill.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import vn.gov.prefill.indicators.JourneyStep.Step;

/** What each status a dossier reaches means for the journey's indicators. */
class DossierIndicatorsTest {

    @Test
    void everyStatusTheHandlingSystemReportsMeansTheDossierWasDeliveredAndAHandedOverResultWasReady() {
        assertThat(DossierIndicators.step(DossierStatus.RECEIVED)).isEqualTo(Step.FILED);
        assertThat(DossierIndicators.step(DossierStatus.DELIVERED)).isEqualTo(Step.DELIVERED);
        assertThat(DossierIndicators.step(DossierStatus.DELIVERY_FAILED)).isEqualTo(Step.DELIVERY_FAILED);
        for (DossierStatus later : new DossierStatus[] {DossierStatus.IN_PROGRESS, DossierStatus.SUPPLEMENT_REQUESTED, DossierStatus.REJECTED}) {
            assertThat(DossierIndicators.step(later)).as(later.name()).isEqualTo(Step.DELIVERED);
        }
        assertThat(DossierIndicators.step(DossierStatus.RESULT_READY)).isEqualTo(Step.RESULT_READY);
        assertThat(DossierIndicators.step(DossierStatus.COMPLETED)).isEqualTo(Step.RESULT_READY);
    }
}
