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
     * Declared: A's prefills prefilled 7 fields from declared values, B's 2: 9 in total.
     * Attachments of the dossiers filed in November: A 2 of 3 slots by reference and 0 of 3 (6 filed, 2 by reference,
     * 0.3333), plus one of October (2 of 2) not counted; B 1 of 1 (1.0); C none (null). Total 3 of 7: 0.4286.
     */
    @Test
    void aKnownMonth() {
        List<SubmissionTally> submissions = List.of(
                valid("A", 20, 18, 18, 100L, 200L),
                valid("A", 20, 18, 16, 181L, 400L),
                invalid("A", SubmissionTally.LOCKED),
                new SubmissionTally(T, "A", "1", "P-A", true, Set.of(), 10, 0, 0, 0, false, null, null),
                valid("B", 10, 10, 10, 50L, 250L));
        List<IndicatorStore.PrefillCount> prefills = List.of(new IndicatorStore.PrefillCount("A", "P-A", 5, 7),
                new IndicatorStore.PrefillCount("B", "P-B", 3, 2));
        List<Journey> journeys = List.of(
                new Journey("A", "P-A", "ONLINE", null, at("2026-11-02T03:00:00Z"), null, null, List.of(), 2, 3),
                new Journey("A", "P-A", "ONLINE", null, at("2026-11-30T16:59:59Z"), null, null, List.of(), 0, 3),
                new Journey("A", "P-A", "ONLINE", null, at("2026-10-31T16:59:59Z"), at("2026-11-01T03:00:00Z"), null, List.of(), 2, 2),
                new Journey("B", "P-B", "DESK", "U1", at("2026-11-12T03:00:00Z"), null, null, List.of(), 1, 1));
        Map<String, Map<String, Long>> reads = Map.of(
                "population", Map.of("OK", 90L, "NOT_FOUND", 5L, "TIMEOUT", 3L, "UNAVAILABLE", 2L, "NOT_CONSENTED", 7L),
                "insurance", Map.of("NOT_CONSENTED", 4L));

        IndicatorReport r = IndicatorReport.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                List.of(new IndicatorReport.Form("A", "P-A"), new IndicatorReport.Form("B", "P-B"), new IndicatorReport.Form("C", "P-C")),
                prefills, submissions, List.of("population", "business", "insurance"), reads,
                List.of("CHILD_HEALTH_INSURANCE", "ID_CARD_RENEWAL"),
                List.of(new IndicatorStore.SuggestionCount("CHILD_HEALTH_INSURANCE", 3, 2), new IndicatorStore.SuggestionCount("RETIRED_EVENT", 1, 0)),
                journeys);

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
        assertThat(total.declaredPrefilled()).isEqualTo(9);
        assertThat(List.of(total.attachmentsByReference(), total.attachmentsFiled())).containsExactly(3L, 7L);
        assertThat(total.attachmentsByReferenceShare()).isEqualTo(0.4286);

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
        assertThat(a.declaredPrefilled()).isEqualTo(7);
        assertThat(List.of(a.attachmentsByReference(), a.attachmentsFiled())).containsExactly(2L, 6L); // October's not counted
        assertThat(a.attachmentsByReferenceShare()).isEqualTo(0.3333);
        IndicatorReport.Figures b = r.forms().get(1);
        assertThat(b.declaredPrefilled()).isEqualTo(2);
        assertThat(b.attachmentsByReferenceShare()).isEqualTo(1.0);

        IndicatorReport.Figures c = r.forms().get(2);
        assertThat(c.formId()).isEqualTo("C");
        assertThat(c.submissions()).isZero();
        assertThat(c.coverage()).isNull();
        assertThat(c.reuse()).isNull();
        assertThat(c.reenteredNothingShare()).isNull();
        assertThat(c.medianPrefillToSubmitSeconds()).isNull();
        assertThat(List.of(c.declaredPrefilled(), c.attachmentsByReference(), c.attachmentsFiled())).containsOnly(0L);
        assertThat(c.attachmentsByReferenceShare()).isNull();

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

    static Instant at(String instant) {
        return Instant.parse(instant);
    }

    static Journey online(String filed, String delivered, String result, String... failures) {
        return new Journey("A", "P-A", "ONLINE", null, at(filed), delivered == null ? null : at(delivered),
                result == null ? null : at(result), java.util.Arrays.stream(failures).map(Instant::parse).toList());
    }

    static Journey desk(String unit, String filed, String delivered, String result, String... failures) {
        return new Journey("B", "P-B", "DESK", unit, at(filed), delivered == null ? null : at(delivered),
                result == null ? null : at(result), java.util.Arrays.stream(failures).map(Instant::parse).toList());
    }

    /*
     * The citizens' verdict and the desk's help in November 2026. Form A filed online, form B at desks U1 and U2;
     * filers by their keys p1…p5; "rated" = rated at least once, whenever.
     *  j1 A online  2 Nov p1 rated      j4 B U1  6 Nov p4 rated
     *  j2 A online  3 Nov p2            j5 B U2  7 Nov p5
     *  j3 B U1      5 Nov p3 rated      j6 B U1 20 Nov p3 (her second desk visit)
     *  j7 A online 20 Oct p1 rated (October: not a November dossier, but rated in November)
     * Ratings made in November: j1 FILING 5, j1 RESULT 3, j3 FILING 4, j4 FILING 2, j7 RESULT 5.
     * Total: 5 ratings, 3 satisfied: 0.6; response 3 of the 6 November dossiers: 0.5.
     * Online: 3 ratings, 2 satisfied: 0.6667; response 1 of 2: 0.5. Desk: 2 ratings, 1 satisfied: 0.5; response 2 of 4: 0.5.
     * U1: response 2 of 3: 0.6667, 2 ratings 0.5; U2: response 0 of 1: 0.0, no rating: null.
     * Helped at a desk: p3 (first 5 Nov), p4 (6 Nov), p5 (7 Nov): 3. Last filed online: p3 on 2 Dec (after: alone),
     * p4 on 1 Nov (before her desk filing: not), p5 never. Later filed alone 1 of 3: 0.3333; U1 1 of 2: 0.5; U2 0 of 1: 0.0.
     */
    static final List<Journey> VERDICT = List.of(
            filer("A", "ONLINE", null, "2026-11-02T03:00:00Z", "p1", true),
            filer("A", "ONLINE", null, "2026-11-03T03:00:00Z", "p2", false),
            filer("B", "DESK", "U1", "2026-11-05T03:00:00Z", "p3", true),
            filer("B", "DESK", "U1", "2026-11-06T03:00:00Z", "p4", true),
            filer("B", "DESK", "U2", "2026-11-07T03:00:00Z", "p5", false),
            filer("B", "DESK", "U1", "2026-11-20T03:00:00Z", "p3", false),
            filer("A", "ONLINE", null, "2026-10-20T03:00:00Z", "p1", true));

    static final List<Rating> NOVEMBER_RATINGS = List.of(
            rating("j1", Rating.Stage.FILING, "A", "ONLINE", null, 5),
            rating("j1", Rating.Stage.RESULT, "A", "ONLINE", null, 3),
            rating("j3", Rating.Stage.FILING, "B", "DESK", "U1", 4),
            rating("j4", Rating.Stage.FILING, "B", "DESK", "U1", 2),
            rating("j7", Rating.Stage.RESULT, "A", "ONLINE", null, 5));

    static Journey filer(String form, String channel, String unit, String filed, String filerKey, boolean rated) {
        return new Journey(form, "P-" + form, channel, unit, at(filed), null, null, List.of(), 0, 0, filerKey, rated);
    }

    static Rating rating(String dossier, Rating.Stage stage, String form, String channel, String unit, int score) {
        return new Rating(dossier, stage, form, "P-" + form, channel, unit, score, null, null, null, null, T);
    }

    @Test
    void theCitizensVerdictAndTheDesksHelpOfAKnownMonth() {
        IndicatorReport r = IndicatorReport.of(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30),
                List.of(new IndicatorReport.Form("A", "P-A"), new IndicatorReport.Form("B", "P-B")), List.of(), List.of(), List.of(),
                Map.of(), List.of(), List.of(), VERDICT, NOVEMBER_RATINGS,
                Map.of("p3", at("2026-12-02T03:00:00Z"), "p4", at("2026-11-01T03:00:00Z")));

        verdict(r.total().ratings(), r.total().responseRate(), r.total().satisfiedShare(), r.total().assistedFilers(),
                r.total().laterFiledAloneShare(), 5, 0.5, 0.6, 3, 0.3333);
        IndicatorReport.Figures a = r.forms().get(0);
        IndicatorReport.Figures b = r.forms().get(1);
        verdict(a.ratings(), a.responseRate(), a.satisfiedShare(), a.assistedFilers(), a.laterFiledAloneShare(), 3, 0.5, 0.6667, 0, null);
        verdict(b.ratings(), b.responseRate(), b.satisfiedShare(), b.assistedFilers(), b.laterFiledAloneShare(), 2, 0.5, 0.5, 3, 0.3333);
        assertThat(r.channels()).containsExactly(
                new IndicatorReport.JourneyFigures("ONLINE", null, 2, 0, 0, null, 0, 3, 0.5, 0.6667, 0, null),
                new IndicatorReport.JourneyFigures("DESK", null, 4, 0, 0, null, 0, 2, 0.5, 0.5, 3, 0.3333));
        assertThat(r.units()).containsExactly(
                new IndicatorReport.JourneyFigures(null, "U1", 3, 0, 0, null, 0, 2, 0.6667, 0.5, 2, 0.5),
                new IndicatorReport.JourneyFigures(null, "U2", 1, 0, 0, null, 0, 0, 0.0, null, 1, 0.0));
    }

    static void verdict(long ratings, Double response, Double satisfied, long assisted, Double alone,
                        long expectedRatings, Double expectedResponse, Double expectedSatisfied, long expectedAssisted, Double expectedAlone) {
        assertThat(ratings).isEqualTo(expectedRatings);
        assertThat(response).isEqualTo(expectedResponse);
        assertThat(satisfied).isEqualTo(expectedSatisfied);
        assertThat(assisted).isEqualTo(expectedAssisted);
        assertThat(alone).isEqualTo(expectedAlone);
    }

    static IndicatorReport report(LocalDate from, LocalDate to, List<Journey> journeys) {
        return IndicatorReport.of(from, to, List.of(new IndicatorReport.Form("A", "P-A"), new IndicatorReport.Form("B", "P-B")),
                List.of(), List.of(), List.of(), Map.of(), List.of(), List.of(), journeys);
    }

    /*
     * November 2026 in Vietnam (UTC+7) is [2026-10-31T17:00Z, 2026-11-30T17:00Z). Form A is filed online, form B at
     * desks U1 and U2. Seconds from filing to delivery in brackets.
     *  1 A filed 2 Nov, delivered [10], result 20 Nov                      dossier, delivered, result
     *  2 A filed 3 Nov, delivered [30]                                     dossier, delivered
     *  3 A filed 5 Nov, failed 6 Nov, redelivered, failed 7 Nov, delivered 8 Nov [259200]
     *                                                                       dossier, delivered once, not failed (delivered by the end)
     *  4 A filed 10 Nov, failed 11 Nov, never delivered                    dossier, failed
     *  5 A filed 31 Oct 23:59:59 Vietnam, delivered 1 Nov 00:00:05 [6]     October's dossier, November's delivery
     *  6 A filed 30 Nov 23:59 Vietnam, delivered 1 Dec 00:00:30 [90]       November's dossier, December's delivery
     *  7 A filed 14 Nov, delivered [40]                                    dossier, delivered
     *  8 B U1 filed 12 Nov, delivered [20], handed over 25 Nov              dossier, delivered, result
     *  9 B U2 filed 13 Nov, failed 13 Nov, delivered 2 Dec                 dossier, failed (not delivered by the end)
     * 10 B U1 filed 20 Oct, failed 21 Oct, redelivered, delivered 4 Nov [1296000]    November's delivery only
     * A: dossiers 1,2,3,4,6,7 = 6; delivered 1,2,3,5,7: median of 6,10,30,40,259200 = 30 (odd); failed 4; results 1.
     * B: dossiers 8,9 = 2; delivered 8,10: median of 20,1296000 = 648010 (even); failed 9; results 8.
     * Total: 8 dossiers, 7 delivered, median of 6,10,20,30,40,259200,1296000 = 30; 2 failed; 2 results.
     * U1: 1 dossier, 2 delivered (648010), 0 failed, 1 result; U2: 1 dossier, 0 delivered (null), 1 failed, 0 results.
     * December: 6 and 9 delivered (90, and 1 Dec 17:00Z - 13 Nov 03:00Z = 1605600): median 802845; nothing filed.
     */
    static final List<Journey> NOVEMBER = List.of(
            online("2026-11-02T01:00:00Z", "2026-11-02T01:00:10Z", "2026-11-20T02:00:00Z"),
            online("2026-11-03T01:00:00Z", "2026-11-03T01:00:30Z", null),
            online("2026-11-05T01:00:00Z", "2026-11-08T01:00:00Z", null, "2026-11-06T01:00:00Z", "2026-11-07T01:00:00Z"),
            online("2026-11-10T01:00:00Z", null, null, "2026-11-11T01:00:00Z"),
            online("2026-10-31T16:59:59Z", "2026-10-31T17:00:05Z", null),
            online("2026-11-30T16:59:00Z", "2026-11-30T17:00:30Z", null),
            online("2026-11-14T01:00:00Z", "2026-11-14T01:00:40Z", null),
            desk("U1", "2026-11-12T03:00:00Z", "2026-11-12T03:00:20Z", "2026-11-25T03:00:00Z"),
            desk("U2", "2026-11-13T03:00:00Z", "2026-12-01T17:00:00Z", null, "2026-11-13T04:00:00Z"),
            desk("U1", "2026-10-20T00:00:00Z", "2026-11-04T00:00:00Z", null, "2026-10-21T00:00:00Z"));

    /** Journey figures with no rating and nobody helped at a desk (no filer key before V13). */
    static IndicatorReport.JourneyFigures unrated(String channel, String unit, long dossiers, long delivered, long failed, Number median,
                                                  long results) {
        return new IndicatorReport.JourneyFigures(channel, unit, dossiers, delivered, failed, median, results, 0,
                dossiers == 0 ? null : 0.0, null, 0, null);
    }

    static void journey(IndicatorReport.Figures f, long dossiers, long delivered, long failed, Number median, long results) {
        assertThat(List.of(f.dossiers(), f.delivered(), f.deliveryFailed(), f.resultsReady())).as(f.formId())
                .containsExactly(dossiers, delivered, failed, results);
        assertThat(f.medianDeliverySeconds()).as(f.formId()).isEqualTo(median);
    }

    @Test
    void theJourneyOfAKnownMonthCountsWhatHappenedInItOncePerDossier() {
        IndicatorReport r = report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), NOVEMBER);

        journey(r.total(), 8, 7, 2, 30L, 2);
        journey(r.forms().get(0), 6, 5, 1, 30L, 1);
        journey(r.forms().get(1), 2, 2, 1, 648010L, 1);
        assertThat(r.channels()).containsExactly(
                unrated("ONLINE", null, 6, 5, 1, 30L, 1),
                unrated("DESK", null, 2, 2, 1, 648010L, 1));
        assertThat(r.units()).containsExactly(
                unrated(null, "U1", 1, 2, 0, 648010L, 1),
                unrated(null, "U2", 1, 0, 1, null, 0));

        IndicatorReport december = report(LocalDate.of(2026, 12, 1), LocalDate.of(2026, 12, 31), NOVEMBER);
        journey(december.total(), 0, 2, 0, 802845L, 0);
        // a dossier that failed in November and was delivered in December is November's failure all the same
        assertThat(report(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30), NOVEMBER).total().deliveryFailed()).isEqualTo(2);
    }

    @Test
    void aPeriodWithoutDossiersListsBothChannelsWithZerosAndNoUnit() {
        IndicatorReport r = report(LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 30), NOVEMBER);

        journey(r.total(), 0, 0, 0, null, 0);
        assertThat(r.channels()).extracting(IndicatorReport.JourneyFigures::channel).containsExactly("ONLINE", "DESK");
        assertThat(r.channels()).allSatisfy(c -> assertThat(c.medianDeliverySeconds()).isNull());
        assertThat(r.units()).isEmpty();
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
    void namedGivesLifeEventsTheirTitlesAndSourcesTheirNamesAndChangesNoFigure() {
        IndicatorReport r = new IndicatorReport("2026-11-01", "2026-11-30", null, List.of(),
                List.of(IndicatorReport.source("population", Map.of("OK", 3L)), IndicatorReport.source("business", Map.of())),
                IndicatorReport.suggestions(List.of("CHILD_HEALTH_INSURANCE"), List.of(new IndicatorStore.SuggestionCount("RETIRED_EVENT", 1, 0))),
                List.of(), List.of());

        IndicatorReport named = r.named(Map.of("CHILD_HEALTH_INSURANCE", "Cấp thẻ BHYT cho trẻ em dưới 6 tuổi"), Map.of("population", "CSDLQG về dân cư"));

        assertThat(named.sources()).extracting(IndicatorReport.SourceFigures::name).containsExactly("CSDLQG về dân cư", null);
        assertThat(named.sources().get(0).availability()).isEqualTo(1.0);
        assertThat(named.sources().get(0).reads()).isEqualTo(3);
        // a rule since removed keeps its code only
        assertThat(named.suggestions()).containsExactly(
                new IndicatorReport.SuggestionFigures("CHILD_HEALTH_INSURANCE", 0, 0, null, "Cấp thẻ BHYT cho trẻ em dưới 6 tuổi"),
                new IndicatorReport.SuggestionFigures("RETIRED_EVENT", 1, 0, 0.0, null));
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
