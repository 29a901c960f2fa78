package vn.gov.prefill.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The dossier table's transitions, on the gateway's own migrations: each leaves only the status it expects. */
class DossierStoreTest {

    DossierStore store;
    JdbcTemplate jdbc;
    List<Object> moved = new ArrayList<>();
    Instant now = Instant.parse("2026-12-03T03:15:00Z");

    @BeforeEach
    void migrate() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:dossier-store-" + System.nanoTime() + ";MODE=PostgreSQL;DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(h2).locations("classpath:db/migration").load().migrate();
        store = new DossierStore(h2, moved::add);
        jdbc = new JdbcTemplate(h2);
    }

    DossierStore.Dossier file(String id, Instant at) {
        DossierStore.Dossier d = new DossierStore.Dossier(id, "criminal-record-request", "2026.1", "2.001417", DossierStatus.RECEIVED, at,
                at, null, 0, null, 15, 15, 14);
        store.insert(d, "person", null, "{\"MaHoSoCong\":\"" + id + "\"}", null);
        return d;
    }

    /** The dossier as a delivery reads it (its status, attempts and what its moves are told with). */
    DossierStore.Pending pending(String id) {
        return store.pending(id).orElseThrow();
    }

    @Test
    void aDeliveredDossierKeepsItsCodeLosesItsPayloadAndIsDeliveredOnlyOnce() {
        file("01JF3Q0000000000000000000A", now);

        assertThat(store.delivered(pending("01JF3Q0000000000000000000A"), 2, "000.00.24.H04-1", now.plusSeconds(5))).isTrue();
        assertThat(store.delivered(pending("01JF3Q0000000000000000000A"), 3, "000.00.24.H04-2", now.plusSeconds(9))).isFalse();
        assertThat(store.failed(pending("01JF3Q0000000000000000000A"), 3, "HTTP_503", now.plusSeconds(9), "late")).isFalse();

        DossierStore.Dossier d = store.byId("01JF3Q0000000000000000000A").orElseThrow();
        assertThat(d.status()).isEqualTo(DossierStatus.DELIVERED);
        assertThat(d.handlingCode()).isEqualTo("000.00.24.H04-1");
        assertThat(d.attempts()).isEqualTo(2);
        assertThat(store.pending("01JF3Q0000000000000000000A").orElseThrow().payload()).isNull();
        assertThat(store.timeline("01JF3Q0000000000000000000A")).extracting(DossierStore.Event::status)
                .containsExactly(DossierStatus.RECEIVED, DossierStatus.DELIVERED);
        assertThat(moved).containsExactly(
                new DossierMoved("01JF3Q0000000000000000000A", "criminal-record-request", "2.001417", "ONLINE", null, DossierStatus.RECEIVED,
                        now, now),
                new DossierMoved("01JF3Q0000000000000000000A", "criminal-record-request", "2.001417", "ONLINE", null, DossierStatus.DELIVERED,
                        now, now.plusSeconds(5)));
    }

    @Test
    void aFailedDossierIsReopenedOnceForANewRound() {
        file("01JF3Q0000000000000000000B", now);
        store.attemptFailed("01JF3Q0000000000000000000B", 1, "TIMEOUT", now.plusSeconds(1));
        assertThat(store.failed(pending("01JF3Q0000000000000000000B"), 2, "HTTP_422", now.plusSeconds(2), "refused")).isTrue();

        assertThat(store.reopen("01JF3Q0000000000000000000B", now.plusSeconds(3))).isTrue();
        assertThat(store.reopen("01JF3Q0000000000000000000B", now.plusSeconds(4))).isFalse();

        DossierStore.Pending p = store.pending("01JF3Q0000000000000000000B").orElseThrow();
        assertThat(p.status()).isEqualTo(DossierStatus.RECEIVED);
        assertThat(p.attempts()).isZero();
        assertThat(p.payload()).contains("01JF3Q0000000000000000000B");
    }

    @Test
    void retentionForgetsClosedAndFailedDossiersButNeverOneStillPendingOrBeingHandled() {
        Instant old = now.minus(Duration.ofDays(120));
        file("01JF3Q0000000000000000000C", old);
        store.delivered(pending("01JF3Q0000000000000000000C"), 1, "000.00.24.H04-3", old);
        store.progress(event("01JF3Q0000000000000000000C", "DA_TRA_KET_QUA", old), null, old);
        file("01JF3Q0000000000000000000F", old);
        store.failed(pending("01JF3Q0000000000000000000F"), 11, "HTTP_503", old, "never received");
        file("01JF3Q0000000000000000000D", old);
        file("01JF3Q0000000000000000000G", old);
        store.delivered(pending("01JF3Q0000000000000000000G"), 1, "000.00.24.H04-5", old);
        file("01JF3Q0000000000000000000E", now);
        store.delivered(pending("01JF3Q0000000000000000000E"), 1, "000.00.24.H04-4", now);
        store.progress(event("01JF3Q0000000000000000000E", "TU_CHOI", now), null, now);

        assertThat(store.forgetSettledBefore(now.minus(Duration.ofDays(90)))).isEqualTo(2);

        assertThat(store.byId("01JF3Q0000000000000000000C")).isEmpty();
        assertThat(store.byId("01JF3Q0000000000000000000F")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM dossier_event WHERE dossier_id = '01JF3Q0000000000000000000C'", Integer.class))
                .isZero();
        assertThat(store.byId("01JF3Q0000000000000000000D")).as("still to deliver").isPresent();
        assertThat(store.byId("01JF3Q0000000000000000000G")).as("still being handled").isPresent();
        assertThat(store.byId("01JF3Q0000000000000000000E")).as("recent").isPresent();
    }

    static HandlingEvent event(String id, String state, Instant at) {
        return new HandlingEvent(null, "000.00.24.H04-" + id, id, HandlingEvent.STATES.get(state), at, null, null);
    }

    @Test
    void aStepBeforeTheDeliveryAnswerDeliversTheDossierAndStopsItsDelivery() {
        file("01JF3Q0000000000000000000H", now);

        assertThat(store.progress(event("01JF3Q0000000000000000000H", "DANG_XU_LY", now.plusSeconds(3)), null, now.plusSeconds(4)))
                .isEqualTo(DossierStore.Progress.MOVED);

        DossierStore.Pending p = store.pending("01JF3Q0000000000000000000H").orElseThrow();
        assertThat(p.status()).isEqualTo(DossierStatus.IN_PROGRESS);
        assertThat(p.payload()).as("the personal data delivery needed").isNull();
        assertThat(store.byId("01JF3Q0000000000000000000H").orElseThrow().handlingCode()).isEqualTo("000.00.24.H04-01JF3Q0000000000000000000H");
        assertThat(store.delivered(pending("01JF3Q0000000000000000000H"), 1, "000.00.24.H04-other", now.plusSeconds(5))).isFalse();
        assertThat(moved).extracting(m -> ((DossierMoved) m).status())
                .containsExactly(DossierStatus.RECEIVED, DossierStatus.DELIVERED, DossierStatus.IN_PROGRESS);
    }

    @Test
    void reconciliationAsksOnlyForDeliveredDossiersStillOpenAndQuietSinceTheCutOff() {
        file("01JF3Q0000000000000000000J", now);
        store.delivered(pending("01JF3Q0000000000000000000J"), 1, "000.00.24.H04-J", now);
        file("01JF3Q0000000000000000000K", now);
        store.delivered(pending("01JF3Q0000000000000000000K"), 1, "000.00.24.H04-K", now);
        store.progress(event("01JF3Q0000000000000000000K", "DA_TRA_KET_QUA", now), null, now);
        file("01JF3Q0000000000000000000L", now);
        file("01JF3Q0000000000000000000M", now);
        store.delivered(pending("01JF3Q0000000000000000000M"), 1, "000.00.24.H04-M", now);
        store.asked("01JF3Q0000000000000000000M", now.plus(Duration.ofHours(2)));

        assertThat(store.quietSince(now.plus(Duration.ofHours(1)), 10)).extracting(DossierStore.Quiet::id)
                .containsExactly("01JF3Q0000000000000000000J");
        assertThat(store.quietSince(now, 10)).isEmpty();
    }

    @Test
    void thePersonsResultsAreThoseOfTheirOwnDossiersWithAResultReadyOrHandedOverNewestFirst() {
        String[][] rows = {
                {"01JF3Q0000000000000000000D", "person", "RESULT_READY"},
                {"01JF3Q0000000000000000000E", "person", "COMPLETED"},
                {"01JF3Q0000000000000000000F", "person", "IN_PROGRESS"},
                {"01JF3Q0000000000000000000G", "someone-else", "RESULT_READY"}};
        for (String[] row : rows) {
            store.insert(new DossierStore.Dossier(row[0], "criminal-record-request", "2026.1", "2.001417", DossierStatus.RECEIVED, now, now,
                    null, 0, null, 15, 15, 15), row[1], null, "{}", null);
            // every row has a result, even the one in progress: only the status says it is the person's to reuse
            jdbc.update("UPDATE dossier SET status = ?, result = ? WHERE id = ?", row[2], "{\"url\":\"https://kho/" + row[0] + "\"}", row[0]);
        }

        assertThat(store.resultsOfPerson("person", 50)).containsExactly("{\"url\":\"https://kho/01JF3Q0000000000000000000E\"}",
                "{\"url\":\"https://kho/01JF3Q0000000000000000000D\"}");
        assertThat(store.resultsOfPerson("person", 1)).hasSize(1);
        assertThat(store.resultsOfPerson("nobody", 50)).isEmpty();
    }
}
