package vn.gov.prefill.suggestion;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import io.github.jamsesso.jsonlogic.JsonLogic;

/**
 * The date arithmetic JsonLogic lacks, as named operations. Dates are ISO strings ({@code 2024-03-28});
 * {@code date} also reads the registries' other spellings ({@code 20240328}, {@code 28/03/2024}). Every
 * operation answers null for a missing or partial date (a year-only birth date), so a rule over it is false.
 */
final class DateOperations {

    /** The operations of json-logic-java 1.1.0 itself ({@code var} is a node of its own). */
    static final Set<String> BUILT_IN = Set.of("==", "===", "!=", "!==", "!", "!!", "and", "or", "if", "?:", ">", ">=", "<", "<=",
            "+", "-", "*", "/", "%", "min", "max", "map", "filter", "reduce", "all", "none", "some", "merge", "in", "cat",
            "substr", "missing", "missing_some", "log");

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter VIETNAMESE = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    private static final Map<String, Function<Object[], Object>> OPERATIONS = new LinkedHashMap<>();

    static {
        OPERATIONS.put("date", a -> iso(date(arg(a, 0))));
        OPERATIONS.put("add_years", a -> shift(a, ChronoUnit.YEARS));
        OPERATIONS.put("add_days", a -> shift(a, ChronoUnit.DAYS));
        OPERATIONS.put("years_between", a -> between(a, ChronoUnit.YEARS));
        OPERATIONS.put("days_between", a -> between(a, ChronoUnit.DAYS));
        OPERATIONS.put("next_birthday", DateOperations::nextBirthday);
        OPERATIONS.put("format_date", a -> {
            LocalDate d = date(arg(a, 0));
            return d == null ? null : VIETNAMESE.format(d);
        });
    }

    private DateOperations() { }

    static Set<String> names() {
        return OPERATIONS.keySet();
    }

    /** A JsonLogic engine with the built-in operations and these. */
    static JsonLogic engine() {
        JsonLogic logic = new JsonLogic();
        OPERATIONS.forEach(logic::addOperation);
        return logic;
    }

    /** {@code [date, n]}: the date n units later (earlier when n is negative). */
    private static Object shift(Object[] a, ChronoUnit unit) {
        LocalDate d = date(arg(a, 0));
        Object n = arg(a, 1);
        return d == null || !(n instanceof Number number) ? null : iso(d.plus(number.longValue(), unit));
    }

    /** {@code [from, to]}: whole units from the first date to the second, negative when it is earlier. */
    private static Object between(Object[] a, ChronoUnit unit) {
        LocalDate from = date(arg(a, 0));
        LocalDate to = date(arg(a, 1));
        return from == null || to == null ? null : (double) unit.between(from, to);
    }

    /** {@code [birth date, today]}: the first birthday on or after today (29 February: 28 February in other years). */
    private static Object nextBirthday(Object[] a) {
        LocalDate birth = date(arg(a, 0));
        LocalDate today = date(arg(a, 1));
        if (birth == null || today == null) {
            return null;
        }
        long years = Math.max(0, ChronoUnit.YEARS.between(birth, today));
        LocalDate next = birth.plusYears(years);
        return iso(next.isBefore(today) ? birth.plusYears(years + 1) : next);
    }

    private static Object arg(Object[] a, int i) {
        return a != null && a.length > i ? a[i] : null;
    }

    static LocalDate date(Object value) {
        if (!(value instanceof String s) || s.isBlank()) {
            return null;
        }
        String text = s.strip();
        try {
            if (text.matches("\\d{8}")) {
                return LocalDate.parse(text, COMPACT);
            }
            if (text.matches("\\d{2}/\\d{2}/\\d{4}")) {
                return LocalDate.parse(text, VIETNAMESE);
            }
            return text.length() >= 10 ? LocalDate.parse(text.substring(0, 10)) : null;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String iso(LocalDate d) {
        return d == null ? null : d.toString();
    }
}
