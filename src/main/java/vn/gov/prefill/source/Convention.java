package vn.gov.prefill.source;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * A registry's answer convention, parsed once from its declarative text (the {@code convention}
 * parameter of the REST route templates). Rules are separated by {@code ;} or new lines:
 * <ul>
 * <li>{@code 404 -> NOT_FOUND}, {@code 400 403 429 -> REJECTED}, {@code 5xx -> UNAVAILABLE},
 *     {@code * -> UNAVAILABLE}: an HTTP status (exact, a class, or any) to an outcome;</li>
 * <li>{@code /ketQua = LOI -> UNAVAILABLE}, {@code /ketQua != THANH_CONG -> REJECTED}: a field of a
 *     JSON answer whose status means {@code OK}, checked in order, the first that holds decides;</li>
 * <li>{@code record /duLieu}: where the record is in the answer (the whole answer without it).</li>
 * </ul>
 * A status no rule names is {@code UNAVAILABLE} from 500 up (or without a status), else {@code INVALID_RESPONSE}.
 */
public final class Convention {

    /** What an answer comes to: a record, no record, or one of the failures of {@link RegistryException}. */
    public enum Outcome { OK, NOT_FOUND, REJECTED, UNAVAILABLE, INVALID_RESPONSE }

    /** A field rule: the answer's value at {@code pointer} equals (or not) {@code value}. */
    public record FieldRule(JsonPointer pointer, String value, boolean equal, Outcome outcome, String text) {
        boolean holds(JsonNode answer) {
            JsonNode at = answer.at(pointer);
            boolean same = at.isValueNode() && value.equals(at.asText());
            return same == equal;
        }
    }

    private final Map<Integer, Outcome> exact;
    private final Map<Integer, Outcome> classes;
    private final Outcome otherwise;
    private final List<FieldRule> fields;
    private final JsonPointer record;

    private Convention(Map<Integer, Outcome> exact, Map<Integer, Outcome> classes, Outcome otherwise,
                       List<FieldRule> fields, JsonPointer record) {
        this.exact = Map.copyOf(exact);
        this.classes = Map.copyOf(classes);
        this.otherwise = otherwise;
        this.fields = List.copyOf(fields);
        this.record = record;
    }

    public Outcome forStatus(int status) {
        Outcome o = exact.get(status);
        if (o == null) {
            o = classes.get(status / 100);
        }
        if (o == null) {
            o = otherwise;
        }
        if (o == null) {
            o = status >= 500 || status == 0 ? Outcome.UNAVAILABLE : Outcome.INVALID_RESPONSE;
        }
        return o;
    }

    /** The first field rule that holds for this answer, or null. */
    public FieldRule fieldRule(JsonNode answer) {
        for (FieldRule rule : fields) {
            if (rule.holds(answer)) {
                return rule;
            }
        }
        return null;
    }

    public JsonPointer record() {
        return record;
    }

    /** @throws IllegalArgumentException naming the rule that cannot be read */
    public static Convention parse(String text) {
        Map<Integer, Outcome> exact = new HashMap<>();
        Map<Integer, Outcome> classes = new HashMap<>();
        Outcome otherwise = null;
        List<FieldRule> fields = new ArrayList<>();
        JsonPointer record = JsonPointer.empty();
        for (String raw : text.split("[;\\n]")) {
            String rule = raw.strip();
            if (rule.isEmpty()) {
                continue;
            }
            if (rule.startsWith("record ")) {
                record = pointer(rule.substring("record ".length()).strip(), rule);
                continue;
            }
            int arrow = rule.indexOf("->");
            if (arrow < 0) {
                throw new IllegalArgumentException("convention rule '" + rule + "': expected '<status> -> <outcome>', "
                        + "'<pointer> = <value> -> <outcome>' or 'record <pointer>'");
            }
            String left = rule.substring(0, arrow).strip();
            Outcome outcome = outcome(rule.substring(arrow + 2).strip(), rule);
            if (left.startsWith("/")) {
                fields.add(field(left, outcome, rule));
                continue;
            }
            for (String code : left.split("[\\s,]+")) {
                if (code.equals("*")) {
                    otherwise = outcome;
                } else if (code.matches("[1-5]xx")) {
                    classes.put(code.charAt(0) - '0', outcome);
                } else if (code.matches("[1-5][0-9][0-9]")) {
                    exact.put(Integer.parseInt(code), outcome);
                } else {
                    throw new IllegalArgumentException("convention rule '" + rule + "': '" + code
                            + "' is not an HTTP status (404), a class (5xx) or *");
                }
            }
        }
        return new Convention(exact, classes, otherwise, fields, record);
    }

    private static FieldRule field(String left, Outcome outcome, String rule) {
        boolean equal = !left.contains("!=");
        String[] sides = left.split(equal ? "=" : "!=", 2);
        if (sides.length != 2 || sides[1].isBlank()) {
            throw new IllegalArgumentException("convention rule '" + rule + "': expected '<pointer> = <value>' or '<pointer> != <value>'");
        }
        return new FieldRule(pointer(sides[0].strip(), rule), sides[1].strip(), equal, outcome, rule);
    }

    private static JsonPointer pointer(String text, String rule) {
        try {
            return JsonPointer.compile(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("convention rule '" + rule + "': '" + text + "' is not a JSON Pointer");
        }
    }

    private static Outcome outcome(String name, String rule) {
        try {
            return Outcome.valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("convention rule '" + rule + "': '" + name
                    + "' is not one of OK, NOT_FOUND, REJECTED, UNAVAILABLE, INVALID_RESPONSE");
        }
    }
}
