package vn.gov.prefill.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.HexFormat;

/**
 * The link of the chain: {@code hash = hex(SHA-256(UTF-8(material)))} where material is the canonical
 * JSON array (see {@link CanonicalJson}) of
 * {@code ["disclosure/v1", seq, prev_hash, recorded_at, request_id, client, actor_id, subject_id,
 * subject_role, acting_for, form_id, form_version, procedure_code, consented_sources, sources,
 * released_pointers]}, and for a record made at a one-stop desk
 * {@code ["disclosure/v2", …the same…, desk]}: seq an integer, recorded_at as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (UTC,
 * always six decimals), the JSON columns as their stored text, SQL NULL as JSON null. Every column
 * of the row but {@code hash} itself is covered, each in its own array slot, so no two rows share a
 * material.
 */
final class DisclosureHash {

    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "disclosure/v1";
    /** A record with a desk: the desk's canonical JSON in one more slot, so rows of either kind keep their hashes. */
    static final String VERSION_DESK = "disclosure/v2";
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'")
            .withZone(ZoneOffset.UTC);

    private DisclosureHash() { }

    /** What the database keeps of an instant: microseconds (PostgreSQL's precision), so it round-trips equal. */
    static Instant truncate(Instant at) {
        return at.truncatedTo(ChronoUnit.MICROS);
    }

    static String format(Instant at) {
        return AT.format(at);
    }

    static String material(LoggedDisclosure r) {
        List<Object> slots = new ArrayList<>(Arrays.asList(r.desk() == null ? VERSION : VERSION_DESK, r.seq(), r.prevHash(),
                r.recordedAt() == null ? null : format(r.recordedAt()), r.requestId(), r.client(), r.actorId(),
                r.subjectId(), r.subjectRole(), r.actingFor(), r.formId(), r.formVersion(), r.procedureCode(),
                r.consentedSources(), r.sources(), r.releasedPointers()));
        if (r.desk() != null) {
            slots.add(r.desk());
        }
        return CanonicalJson.write(slots);
    }

    static String of(LoggedDisclosure r) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material(r).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java platform", e);
        }
    }
}
