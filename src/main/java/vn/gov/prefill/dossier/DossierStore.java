package vn.gov.prefill.dossier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import javax.sql.DataSource;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.gov.prefill.identity.Desk;
import vn.gov.prefill.indicators.JourneyStep;

/**
 * The dossiers in the audit database: the filer's own record (keyed by the filer's person key, never
 * the number), its timeline, and what its delivery has come to. Status changes are conditional on the
 * status they leave, so two nodes (or a revived execution) cannot both move one dossier.
 */
@Component
class DossierStore {

    /** A dossier; {@code desk} the one-stop desk it was filed at, null when the citizen filed it online. */
    record Dossier(String id, String formId, String formVersion, String procedureCode, DossierStatus status, Instant filedAt,
                   Instant updatedAt, String handlingCode, int attempts, String lastError, int bound, int prefilled, int kept,
                   Desk desk) {

        Dossier(String id, String formId, String formVersion, String procedureCode, DossierStatus status, Instant filedAt,
                Instant updatedAt, String handlingCode, int attempts, String lastError, int bound, int prefilled, int kept) {
            this(id, formId, formVersion, procedureCode, status, filedAt, updatedAt, handlingCode, attempts, lastError, bound,
                    prefilled, kept, null);
        }

        String channel() {
            return desk == null ? ONLINE : DESK;
        }
    }

    static final String ONLINE = "ONLINE";
    static final String DESK = "DESK";

    record Event(DossierStatus status, Instant at, String note) { }

    /** What a delivery needs: the payload as filed and the purpose it is sent for. */
    record Pending(String id, DossierStatus status, int attempts, String procedureCode, String payload, String formId,
                   String channel, String unit, Instant filedAt) {

        Pending(String id, DossierStatus status, int attempts, String procedureCode, String payload) {
            this(id, status, attempts, procedureCode, payload, null, null, null, null);
        }

        /** The move to {@code status}, told from what the delivery read, without reading the dossier again. */
        DossierMoved moved(DossierStatus to, Instant at) {
            return new DossierMoved(id, formId, procedureCode, channel, unit, to, filedAt, at);
        }
    }

    private static final String COLUMNS = "id, form_id, form_version, procedure_code, status, filed_at, updated_at, handling_code, "
            + "attempts, last_error, reuse_bound, reuse_prefilled, reuse_kept, unit, unit_name, officer";

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;

    DossierStore(DataSource dataSource, ApplicationEventPublisher events) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.events = events;
    }

    /** A new dossier; {@code filing}: its attachments and filer, for the indicators' FILED step. */
    void insert(Dossier d, String personKey, String idempotencyKey, String payload, JourneyStep.Filing filing) {
        Desk desk = d.desk();
        jdbc.update("INSERT INTO dossier (id, person_key, idempotency_key, form_id, form_version, procedure_code, status, filed_at, "
                        + "updated_at, attempts, reuse_bound, reuse_prefilled, reuse_kept, payload, channel, unit, unit_name, officer) "
                        + "VALUES (?,?,?,?,?,?,?,?,?,0,?,?,?,?,?,?,?,?)",
                d.id(), personKey, idempotencyKey, d.formId(), d.formVersion(), d.procedureCode(), d.status().name(), utc(d.filedAt()),
                utc(d.filedAt()), d.bound(), d.prefilled(), d.kept(), payload, d.channel(), desk == null ? null : desk.unit(),
                desk == null ? null : desk.unitName(), desk == null ? null : desk.officer());
        // the dossier is at hand: its move is told without reading it back
        event(new DossierMoved(d.id(), d.formId(), d.procedureCode(), d.channel(), desk == null ? null : desk.unit(), d.status(),
                d.filedAt(), d.filedAt(), filing), null);
    }

    Optional<Dossier> byIdempotencyKey(String personKey, String idempotencyKey) {
        return one("SELECT " + COLUMNS + " FROM dossier WHERE person_key = ? AND idempotency_key = ?", personKey, idempotencyKey);
    }

    Optional<Dossier> ofPerson(String id, String personKey) {
        return one("SELECT " + COLUMNS + " FROM dossier WHERE id = ? AND person_key = ?", id, personKey);
    }

    Optional<Dossier> byId(String id) {
        return one("SELECT " + COLUMNS + " FROM dossier WHERE id = ?", id);
    }

    /** The person's dossiers, newest first (ids sort by filing time). */
    List<Dossier> ofPerson(String personKey, int page, int size) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dossier WHERE person_key = ? ORDER BY id DESC LIMIT ? OFFSET ?",
                DossierStore::dossier, personKey, size, (long) page * size);
    }

    long countOfPerson(String personKey) {
        Long count = jdbc.queryForObject("SELECT COUNT(*) FROM dossier WHERE person_key = ?", Long.class, personKey);
        return count == null ? 0 : count;
    }

    List<Dossier> withStatus(DossierStatus status, int limit) {
        return jdbc.query("SELECT " + COLUMNS + " FROM dossier WHERE status = ? ORDER BY id LIMIT ?", DossierStore::dossier,
                status.name(), limit);
    }

    List<Event> timeline(String id) {
        return jdbc.query("SELECT status, at, note FROM dossier_event WHERE dossier_id = ? ORDER BY at, id",
                (rs, n) -> new Event(DossierStatus.valueOf(rs.getString(1)), instant(rs, 2), rs.getString(3)), id);
    }

    Optional<Pending> pending(String id) {
        return jdbc.query("SELECT id, status, attempts, procedure_code, payload, form_id, channel, unit, filed_at FROM dossier WHERE id = ?",
                (rs, n) -> new Pending(rs.getString(1), DossierStatus.valueOf(rs.getString(2)), rs.getInt(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), instant(rs, 9)), id).stream().findFirst();
    }

    /** A transient failure: counted, the dossier stays RECEIVED. */
    void attemptFailed(String id, int attempts, String kind, Instant at) {
        jdbc.update("UPDATE dossier SET attempts = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = ?",
                attempts, kind, utc(at), id, DossierStatus.RECEIVED.name());
    }

    /** Received by the handling system: its code kept, the payload (the personal data delivery needed) cleared. */
    boolean delivered(Pending p, int attempts, String handlingCode, Instant at) {
        int moved = jdbc.update("UPDATE dossier SET status = ?, attempts = ?, handling_code = ?, last_error = NULL, updated_at = ?, "
                        + "news_at = ?, payload = NULL WHERE id = ? AND status = ?", DossierStatus.DELIVERED.name(), attempts, handlingCode,
                utc(at), utc(at), p.id(), DossierStatus.RECEIVED.name());
        if (moved == 1) {
            event(p.moved(DossierStatus.DELIVERED, at), null);
        }
        return moved == 1;
    }

    boolean failed(Pending p, int attempts, String kind, Instant at, String note) {
        int moved = jdbc.update("UPDATE dossier SET status = ?, attempts = ?, last_error = ?, updated_at = ? WHERE id = ? AND status = ?",
                DossierStatus.DELIVERY_FAILED.name(), attempts, kind, utc(at), p.id(), DossierStatus.RECEIVED.name());
        if (moved == 1) {
            event(p.moved(DossierStatus.DELIVERY_FAILED, at), note);
        }
        return moved == 1;
    }

    /** An operator's redelivery: a failed dossier is RECEIVED again, with a new round of attempts. */
    boolean reopen(String id, Instant at) {
        int moved = jdbc.update("UPDATE dossier SET status = ?, attempts = 0, updated_at = ? WHERE id = ? AND status = ?",
                DossierStatus.RECEIVED.name(), utc(at), id, DossierStatus.DELIVERY_FAILED.name());
        if (moved == 1) {
            // the timeline is the citizen's: its notes are in Vietnamese
            event(id, DossierStatus.RECEIVED, at, "Hồ sơ được chuyển lại theo yêu cầu của cán bộ vận hành");
        }
        return moved == 1;
    }

    /** How many dossiers wait for delivery, and since when the oldest (null when none). */
    record Backlog(long pending, Instant oldest) { }

    Backlog backlog() {
        return jdbc.queryForObject("SELECT COUNT(*), MIN(filed_at) FROM dossier WHERE status = ?",
                (rs, n) -> new Backlog(rs.getLong(1), instant(rs, 2)), DossierStatus.RECEIVED.name());
    }

    /**
     * Forgets the dossiers that are over (handled to the end, or never delivered) and were last touched before
     * {@code before}. One still being handled stays, however old: its filer follows it.
     */
    int forgetSettledBefore(Instant before) {
        return jdbc.update("DELETE FROM dossier WHERE status IN (?, ?, ?) AND updated_at < ?", DossierStatus.COMPLETED.name(),
                DossierStatus.REJECTED.name(), DossierStatus.DELIVERY_FAILED.name(), utc(before));
    }

    /** What an event from the handling system did to a dossier. */
    enum Progress {
        /** the dossier reached the event's status */
        MOVED,
        /** an older step, late: added to the timeline, the status left where a newer one put it */
        HISTORY,
        /** nothing new (a status already reached, or a closed dossier) */
        UNCHANGED,
        /** no dossier has this id */
        UNKNOWN
    }

    /**
     * Applies one step the handling system reports, to be called in a transaction: the dossier's row is locked,
     * so two events of one dossier (two nodes, a callback and a reconciliation) are applied one after the other.
     * Events are ordered by the handling system's time: one older than the newest applied never moves the
     * dossier back, and a closed dossier (COMPLETED, REJECTED) never moves again. {@code DA_TIEP_NHAN} only
     * confirms the delivery. A step reported before the delivery's answer came back delivers the dossier too.
     */
    Progress progress(HandlingEvent e, String resultJson, Instant now) {
        record Row(DossierStatus status, Instant eventAt) { }
        List<Row> rows = jdbc.query("SELECT status, event_at FROM dossier WHERE id = ? FOR UPDATE",
                (rs, n) -> new Row(DossierStatus.valueOf(rs.getString(1)), instant(rs, 2)), e.dossierId());
        if (rows.isEmpty()) {
            return Progress.UNKNOWN;
        }
        DossierStatus current = rows.get(0).status();
        Instant eventAt = rows.get(0).eventAt();
        jdbc.update("UPDATE dossier SET news_at = ?, handling_code = COALESCE(handling_code, ?) WHERE id = ?", utc(now),
                e.handlingCode(), e.dossierId());
        boolean undelivered = current == DossierStatus.RECEIVED || current == DossierStatus.DELIVERY_FAILED;
        if (undelivered) {
            jdbc.update("UPDATE dossier SET status = ?, last_error = NULL, payload = NULL, updated_at = ? WHERE id = ?",
                    DossierStatus.DELIVERED.name(), utc(now), e.dossierId());
            event(e.dossierId(), DossierStatus.DELIVERED, now, null);
            current = DossierStatus.DELIVERED;
            if (e.status() == DossierStatus.DELIVERED) {
                return Progress.MOVED;
            }
        }
        if (e.status() == DossierStatus.DELIVERED) {
            return Progress.UNCHANGED;
        }
        boolean newer = eventAt == null || e.at().isAfter(eventAt);
        if (resultJson != null) {
            jdbc.update("UPDATE dossier SET result = ? WHERE id = ? AND (result IS NULL OR ?)", resultJson, e.dossierId(), newer);
        }
        if (newer && !current.closed()) {
            if (e.status() == current) {
                jdbc.update("UPDATE dossier SET event_at = ? WHERE id = ?", utc(e.at()), e.dossierId());
                return Progress.UNCHANGED;
            }
            jdbc.update("UPDATE dossier SET status = ?, event_at = ?, updated_at = ? WHERE id = ?", e.status().name(), utc(e.at()),
                    utc(now), e.dossierId());
            event(e.dossierId(), e.status(), e.at(), e.note());
            return Progress.MOVED;
        }
        Integer known = jdbc.queryForObject("SELECT COUNT(*) FROM dossier_event WHERE dossier_id = ? AND status = ?", Integer.class,
                e.dossierId(), e.status().name());
        if (known != null && known > 0) {
            return Progress.UNCHANGED;
        }
        event(e.dossierId(), e.status(), e.at(), e.note());
        return Progress.HISTORY;
    }

    /** Records a callback's MaSuKien; false when it was recorded before (a repeat, to be answered and ignored). */
    boolean firstTimeSeen(String eventId, String dossierId, Instant now) {
        Integer seen = jdbc.queryForObject("SELECT COUNT(*) FROM handling_event WHERE event_id = ?", Integer.class, eventId);
        if (seen != null && seen > 0) {
            return false;
        }
        jdbc.update("INSERT INTO handling_event (event_id, dossier_id, received_at) VALUES (?,?,?)", eventId, dossierId, utc(now));
        return true;
    }

    /** The declared keys kept with a dossier filed with declare.keep. */
    void declaredKept(String id, List<String> keys) {
        jdbc.update("UPDATE dossier SET declared_kept = ? WHERE id = ?", String.join(",", keys), id);
    }

    /** The declared keys kept with this dossier; null when its filer did not ask to keep anything. */
    List<String> declaredKept(String id) {
        return jdbc.query("SELECT declared_kept FROM dossier WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .filter(java.util.Objects::nonNull).findFirst()
                .map(text -> text.isEmpty() ? List.<String>of() : List.of(text.split(","))).orElse(null);
    }

    /** The result document's reference, as JSON, once the handling system gave one. */
    Optional<String> result(String id) {
        return jdbc.query("SELECT result FROM dossier WHERE id = ?", (rs, n) -> rs.getString(1), id).stream()
                .filter(java.util.Objects::nonNull).findFirst();
    }

    /** The result references (JSON) of the person's dossiers whose result is ready or handed over, newest first. */
    List<String> resultsOfPerson(String personKey, int limit) {
        return jdbc.query("SELECT result FROM dossier WHERE person_key = ? AND status IN (?, ?) AND result IS NOT NULL "
                        + "ORDER BY id DESC LIMIT ?", (rs, n) -> rs.getString(1), personKey, DossierStatus.RESULT_READY.name(),
                DossierStatus.COMPLETED.name(), limit);
    }

    /** A dossier to ask the handling system about: its id and the handling system's code. */
    record Quiet(String id, String handlingCode, String procedureCode) { }

    /** Dossiers in the handling system's hands (delivered, not closed) with no news since {@code before}, the quietest first. */
    List<Quiet> quietSince(Instant before, int limit) {
        return jdbc.query("SELECT id, handling_code, procedure_code FROM dossier WHERE status IN (?, ?, ?, ?) AND news_at < ? "
                        + "AND handling_code IS NOT NULL ORDER BY news_at LIMIT ?",
                (rs, n) -> new Quiet(rs.getString(1), rs.getString(2), rs.getString(3)),
                DossierStatus.DELIVERED.name(), DossierStatus.IN_PROGRESS.name(), DossierStatus.SUPPLEMENT_REQUESTED.name(),
                DossierStatus.RESULT_READY.name(), utc(before), limit);
    }

    /** Asked about and nothing new (or the handling system does not know it): not asked again before the next period. */
    void asked(String id, Instant now) {
        jdbc.update("UPDATE dossier SET news_at = ? WHERE id = ?", utc(now), id);
    }

    /** A move whose dossier is known: on the timeline, and told. */
    private void event(DossierMoved moved, String note) {
        jdbc.update("INSERT INTO dossier_event (dossier_id, status, at, note) VALUES (?,?,?,?)", moved.dossierId(), moved.status().name(),
                utc(moved.at()), note);
        events.publishEvent(moved);
    }

    /** The status reached, on the timeline, and told to whoever listens for {@link DossierMoved}. */
    private void event(String id, DossierStatus status, Instant at, String note) {
        jdbc.update("INSERT INTO dossier_event (dossier_id, status, at, note) VALUES (?,?,?,?)", id, status.name(), utc(at), note);
        jdbc.query("SELECT form_id, procedure_code, channel, unit, filed_at FROM dossier WHERE id = ?",
                (rs, n) -> new DossierMoved(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), status,
                        instant(rs, 5), at), id).forEach(events::publishEvent);
    }

    private Optional<Dossier> one(String sql, Object... args) {
        return jdbc.query(sql, DossierStore::dossier, args).stream().findFirst();
    }

    private static Dossier dossier(ResultSet rs, int n) throws SQLException {
        return new Dossier(rs.getString("id"), rs.getString("form_id"), rs.getString("form_version"), rs.getString("procedure_code"),
                DossierStatus.valueOf(rs.getString("status")), instant(rs, "filed_at"), instant(rs, "updated_at"),
                rs.getString("handling_code"), rs.getInt("attempts"), rs.getString("last_error"), rs.getInt("reuse_bound"),
                rs.getInt("reuse_prefilled"), rs.getInt("reuse_kept"), rs.getString("officer") == null ? null
                        : new Desk(rs.getString("officer"), rs.getString("unit"), rs.getString("unit_name")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static OffsetDateTime utc(Instant at) {
        return at.atOffset(ZoneOffset.UTC);
    }
}
