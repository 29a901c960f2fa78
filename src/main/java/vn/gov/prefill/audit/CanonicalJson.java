package vn.gov.prefill.audit;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one JSON text of a value made of strings, numbers, booleans, nulls, lists and maps: no whitespace, object
 * keys sorted, strings escaped as RFC 8785 (JCS) does ({@code \"}, {@code \\}, the short escapes
 * {@code \b \f \n \r \t}, other control characters as {@code \\u00xx}, everything else as is, UTF-8).
 * numbers as ECMAScript prints them. What is hashed and stored must not depend on a JSON library's settings.
 */
public final class CanonicalJson {

    private CanonicalJson() { }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.toString();
    }

    private static void write(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Long || value instanceof Integer || value instanceof java.math.BigInteger
                || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof Number n) {
            out.append(number(n.doubleValue()));
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(list.get(i), out);
            }
            out.append(']');
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : new TreeMap<>(map).entrySet()) {
                if (!first) {
                    out.append(',');
                }
                first = false;
                string((String) e.getKey(), out);
                out.append(':');
                write(e.getValue(), out);
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("not canonical JSON material: " + value.getClass().getName());
        }
    }

    /** ECMAScript's Number.prototype.toString, which RFC 8785 prescribes, for a finite double. */
    static String number(double d) {
        if (!Double.isFinite(d)) {
            throw new IllegalArgumentException("not canonical JSON material: " + d);
        }
        if (d == 0) {
            return "0";
        }
        java.math.BigDecimal exact = new java.math.BigDecimal(Double.toString(d)).stripTrailingZeros();
        double magnitude = Math.abs(d);
        if (magnitude >= 1e-6 && magnitude < 1e21) {
            return exact.toPlainString();
        }
        String digits = exact.unscaledValue().abs().toString();
        int exponent = digits.length() - 1 - exact.scale();
        String mantissa = digits.length() == 1 ? digits : digits.charAt(0) + "." + digits.substring(1);
        return (d < 0 ? "-" : "") + mantissa + "e" + (exponent < 0 ? "-" : "+") + Math.abs(exponent);
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }
}
