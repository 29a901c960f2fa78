package vn.gov.prefill.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * The link of the chain: {@code hash = hex(SHA-256(UTF-8(material)))} where material is the canonical
 * JSON array (see {@link CanonicalJson}) of
 * {@code ["disclosure/v1", seq, prev_hash, recorded_at, request_id, client, actor_id, subject_id,
 * subject_role, acting_for, form_id, form_version, procedure_code, consented_sources, sources,
 * released_pointers]}: seq an integer, recorded_at as {@code yyyy-MM-ddTHH:mm:ss.SSSSSSZ} (UTC,
 * always six decimals), the JSON columns as their stored text, SQL NULL as JSON null. Every column
 * of the row but {@code hash} itself is covered, each in its own array slot, so no two rows share a
 * material.
 */
final class DisclosureHash {

    static final String GENESIS = "0".repeat(64);
    static final String VERSION = "disclosure/v1";
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
        return CanonicalJson.write(Arrays.asList(VERSION, r.seq(), r.prevHash(),
                r.recordedAt() == null ? null : format(r.recordedAt()), r.requestId(), r.client(), r.actorId(),
                r.subjectId(), r.subjectRole(), r.actingFor(), r.formId(), r.formVersion(), r.procedureCode(),
                r.consentedSources(), r.sources(), r.releasedPointers()));
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
