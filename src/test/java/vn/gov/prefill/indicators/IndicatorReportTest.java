package vn.gov.prefill.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/** The arithmetic of the indicators on a known month, every figure computed by hand. */
class IndicatorReportTest {

    static final Instant T = Instant.parse("2026-11-10T03:00:00Z");

    static SubmissionTally valid(String form, int bound, int prefilled, int kept, Long sincePrefill, Long sinceLogin) {
        return new SubmissionTally(T, form, "1", "P-" + form, true, Set.of(), bound, prefilled, kept, prefilled - kept,
                true, sincePrefill, sinceLogin);
    }

    static SubmissionTally invalid(String form, String kind) {
        return new SubmissionTally(T, form, "1", "P-" + form, false, Set.of(kind), 20, 20, 19, 1, true, 30L, 600L);
    }

    /*
     * Form A: 5 prefills; submissions: 20/18/18 (nothing changed, 100 s, login 200 s), 20/18/16 (2 changed, 181 s,
     *         login 400 s), an invalid one (locked); and one valid submission with no prefill before it (10/0/0).
     * Form B: 3 prefills; 10/10/10 (nothing changed, 50 s, login 250 s).
     * Form C: in the catalogue, unused.
     * Totals over valid submissions after a prefill (A1, A2, B1): bound 50, prefilled 46, kept 44, changed 2;
     * coverage 46/50 = 0.92, reuse 44/50 = 0.88, nothing re-entered 2/3 = 0.6667; median of 100, 181, 50 = 100.
     * Logins of valid submissions: 200, 400, 250, and none for the one without a prefill: median 250; within 5 minutes 2/3.
     */
    @Test
    void aKnownMonth() {
        List<SubmissionTally> submissions = List.of(
                valid("A", 20, 18, 18, 100L, 200L),
                valid("A", 20, 18, 16, 181L, 400L),
                invalid("A", SubmissionTally.LOCKED),
                new SubmissionTally(T, "A", "1", "P-A", true, Set.of(), 10, 0, 0, 0, false, null, null),
                valid("B", 10, 10, 10, 50L, 250L));
        List<IndicatorStore.PrefillCount> prefills = List.of(new IndicatorStore.PrefillCount("A", "P-A", 5),
                new IndicatorStore.PrefillCount("B", "P-B", 3));
        Map<String, Map<String, Long>> reads = Map.of(
                "population", Map.of("OK", 90L, "NOT_FOUND", 5L, "TIMEOUT", 3L, "UNAVAILABLE", 2L, "NOT_CONSENTED", 7L),
                "insurance", Map.of("NOT_CONSENTED", 4L));

        IndicatorReport r = IndicatorReport.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                List.of(new IndicatorReport.Form("A", "P-A"), new IndicatorReport.Form("B", "P-B"), new IndicatorReport.Form("C", "P-C")),
                prefills, submissions, List.of("population", "business", "insurance"), reads,
                List.of("CHILD_HEALTH_INSURANCE", "ID_CARD_RENEWAL"),
                List.of(new IndicatorStore.SuggestionCount("CHILD_HEALTH_INSURANCE", 3, 2), new IndicatorStore.SuggestionCount("RETIRED_EVENT", 1, 0)));

        IndicatorReport.Figures total = r.total();
        assertThat(total.prefills()).isEqualTo(8);
        assertThat(total.submissions()).isEqualTo(5);
        assertThat(total.validSubmissions()).isEqualTo(4);
        assertThat(List.of(total.bound(), total.prefilled(), total.kept(), total.changed())).containsExactly(50L, 46L, 44L, 2L);
        assertThat(total.coverage()).isEqualTo(0.92);
        assertThat(total.reuse()).isEqualTo(0.88);
        assertThat(total.reenteredNothingShare()).isEqualTo(0.6667);
        assertThat(total.medianPrefillToSubmitSeconds()).isEqualTo(100L);
        assertThat(total.medianLoginToSubmitSeconds()).isEqualTo(250L);
        assertThat(total.loginToSubmitWithin5MinutesShare()).isEqualTo(0.6667);

        IndicatorReport.Figures a = r.forms().get(0);
        assertThat(a.formId()).isEqualTo("A");
        assertThat(a.procedureCode()).isEqualTo("P-A");
        assertThat(a.prefills()).isEqualTo(5);
        assertThat(a.submissions()).isEqualTo(4);
        assertThat(a.validSubmissions()).isEqualTo(3);
        assertThat(a.coverage()).isEqualTo(0.9);        // 36 / 40
        assertThat(a.reuse()).isEqualTo(0.85);          // 34 / 40
        assertThat(a.reenteredNothingShare()).isEqualTo(0.5);
        assertThat(a.medianPrefillToSubmitSeconds()).isEqualTo(140.5); // (100 + 181) / 2

        IndicatorReport.Figures c = r.forms().get(2);
        assertThat(c.formId()).isEqualTo("C");
        assertThat(c.submissions()).isZero();
        assertThat(c.coverage()).isNull();
        assertThat(c.reuse()).isNull();
        assertThat(c.reenteredNothingShare()).isNull();
        assertThat(c.medianPrefillToSubmitSeconds()).isNull();

        assertThat(r.suggestions()).extracting(IndicatorReport.SuggestionFigures::lifeEvent)
                .containsExactly("CHILD_HEALTH_INSURANCE", "ID_CARD_RENEWAL", "RETIRED_EVENT");
        IndicatorReport.SourceFigures population = r.sources().get(0);
        assertThat(population.source()).isEqualTo("population");
        assertThat(population.reads()).isEqualTo(100);   // NOT_CONSENTED is no read
        assertThat(population.ok()).isEqualTo(95);      // OK and NOT_FOUND
        assertThat(population.availability()).isEqualTo(0.95);
        IndicatorReport.SourceFigures business = r.sources().get(1);
        assertThat(business.reads()).isZero();
        assertThat(business.availability()).isNull();
        assertThat(r.sources().get(2).reads()).isZero();
        assertThat(r.sources().get(2).availability()).isNull();
    }

    @Test
    void suggestionsListEveryLifeEventThenAnyOtherRecordedWithTheirFollowedShare() {
        List<IndicatorReport.SuggestionFigures> s = IndicatorReport.suggestions(List.of("CHILD_HEALTH_INSURANCE", "ID_CARD_RENEWAL"),
                List.of(new IndicatorStore.SuggestionCount("CHILD_HEALTH_INSURANCE", 3, 2), new IndicatorStore.SuggestionCount("RETIRED_EVENT", 1, 0)));

        assertThat(s).containsExactly(
                new IndicatorReport.SuggestionFigures("CHILD_HEALTH_INSURANCE", 3, 2, 0.6667),
                new IndicatorReport.SuggestionFigures("ID_CARD_RENEWAL", 0, 0, null),
                new IndicatorReport.SuggestionFigures("RETIRED_EVENT", 1, 0, 0.0));
    }

    @Test
    void sharesAreRoundedToFourPlacesAndNullWithNothingToDivide() {
        assertThat(IndicatorReport.share(11000, 12000)).isEqualTo(0.9167);
        assertThat(IndicatorReport.share(0, 0)).isNull();
        assertThat(IndicatorReport.median(List.of())).isNull();
        assertThat(IndicatorReport.median(List.of(3L, 1L, 2L))).isEqualTo(2L);
        assertThat(IndicatorReport.median(List.of(4L, 1L, 2L, 3L))).isEqualTo(2.5);
    }
}
