package vn.gov.prefill.indicators;

import java.util.List;
import java.util.regex.Pattern;

/**
 * What a rating's comment loses before it is stored: anything shaped like an e-mail address, a personal
 * number (twelve digits, or an old nine-digit ID number), or a phone number, written together or in
 * groups separated by spaces, dots or dashes. The rest of the comment is kept as the citizen wrote it.
 */
final class CommentMasking {

    private record Rule(Pattern pattern, String replacement) { }

    /** A digit, then digits each maybe after one space, dot or dash: "027 190 001 234", "0912.345.678". */
    private static String digits(int min, int max) {
        return "(?<![\\d.-])\\d(?:[ .-]?\\d){" + (min - 1) + "," + (max - 1) + "}(?![\\d])";
    }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("[\\p{L}\\p{N}._%+-]+@[\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)+"), "[e-mail]"),
            // +84 and nine or ten digits, written as a phone number
            new Rule(Pattern.compile("\\+\\s?84[ .-]?\\d(?:[ .-]?\\d){7,9}(?!\\d)"), "[phone]"),
            new Rule(Pattern.compile(digits(12, 12)), "[personal-number]"),
            // a domestic number: 0 and nine or ten more digits
            new Rule(Pattern.compile("(?<![\\d.-])0(?:[ .-]?\\d){9,10}(?!\\d)"), "[phone]"),
            new Rule(Pattern.compile(digits(9, 11)), "[id-number]"));

    private CommentMasking() { }

    static String mask(String comment) {
        if (comment == null) {
            return null;
        }
        String out = comment;
        for (Rule rule : RULES) {
            out = rule.pattern().matcher(out).replaceAll(rule.replacement());
        }
        return out;
    }
}
