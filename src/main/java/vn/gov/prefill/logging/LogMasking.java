package vn.gov.prefill.logging;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The last line of defence: whatever a log line says, personal numbers, old ID numbers, tokens,
 * credentials, Vietnamese personal names and street addresses are replaced before it is written.
 * The code does not log such data (LogHygieneIT proves it for a whole test run); this is for the
 * mistake nobody has made yet.
 */
public final class LogMasking {

    /** What a line holds, read in one pass, so that a rule that cannot match is not run. */
    private record Traits(boolean nonAscii, int longestDigitRun, boolean mayHoldSecret) {

        static Traits of(String text) {
            boolean nonAscii = false;
            int run = 0;
            int longest = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c >= '0' && c <= '9') {
                    longest = Math.max(longest, ++run);
                    continue;
                }
                run = 0;
                if (c > 127) {
                    nonAscii = true;
                }
            }
            // eyJ… tokens, Bearer/Basic credentials and key=value secrets all hold one of these
            String lower = text.toLowerCase(Locale.ROOT);
            boolean secretWord = lower.contains("eyj") || lower.contains("bearer") || lower.contains("basic")
                    || lower.contains("token") || lower.contains("secret") || lower.contains("password") || lower.contains("key");
            return new Traits(nonAscii, longest, secretWord);
        }
    }

    private record Rule(Pattern pattern, String replacement, boolean needsNonAscii, Predicate<Traits> mayMatch) { }

    private static final List<Rule> RULES = List.of(
            new Rule(Pattern.compile("eyJ[A-Za-z0-9_-]*\\.[A-Za-z0-9_-]*\\.?[A-Za-z0-9_-]*"), "[token]", false, Traits::mayHoldSecret),
            new Rule(Pattern.compile("(?i)\\b(Bearer|Basic)\\s+[A-Za-z0-9._~+/=-]+"), "$1 [credential]", false, Traits::mayHoldSecret),
            new Rule(Pattern.compile("(?i)(access_token|client_secret|password|api[-_]?key)([\"']?\\s*[:=]\\s*[\"']?)[^\\s\"',;&]+"),
                    "$1$2[secret]", false, Traits::mayHoldSecret),
            new Rule(Pattern.compile("(?<!\\d)\\d{12}(?!\\d)"), "[personal-number]", false, t -> t.longestDigitRun() >= 12),
            new Rule(Pattern.compile("(?<!\\d)\\d{9}(?!\\d)"), "[id-number]", false, t -> t.longestDigitRun() >= 9),
            // "Số 8 đường Lý Thái Tổ", "số 12 ngõ 3 phố Nguyễn Du": a house number and what follows it
            new Rule(Pattern.compile("(?i)\\bsố\\s+\\d+[^,;\"\\n]*"), "[address]", false, Traits::nonAscii),
            // two to five capitalised words with at least one Vietnamese letter: NGUYỄN THỊ HOA, Trần Văn Bình
            new Rule(Pattern.compile("\\b\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*){1,4}\\b"), "[name]", true, Traits::nonAscii));

    private LogMasking() { }

    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String out = text;
        Traits traits = Traits.of(text);
        for (Rule rule : RULES) {
            if (!rule.mayMatch().test(traits)) {
                continue;
            }
            if (!rule.needsNonAscii()) {
                out = rule.pattern().matcher(out).replaceAll(rule.replacement());
                continue;
            }
            Matcher m = rule.pattern().matcher(out);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                boolean vietnamese = m.group().chars().anyMatch(c -> c > 127);
                m.appendReplacement(sb, vietnamese ? rule.replacement() : Matcher.quoteReplacement(m.group()));
            }
            m.appendTail(sb);
            out = sb.toString();
        }
        return out;
    }
}
