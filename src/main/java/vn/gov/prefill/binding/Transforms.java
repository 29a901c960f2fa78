package vn.gov.prefill.binding;

import java.text.Normalizer;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The small registry of transforms a binding may name: {@code date:<pattern>}, {@code fullName},
 * {@code upper}, {@code codelist:<list>} (keep a known code), {@code map:<list>} (translate a code),
 * {@code address:ndxp} / {@code address:lgsp} (an address in the units of 2025, see {@link UnitsOf2025}),
 * {@code integer}, {@code boolean}.
 */
@Component
public class Transforms {
    // the formats a value is recognised by, compiled once
    private static final Pattern COMPACT_DATE = Pattern.compile("\\d{4}|\\d{6}|\\d{8}");
    private static final Pattern DAY_OR_MONTH = Pattern.compile("\\d{1,2}");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern ISO_DAY = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern ISO_MONTH = Pattern.compile("\\d{4}-\\d{2}");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");


    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Locale VIETNAMESE = Locale.forLanguageTag("vi");
    public static final List<String> DATE_PATTERNS = List.of("yyyyMMdd", "dd/MM/yyyy", "yyyy-MM-dd");

    private final CodeLists codeLists;
    private final UnitsOf2025 units;
    private final Map<String, Function<String, Transform>> factories;

    public Transforms(CodeLists codeLists) {
        this.codeLists = codeLists;
        this.units = UnitsOf2025.over(codeLists);
        this.factories = Map.of(
                "date", this::date,
                "fullName", arg -> Transforms::fullName,
                "upper", arg -> v -> text(v) == null ? null : NODES.textNode(upper(text(v))),
                "codelist", this::codelist,
                "map", this::map,
                "address", this::address,
                "integer", arg -> Transforms::integer,
                "boolean", arg -> v -> v == null || v.isNull() ? null : NODES.booleanNode(v.asBoolean()));
    }

    /** Resolves {@code name[:argument]}; throws IllegalArgumentException naming what is wrong. */
    public Transform resolve(String spec) {
        int colon = spec.indexOf(':');
        String name = colon < 0 ? spec : spec.substring(0, colon);
        String argument = colon < 0 ? null : spec.substring(colon + 1);
        Function<String, Transform> factory = factories.get(name);
        if (factory == null) {
            throw new IllegalArgumentException("unknown transform '" + name + "' (known: " + String.join(", ", factories.keySet().stream().sorted().toList()) + ")");
        }
        return factory.apply(argument);
    }

    /** Applies the chain in order, stopping at the first null. Strings are trimmed; empty ones are no value. */
    public static JsonNode applyAll(List<Transform> chain, JsonNode value) {
        return transform(chain, value).value();
    }

    /** Like {@link #applyAll}, with the data-quality flags the chain raised on the way. */
    public static Transformed transform(List<Transform> chain, JsonNode value) {
        List<String> flags = new ArrayList<>(0);
        Consumer<String> sink = f -> {
            if (!flags.contains(f)) {
                flags.add(f);
            }
        };
        JsonNode out = clean(value);
        for (Transform t : chain) {
            if (out == null) {
                break;
            }
            out = clean(t.apply(out, sink));
        }
        return new Transformed(out, out == null ? List.of() : flags);
    }

    static JsonNode clean(JsonNode value) {
        if (value == null || value.isNull() || value.isMissingNode()) {
            return null;
        }
        if (value.isTextual()) {
            String s = Normalizer.normalize(value.asText(), Normalizer.Form.NFC).strip();
            s = SPACES.matcher(s).replaceAll(" ");
            return s.isEmpty() ? null : NODES.textNode(s);
        }
        if ((value.isObject() || value.isArray()) && value.isEmpty()) {
            return null;
        }
        return value;
    }

    private static String text(JsonNode v) {
        return v == null || !v.isValueNode() ? null : v.asText();
    }

    private static String upper(String s) {
        return Normalizer.normalize(s, Normalizer.Form.NFC).toUpperCase(VIETNAMESE);
    }

    // ---- names

    private static JsonNode fullName(JsonNode v) {
        if (v.isTextual()) {
            return NODES.textNode(upper(v.asText()));
        }
        if (v.isObject()) {
            List<String> parts = new ArrayList<>();
            for (String part : List.of("Ho", "ChuDem", "Ten")) {
                String p = text(clean(v.get(part)));
                if (p != null) {
                    parts.add(p);
                }
            }
            return parts.isEmpty() ? null : NODES.textNode(upper(String.join(" ", parts)));
        }
        return null;
    }

    // ---- dates

    private Transform date(String pattern) {
        if (pattern == null || !DATE_PATTERNS.contains(pattern)) {
            throw new IllegalArgumentException("date needs one of the patterns " + DATE_PATTERNS + ", e.g. date:yyyyMMdd");
        }
        return v -> {
            String s = text(v);
            if (s == null) {
                return null;
            }
            String iso = switch (pattern) {
                case "yyyyMMdd" -> compactDate(s);
                case "dd/MM/yyyy" -> slashedDate(s);
                default -> isoDate(s);
            };
            return iso == null ? null : NODES.textNode(iso);
        };
    }

    /** 19900215, 19900200 or 199002 (month only), 19480000, 194800 or 1948 (year only). */
    static String compactDate(String s) {
        if (!COMPACT_DATE.matcher(s).matches()) {
            return null;
        }
        return partial(s.substring(0, 4), s.length() >= 6 ? s.substring(4, 6) : "00", s.length() == 8 ? s.substring(6, 8) : "00");
    }

    /** 15/03/2018, 00/03/2018, 03/2018, 2018. */
    static String slashedDate(String s) {
        String[] p = s.split("/");
        if (p.length == 3 && DAY_OR_MONTH.matcher(p[0]).matches() && DAY_OR_MONTH.matcher(p[1]).matches() && YEAR.matcher(p[2]).matches()) {
            return partial(p[2], pad(p[1]), pad(p[0]));
        }
        if (p.length == 2 && DAY_OR_MONTH.matcher(p[0]).matches() && YEAR.matcher(p[1]).matches()) {
            return partial(p[1], pad(p[0]), "00");
        }
        return p.length == 1 && YEAR.matcher(s).matches() ? partial(s, "00", "00") : null;
    }

    /** 2018-03-15, 2018-03, 2018, or a date-time whose date part is taken. */
    static String isoDate(String s) {
        String d = s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
        if (ISO_DAY.matcher(d).matches()) {
            return partial(d.substring(0, 4), d.substring(5, 7), d.substring(8, 10));
        }
        if (ISO_MONTH.matcher(d).matches()) {
            return partial(d.substring(0, 4), d.substring(5, 7), "00");
        }
        return YEAR.matcher(d).matches() ? partial(d, "00", "00") : null;
    }

    private static String pad(String s) {
        return s.length() == 1 ? "0" + s : s;
    }

    private static String partial(String year, String month, String day) {
        int y = Integer.parseInt(year);
        int m = Integer.parseInt(month);
        int d = Integer.parseInt(day);
        if (y < 1800 || m > 12 || (m == 0 && d != 0)) {
            return m == 0 && y >= 1800 ? year : null;
        }
        if (m == 0) {
            return year;
        }
        if (d == 0) {
            return year + "-" + month;
        }
        try {
            return LocalDate.of(y, m, d).toString();
        } catch (DateTimeException e) {
            return null;
        }
    }

    // ---- codes

    private Transform codelist(String list) {
        requireList(list, "codelist");
        return v -> {
            String code = text(v);
            return code != null && codeLists.lookup(list, code) != null ? NODES.textNode(code) : null;
        };
    }

    private Transform map(String list) {
        requireList(list, "map");
        return v -> {
            String value = text(v) == null ? null : codeLists.lookup(list, text(v));
            return value == null ? null : NODES.textNode(value);
        };
    }

    private void requireList(String list, String transform) {
        if (list == null || !codeLists.has(list)) {
            throw new IllegalArgumentException(transform + ":" + list + " names no code list in schemas/codelists");
        }
    }

    private static JsonNode integer(JsonNode v) {
        if (v.isIntegralNumber()) {
            return NODES.numberNode(v.asLong());
        }
        if (v.isNumber()) {
            return NODES.numberNode(Math.round(v.asDouble()));
        }
        String s = text(v);
        return s != null && INTEGER.matcher(s).matches() ? NODES.numberNode(Long.parseLong(s)) : null;
    }

    // ---- addresses

    private Transform address(String shape) {
        if (!"ndxp".equals(shape) && !"lgsp".equals(shape)) {
            throw new IllegalArgumentException("address needs a shape: address:ndxp (population DiaChi) or address:lgsp (business DiaChiTruSo)");
        }
        if (units == null) {
            throw new IllegalArgumentException("address:" + shape + " needs the code lists " + UnitsOf2025.LISTS + " in schemas/codelists");
        }
        return new AddressTransform("ndxp".equals(shape));
    }

    /** {@code DiaChi} of the population registry, or {@code DiaChiTruSo} of the business registry. */
    private final class AddressTransform implements Transform {
        private final boolean population;

        AddressTransform(boolean population) {
            this.population = population;
        }

        @Override
        public JsonNode apply(JsonNode value) {
            return apply(value, flag -> { });
        }

        @Override
        public JsonNode apply(JsonNode value, Consumer<String> flags) {
            if (!value.isObject()) {
                return null;
            }
            return units.address(population ? populationAddress(value) : businessAddress(value), flags);
        }
    }

    /** Codes only; three levels on records from before July 2025. */
    private static UnitsOf2025.Held populationAddress(JsonNode v) {
        return new UnitsOf2025.Held(field(v, "MaTinhThanh"), field(v, "MaQuanHuyen"), field(v, "MaPhuongXa"),
                field(v, "ChiTiet"), field(v, "QuocGia"), null, null, null);
    }

    /** House number and street apart, names alongside codes; a district only if a registry adds one. */
    private static UnitsOf2025.Held businessAddress(JsonNode v) {
        String number = field(v, "SoNha");
        String road = field(v, "DiaChi");
        String street = number == null ? road : road == null ? number : number + " " + road;
        return new UnitsOf2025.Held(field(v, "MaTinhThanh"), field(v, "MaQuanHuyen"), field(v, "MaPhuongXa"), street,
                field(v, "MaQuocGia"), field(v, "TenTinhThanh"), field(v, "TenQuanHuyen"), field(v, "TenPhuongXa"));
    }

    private static String field(JsonNode v, String name) {
        return text(clean(v.get(name)));
    }
}
