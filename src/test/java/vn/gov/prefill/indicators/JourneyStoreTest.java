package vn.gov.prefill.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import vn.gov.prefill.indicators.JourneyStep.Step;

/** The journey's indicator tables (V11) on the gateway's own migrations: one row per dossier, each step kept once. */
class JourneyStoreTest {

    static final Instant FILED = Instant.parse("2026-11-10T03:00:00Z");

    DataSource db;
    IndicatorStore store;
    JdbcTemplate jdbc;

    /** An empty database of its own (H2 here; PostgreSQL in {@link JourneyPostgresIT}). */
    DataSource newDatabase() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:journey-store-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        return h2;
    }

    @BeforeEach
    void migrate() {
        db = newDatabase();
        Flyway.configure().dataSource(db).locations("classpath:db/migration").load().migrate();
        store = new IndicatorStore(db, Clock.fixed(FILED, ZoneOffset.UTC));
        jdbc = new JdbcTemplate(db);
    }

    static JourneyStep step(String id, Step step, Instant at) {
        return new JourneyStep(id, "criminal-record-request", "2.001417", "ONLINE", null, step, FILED, at);
    }

    List<Journey> november() {
        return store.journeys(Instant.parse("2026-10-31T17:00:00Z"), Instant.parse("2026-11-30T17:00:00Z"));
    }

    @Test
    void eachStepIsKeptOnceAtItsFirstTime() {
        String id = "01JF3Q0000000000000000000A";
        store.insertJourney(step(id, Step.FILED, FILED));
        store.insertJourney(step(id, Step.DELIVERY_FAILED, FILED.plusSeconds(60)));
        store.insertJourney(step(id, Step.DELIVERY_FAILED, FILED.plusSeconds(60)));
        // an operator's redelivery files it again: still one dossier
        store.insertJourney(step(id, Step.FILED, FILED.plusSeconds(3600)));
        store.insertJourney(step(id, Step.DELIVERED, FILED.plusSeconds(3605)));
        store.insertJourney(step(id, Step.DELIVERED, FILED.plusSeconds(7200)));
        store.insertJourney(step(id, Step.RESULT_READY, FILED.plusSeconds(86400)));
        store.insertJourney(step(id, Step.RESULT_READY, FILED.plusSeconds(90000)));

        assertThat(november()).containsExactly(new Journey("criminal-record-request", "2.001417", "ONLINE", null, FILED,
                FILED.plusSeconds(3605), FILED.plusSeconds(86400), List.of(FILED.plusSeconds(60))));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_dossier", Integer.class)).isEqualTo(1);
    }

    @Test
    void aLaterStepOfADossierNotYetKnownMakesItsRowAndAResultMeansItWasDelivered() {
        store.insertJourney(new JourneyStep("01JF3Q0000000000000000000B", "residence-change", null, "DESK", "000.00.24.H04",
                Step.RESULT_READY, FILED, FILED.plusSeconds(500)));

        assertThat(november()).containsExactly(new Journey("residence-change", null, "DESK", "000.00.24.H04", FILED,
                FILED.plusSeconds(500), FILED.plusSeconds(500), List.of()));
    }

    @Test
    void theJourneysOfAPeriodAreThoseWithAStepInIt() {
        Instant october = Instant.parse("2026-10-20T03:00:00Z");
        // filed in October, failed in October, delivered in November: November's
        store.insertJourney(new JourneyStep("01JF3Q0000000000000000000C", "f", null, "ONLINE", null, Step.FILED, october, october));
        store.insertJourney(new JourneyStep("01JF3Q0000000000000000000C", "f", null, "ONLINE", null, Step.DELIVERY_FAILED, october,
                october.plusSeconds(10)));
        store.insertJourney(new JourneyStep("01JF3Q0000000000000000000C", "f", null, "ONLINE", null, Step.DELIVERED, october, FILED));
        // filed and failed in October: not November's
        store.insertJourney(new JourneyStep("01JF3Q0000000000000000000D", "f", null, "ONLINE", null, Step.DELIVERY_FAILED, october,
                october.plusSeconds(10)));
        // failed on 30 November 23:30 in Vietnam: November's, with that failure
        Instant late = Instant.parse("2026-11-30T16:30:00Z");
        store.insertJourney(new JourneyStep("01JF3Q0000000000000000000E", "f", null, "ONLINE", null, Step.DELIVERY_FAILED, october, late));

        assertThat(november()).containsExactly(
                new Journey("f", null, "ONLINE", null, october, FILED, null, List.of()),
                new Journey("f", null, "ONLINE", null, october, null, null, List.of(late)));
    }

    @Test
    void inTheMovesTransactionAStepCommitsAndRollsBackWithItAndAFailedStepLeavesTheMoveToCommit() {
        TransactionTemplate tx = new TransactionTemplate(new DataSourceTransactionManager(db));
        tx.executeWithoutResult(t -> {
            store.insertJourney(step("01JF3Q0000000000000000000F", Step.FILED, FILED));
            t.setRollbackOnly();
        });
        assertThat(november()).isEmpty();

        tx.executeWithoutResult(t -> {
            store.insertJourney(step("01JF3Q0000000000000000000G", Step.FILED, FILED));
            // no form: refused by the table, undone to the savepoint alone (PostgreSQL would refuse anything more
            // in a transaction with a failed statement)
            assertThatThrownBy(() -> store.insertJourney(new JourneyStep("01JF3Q0000000000000000000H", null, null, "ONLINE", null,
                    Step.FILED, FILED, FILED))).isInstanceOf(DataAccessException.class);
        });
        assertThat(jdbc.queryForList("SELECT dossier_id FROM indicator_dossier", String.class)).containsExactly("01JF3Q0000000000000000000G");
    }

    @Test
    void theAttachmentsJoinTheFiledRowAndARedeliveryKeepsThem() {
        String id = "01JF3Q0000000000000000000J";
        store.insertJourney(new JourneyStep(id, "criminal-record-request", "2.001417", "ONLINE", null, Step.FILED, FILED, FILED,
                new JourneyStep.Filing(1, 2, null)));
        store.insertJourney(step(id, Step.FILED, FILED.plusSeconds(3600)));

        assertThat(november()).containsExactly(new Journey("criminal-record-request", "2.001417", "ONLINE", null, FILED, null, null,
                List.of(), 1, 2));
    }

    void filed(String id, String channel, String unit, Instant at, String filerKey) {
        store.insertJourney(new JourneyStep(id, "criminal-record-request", "2.001417", channel, unit, Step.FILED, at, at,
                new JourneyStep.Filing(0, 0, filerKey)));
    }

    /**
     * Hoa (by her key) is helped at desk U1 in November and files alone online on 2 December; Bình is helped at U1 and
     * never files alone. Both rate their desk dossier; Hoa's second rating of the same stage is refused.
     */
    @Test
    void whoWasHelpedAtADeskAndLaterFiledAloneAndTheirVerdictComeFromTheTables() {
        filed("01JF3Q0000000000000000000P", "DESK", "U1", Instant.parse("2026-11-10T03:00:00Z"), "key-hoa");
        filed("01JF3Q0000000000000000000Q", "DESK", "U1", Instant.parse("2026-11-12T03:00:00Z"), "key-binh");
        filed("01JF3Q0000000000000000000R", "ONLINE", null, Instant.parse("2026-12-02T03:00:00Z"), "key-hoa");
        // before V13 nobody's key was kept: not counted as helped
        filed("01JF3Q0000000000000000000S", "DESK", "U1", Instant.parse("2026-11-13T03:00:00Z"), null);
        RatingStore ratings = new RatingStore(db);
        Instant rated = Instant.parse("2026-11-20T03:00:00Z");
        assertThat(ratings.record(new Rating("01JF3Q0000000000000000000P", Rating.Stage.FILING, "criminal-record-request", "2.001417",
                "DESK", "U1", 5, 5, 4, 5, "Tốt, gọi 0912345678", rated))).isTrue();
        assertThat(ratings.record(new Rating("01JF3Q0000000000000000000P", Rating.Stage.FILING, "criminal-record-request", "2.001417",
                "DESK", "U1", 1, null, null, null, null, rated))).isFalse();
        assertThat(ratings.record(new Rating("01JF3Q0000000000000000000Q", Rating.Stage.FILING, "criminal-record-request", "2.001417",
                "DESK", "U1", 2, null, null, null, null, rated))).isTrue();

        Instant start = Instant.parse("2026-10-31T17:00:00Z");
        Instant end = Instant.parse("2026-11-30T17:00:00Z");
        assertThat(store.lastOnline(start, end)).containsExactly(java.util.Map.entry("key-hoa", Instant.parse("2026-12-02T03:00:00Z")));
        assertThat(ratings.within(start, end)).extracting(Rating::score).containsExactly(5, 2);
        assertThat(ratings.within(start, end).get(0).comment()).isEqualTo("Tốt, gọi [phone]");
        IndicatorReport r = IndicatorReport.of(java.time.LocalDate.of(2026, 11, 1), java.time.LocalDate.of(2026, 11, 30), List.of(),
                List.of(), List.of(), List.of(), java.util.Map.of(), List.of(), List.of(), store.journeys(start, end),
                ratings.within(start, end), store.lastOnline(start, end));
        IndicatorReport.JourneyFigures u1 = r.units().get(0);
        assertThat(u1).isEqualTo(new IndicatorReport.JourneyFigures(null, "U1", 3, 0, 0, null, 0, 2, 0.6667, 0.5, 2, 0.5));
        assertThat(r.total().laterFiledAloneShare()).isEqualTo(0.5);
    }

    @Test
    void thePrefillsOfAPeriodSumTheirFieldsPrefilledFromDeclaredValues() {
        store.insert(List.of(
                new PrefillTally(FILED, "criminal-record-request", "1", "2.001417", false, 10, 8, 0, 2, 30, java.util.Map.of()),
                new PrefillTally(FILED, "criminal-record-request", "1", "2.001417", false, 10, 6, 0, 1, 30, java.util.Map.of())));

        assertThat(store.prefills(Instant.parse("2026-10-31T17:00:00Z"), Instant.parse("2026-11-30T17:00:00Z")))
                .containsExactly(new IndicatorStore.PrefillCount("criminal-record-request", "2.001417", 2, 3));
    }
}
