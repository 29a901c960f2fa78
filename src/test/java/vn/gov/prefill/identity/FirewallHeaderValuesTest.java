package vn.gov.prefill.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/** The firewall's header-value rule, as a loop, says exactly what Spring Security's pattern says. */
class FirewallHeaderValuesTest {

    /** StrictHttpFirewall's own rule for header values. */
    static final Pattern SPRING = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @Test
    void agreesWithSpringSecuritysPatternOnHostileAndOrdinaryValues() {
        List<String> values = new ArrayList<>(List.of("", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.sig", "Nguyễn Thị Hoa", "a\u0000b",
                "line\nbreak", "tab\there", "\u007F", "\u0085", "\u009F", "\u00A0", "\uD83D\uDE00", "\uD83D", "\uDE00x",
                "\u0378", "\uFFFF", "\uE000", "\u200B", "\t"));
        Random random = new Random(42);
        for (int i = 0; i < 5000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int j = random.nextInt(6); j > 0; j--) {
                sb.append((char) (random.nextBoolean() ? random.nextInt(0x100) : random.nextInt(0x10000)));
            }
            values.add(sb.toString());
        }

        for (String v : values) {
            assertThat(SecurityConfig.printable(v)).as("%s", v.codePoints().mapToObj(Integer::toHexString).toList())
                    .isEqualTo(SPRING.matcher(v).matches());
        }
    }
}
