package vn.gov.prefill.dossier;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/**
 * One step of a dossier's handling as the handling system tells it: in a signed callback (with its
 * {@code MaSuKien}) or in the answer to a reconciliation (without). {@code status} is the gateway's name
 * for the handling system's {@code TrangThai}; {@code at} its {@code ThoiDiem}, which orders the steps.
 */
record HandlingEvent(String eventId, String handlingCode, String dossierId, DossierStatus status, Instant at, String note, Result result) {

    /** The handling system's states and the dossier status each one means. */
    static final Map<String, DossierStatus> STATES = Map.of(
            "DA_TIEP_NHAN", DossierStatus.DELIVERED,
            "DANG_XU_LY", DossierStatus.IN_PROGRESS,
            "YEU_CAU_BO_SUNG", DossierStatus.SUPPLEMENT_REQUESTED,
            "DA_CO_KET_QUA", DossierStatus.RESULT_READY,
            "TU_CHOI", DossierStatus.REJECTED,
            "DA_TRA_KET_QUA", DossierStatus.COMPLETED);

    static final int MAX_ID = 128;
    static final int MAX_NOTE = 255;

    /**
     * The result document of {@code DA_CO_KET_QUA}: a reference (where it is and what it is), never the document.
     * {@code url} is also its {@code documentRef}.
     */
    record Result(String type, String title, String number, String issuedOn, String url, String hash) {

        String documentRef() {
            return url;
        }
    }

    /**
     * Reads a callback's body (with {@code MaSuKien}) or a reconciliation's answer (without); a body that breaks
     * the contract is a 400 naming each field and what is wrong with it.
     */
    static HandlingEvent of(JsonNode body, boolean callback) {
        List<FieldError> errors = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw ApiProblem.badRequest("invalid-handling-event", "Invalid handling event",
                    List.of(new FieldError("", "the body must be a JSON object")));
        }
        String eventId = callback ? text(body, "MaSuKien", MAX_ID, true, errors) : null;
        String dossierId = text(body, "MaHoSoCong", 26, true, errors);
        String handlingCode = text(body, "MaHoSo", 64, true, errors);
        String state = text(body, "TrangThai", 32, true, errors);
        DossierStatus status = state == null ? null : STATES.get(state);
        if (state != null && status == null) {
            errors.add(new FieldError("/TrangThai", "unknown state (one of " + String.join(", ", new java.util.TreeSet<>(STATES.keySet())) + ")"));
        }
        Instant at = null;
        String when = text(body, "ThoiDiem", 64, true, errors);
        if (when != null) {
            try {
                at = OffsetDateTime.parse(when).toInstant();
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("/ThoiDiem", "must be a date-time with its offset, such as 2026-12-05T09:00:00+07:00"));
            }
        }
        String note = text(body, "GhiChu", 4000, false, errors);
        if (note != null && note.length() > MAX_NOTE) {
            note = note.substring(0, MAX_NOTE - 1) + "…";
        }
        Result result = null;
        JsonNode ketQua = body.get("KetQua");
        if (status == DossierStatus.RESULT_READY && (ketQua == null || ketQua.isNull())) {
            errors.add(new FieldError("/KetQua", "is required with DA_CO_KET_QUA"));
        } else if (ketQua != null && !ketQua.isNull()) {
            result = result(ketQua, errors);
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-handling-event", "Invalid handling event", errors);
        }
        return new HandlingEvent(eventId, handlingCode, dossierId, status, at, note, result);
    }

    private static Result result(JsonNode ketQua, List<FieldError> errors) {
        if (!ketQua.isObject()) {
            errors.add(new FieldError("/KetQua", "must be an object"));
            return null;
        }
        String type = text(ketQua, "KetQua", "MaKetQua", 32, true, errors);
        String title = text(ketQua, "KetQua", "TenGiayTo", 255, false, errors);
        String number = text(ketQua, "KetQua", "SoKyHieu", 64, false, errors);
        String issuedOn = text(ketQua, "KetQua", "NgayCap", 10, false, errors);
        String url = text(ketQua, "KetQua", "DuongDan", 1024, true, errors);
        String hash = text(ketQua, "KetQua", "MaHash", 80, false, errors);
        if (url != null && !url.startsWith("https://") && !url.startsWith("http://")) {
            errors.add(new FieldError("/KetQua/DuongDan", "must be an http(s) address"));
        }
        return new Result(type, title, number, issuedOn, url, hash);
    }

    private static String text(JsonNode body, String field, int max, boolean required, List<FieldError> errors) {
        return text(body, null, field, max, required, errors);
    }

    private static String text(JsonNode body, String parent, String field, int max, boolean required, List<FieldError> errors) {
        String pointer = (parent == null ? "" : "/" + parent) + "/" + field;
        JsonNode value = body.get(field);
        if (value == null || value.isNull()) {
            if (required) {
                errors.add(new FieldError(pointer, "is required"));
            }
            return null;
        }
        if (!value.isTextual() || value.asText().isBlank()) {
            errors.add(new FieldError(pointer, "must be a non-empty string"));
            return null;
        }
        if (value.asText().length() > max) {
            errors.add(new FieldError(pointer, "must be at most " + max + " characters"));
            return null;
        }
        return value.asText();
    }
}
