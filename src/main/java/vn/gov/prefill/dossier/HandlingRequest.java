package vn.gov.prefill.dossier;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.audit.CanonicalJson;
import vn.gov.prefill.flow.PrefillTokens;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.submission.SubmissionCheck;

/**
 * The body a dossier is delivered with (NATIONAL-SYSTEMS §6.1, {@code POST /handling/v1/hoso}): who
 * filed it, about whom, the form's data, and for each prefilled value the filer kept, where it came
 * from and the SHA-256 of its canonical JSON (RFC 8785), so the handling system can tell it is the
 * register's; and the documents attached by reference ({@code ThanhPhanHoSo}).
 */
final class HandlingRequest {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private HandlingRequest() { }

    static ObjectNode of(String dossierId, Instant filedAt, SubmissionCheck.Checked checked, String filerName,
                         java.util.List<PrefillTokens.Offer> attached, ObjectMapper json) {
        Citizen citizen = checked.citizen();
        ObjectNode body = json.createObjectNode();
        body.put("MaHoSoCong", dossierId);
        body.put("MaTTHC", checked.form().procedureCode());
        body.put("MaBieuMau", checked.form().id());
        body.put("PhienBanBieuMau", checked.form().version());
        body.put("NgayNop", DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(filedAt.truncatedTo(ChronoUnit.SECONDS).atZone(VIETNAM)
                .toOffsetDateTime()));
        body.put("KenhNop", citizen.atDesk() ? "MOT_CUA" : "TRUC_TUYEN");
        ObjectNode filer = body.putObject("NguoiNop");
        filer.put("SoDinhDanh", citizen.citizenId());
        filer.put("HoVaTen", filerName);
        ObjectNode subject = body.putObject("DoiTuong");
        if (citizen.isOrganisation()) {
            subject.put("Loai", "DOANH_NGHIEP");
            subject.put("MaSoDoanhNghiep", citizen.enterpriseCode());
        } else {
            subject.put("Loai", "BAN_THAN");
            subject.put("SoDinhDanh", citizen.citizenId());
        }
        if (citizen.atDesk()) {
            ObjectNode officer = body.putObject("CanBoTiepNhan");
            officer.put("MaCanBo", citizen.desk().officer());
            officer.put("MaDonVi", citizen.desk().unit());
        } else {
            body.putNull("CanBoTiepNhan");
        }
        body.set("DuLieu", checked.data());
        ArrayNode provenance = body.putArray("NguonDuLieu");
        for (String pointer : checked.kept()) {
            PrefillTokens.Origin origin = checked.prefill().origins().get(pointer);
            ObjectNode entry = provenance.addObject();
            entry.put("TruongDuLieu", pointer);
            entry.put("Nguon", origin == null ? null : origin.source());
            entry.put("ThoiDiem", origin == null ? null : origin.asOf());
            entry.put("KhoaSua", Boolean.TRUE.equals(checked.prefill().locked().get(pointer)));
            entry.put("MaHash", sha256(checked.data().at(pointer), json));
        }
        ArrayNode documents = body.putArray("ThanhPhanHoSo");
        for (PrefillTokens.Offer document : attached) {
            ObjectNode entry = documents.addObject();
            entry.put("MaKetQua", document.type());
            entry.put("SoKyHieu", document.number());
            entry.put("DuongDan", document.ref());
            entry.put("MaHash", document.hash());
        }
        return body;
    }

    /** {@code sha256:} and the hex SHA-256 of the value's canonical JSON (a string is hashed with its quotes). */
    static String sha256(JsonNode value, ObjectMapper json) {
        Object plain = value == null || value.isMissingNode() ? null : json.convertValue(value, Object.class);
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(CanonicalJson.write(plain).getBytes(StandardCharsets.UTF_8));
            return "sha256:" + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
