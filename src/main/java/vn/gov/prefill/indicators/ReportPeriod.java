package vn.gov.prefill.indicators;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;

/** The days a report covers, both inclusive, in Vietnam's time (Asia/Ho_Chi_Minh); default the current month. */
record ReportPeriod(LocalDate from, LocalDate to) {

    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final long MAX_DAYS = 366;

    static ReportPeriod parse(String from, String to, Clock clock) {
        LocalDate today = LocalDate.now(clock.withZone(VIETNAM));
        List<FieldError> errors = new ArrayList<>();
        LocalDate start = date("from", from, today.withDayOfMonth(1), errors);
        LocalDate end = date("to", to, today.withDayOfMonth(today.lengthOfMonth()), errors);
        if (errors.isEmpty() && end.isBefore(start)) {
            errors.add(new FieldError("to", "must not be before from (" + start + ")"));
        } else if (errors.isEmpty() && ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            errors.add(new FieldError("to", "a report covers at most " + MAX_DAYS + " days"));
        }
        if (!errors.isEmpty()) {
            throw ApiProblem.badRequest("invalid-parameter", "Invalid parameter", errors);
        }
        return new ReportPeriod(start, end);
    }

    Instant start() {
        return from.atStartOfDay(VIETNAM).toInstant();
    }

    /** The first instant after the period. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    private static LocalDate date(String name, String value, LocalDate fallback, List<FieldError> errors) {
        if (value == null || value.isEmpty()) {
            return fallback;
        }
        try {
            if (value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                return LocalDate.parse(value);
            }
        } catch (DateTimeParseException e) {
            // reported below
        }
        errors.add(new FieldError(name, "must be a date YYYY-MM-DD"));
        return fallback;
    }
}
