package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** The three date transforms turn a registry's date into ISO 8601, keeping only the precision it has. */
class TransformsDateTest {

    private static final Transforms TRANSFORMS = new Transforms(new CodeLists(Map.of()));

    /** Runs the transform as a binding does (input cleaned first); null when there is no value. */
    private static String convert(String spec, String input) {
        JsonNode out = Transforms.applyAll(List.of(TRANSFORMS.resolve(spec)), input == null ? null : TextNode.valueOf(input));
        return out == null ? null : out.asText();
    }

    @ParameterizedTest(name = "yyyyMMdd {0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
            "19900215, 1990-02-15",
            "20240229, 2024-02-29",
            "1948,     1948",
            "194800,   1948",
            "19480000, 1948",
            "199002,   1990-02",
            "19480500, 1948-05",
            "19900200, 1990-02",
            "19900230, NONE",
            "19230229, NONE",
            "19901301, NONE",
            "19481300, NONE",
            "17991231, NONE",
            "1990021,  NONE",
            "199002150, NONE",
            "abcd,     NONE",
            "1990-02-15, NONE",
            "15/02/1990, NONE",
    })
    void compactDatesKeepTheirPrecisionAndRejectImpossibleDays(String input, String expected) {
        assertThat(convert("date:yyyyMMdd", input)).isEqualTo(expected);
    }

    @Test
    void compactDateWithADayButNoMonthKeepsOnlyTheYear() {
        assertThat(convert("date:yyyyMMdd", "19480015")).isEqualTo("1948");
    }

    @Test
    void compactDateIsTrimmedBeforeParsing() {
        assertThat(convert("date:yyyyMMdd", "  19900215 ")).isEqualTo("1990-02-15");
    }

    @ParameterizedTest(name = "dd/MM/yyyy {0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
            "15/03/2018, 2018-03-15",
            "02/09/2025, 2025-09-02",
            "00/03/2018, 2018-03",
            "00/00/2018, 2018",
            "5/3/2018,   2018-03-05",
            "03/2018,    2018-03",
            "3/2018,     2018-03",
            "2018,       2018",
            "31/02/2018, NONE",
            "15/13/2018, NONE",
            "15/03/18,   NONE",
            "2018-03-15, NONE",
            "15-03-2018, NONE",
            "15/03/2018/1, NONE",
            "aa/bb/cccc, NONE",
    })
    void slashedDatesAreDayFirst(String input, String expected) {
        assertThat(convert("date:dd/MM/yyyy", input)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "yyyy-MM-dd {0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
            "2024-03-28,                2024-03-28",
            "2024-03-28T10:00:00+07:00, 2024-03-28",
            "2025-07-01T08:00:00Z,      2025-07-01",
            "2024-03,                   2024-03",
            "2024,                      2024",
            "2024-02-30,                NONE",
            "2024-13-01,                NONE",
            "2024-3-28,                 NONE",
            "28/03/2024,                NONE",
            "20240328,                  NONE",
            "2024-03-28 10:00,          NONE",
    })
    void isoDatesAndDateTimesGiveTheDatePart(String input, String expected) {
        assertThat(convert("date:yyyy-MM-dd", input)).isEqualTo(expected);
    }

    @Test
    void aNonTextValueIsNoDateButANumberIsReadAsItsDigits() {
        Transform compact = TRANSFORMS.resolve("date:yyyyMMdd");
        assertThat(compact.apply(IntNode.valueOf(19900215))).isEqualTo(TextNode.valueOf("1990-02-15"));
        assertThat(compact.apply(NullNode.getInstance())).isNull();
        assertThat(compact.apply(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("Nam", "1990"))).isNull();
    }
}
