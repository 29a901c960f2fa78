package vn.gov.prefill.domain;

import java.util.regex.Pattern;

/**
 * Personal numbers and enterprise codes, checked before anything reaches a registry.
 * Each check returns null when the value is well formed, otherwise the reason.
 */
public final class Identifiers {

    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Pattern ENTERPRISE_CODE = Pattern.compile("(\\d{10})(-(\\d{3}))?");
    private static final int[] WEIGHTS = {31, 29, 23, 19, 17, 13, 7, 5, 3};

    private Identifiers() { }

    public static String citizenIdProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "is missing";
        }
        if (!CITIZEN_ID.matcher(value).matches()) {
            return "must be 12 digits (the personal identification number)";
        }
        return null;
    }

    public static String enterpriseCodeProblem(String value) {
        if (value == null || value.isEmpty()) {
            return "is missing";
        }
        var m = ENTERPRISE_CODE.matcher(value);
        if (!m.matches()) {
            return "must be 10 digits, or 10 digits, '-' and a 3-digit branch number";
        }
        String code = m.group(1);
        if (code.substring(2, 9).equals("0000000")) {
            return "has a zero sequence number (digits 3-9)";
        }
        if ("000".equals(m.group(3))) {
            return "has branch number 000 (branches are 001-999)";
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (code.charAt(i) - '0') * WEIGHTS[i];
        }
        int expected = 10 - sum % 11;
        if (sum % 11 == 0 || expected == 10) {
            return "cannot be valid: digits 1-9 admit no check digit";
        }
        if (code.charAt(9) - '0' != expected) {
            return "has a wrong check digit (expected " + expected + ")";
        }
        return null;
    }
}
