package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** fullName, upper, map, codelist and integer over small code lists built inline. */
class TransformsValuesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Transforms TRANSFORMS = new Transforms(new CodeLists(Map.of(
            "sex-population", Map.of("1", "NAM", "2", "NU"),
            "ethnicity", Map.of("01", "Kinh", "07", "Nùng", "55", "Người nước ngoài"))));

    private static JsonNode run(String spec, JsonNode input) {
        return Transforms.applyAll(List.of(TRANSFORMS.resolve(spec)), input);
    }

    private static ObjectNode name(String ho, String chuDem, String ten) {
        ObjectNode n = JSON.createObjectNode();
        if (ho != null) n.put("Ho", ho);
        if (chuDem != null) n.put("ChuDem", chuDem);
        if (ten != null) n.put("Ten", ten);
        return n;
    }

    // ---- fullName

    @Test
    void fullNameJoinsTheThreePartsInOrder() {
        assertThat(run("fullName", name("NGUYỄN", "THỊ", "HOA"))).isEqualTo(TextNode.valueOf("NGUYỄN THỊ HOA"));
    }

    @Test
    void fullNameReadsThePartsByNameNotByPosition() {
        ObjectNode reversed = JSON.createObjectNode().put("Ten", "HOA").put("ChuDem", "THỊ").put("Ho", "NGUYỄN");
        assertThat(run("fullName", reversed)).isEqualTo(TextNode.valueOf("NGUYỄN THỊ HOA"));
    }

    @Test
    void fullNameWithoutAMiddleNameHasTwoPartsAndNoDoubleSpace() {
        assertThat(run("fullName", name("LÝ", null, "AN"))).isEqualTo(TextNode.valueOf("LÝ AN"));
        assertThat(run("fullName", name("LÝ", "  ", "AN"))).isEqualTo(TextNode.valueOf("LÝ AN"));
    }

    @Test
    void fullNamePartsAreTrimmedAndUpperCased() {
        assertThat(run("fullName", name(" đặng ", "thị", "ngọc  ánh"))).isEqualTo(TextNode.valueOf("ĐẶNG THỊ NGỌC ÁNH"));
    }

    @Test
    void fullNameOfAnObjectWithoutAnyPartIsNoValue() {
        assertThat(run("fullName", JSON.createObjectNode().put("Other", "X"))).isNull();
        assertThat(run("fullName", name("", " ", null))).isNull();
    }

    @Test
    void fullNameOfAStringIsUpperCasedInVietnameseWithWhitespaceCollapsed() {
        assertThat(run("fullName", TextNode.valueOf("Nguyễn Thị  Hoa "))).isEqualTo(TextNode.valueOf("NGUYỄN THỊ HOA"));
        assertThat(run("fullName", TextNode.valueOf("\tđỗ   thị lan\n"))).isEqualTo(TextNode.valueOf("ĐỖ THỊ LAN"));
    }

    @Test
    void fullNameGivesComposedCharactersForADecomposedInput() {
        // "Nguyễn" with e + circumflex + tilde as combining marks (NFD), as some systems send it
        String decomposed = "Nguye\u0302\u0303n Thi\u0323 Hoa";
        JsonNode out = run("fullName", TextNode.valueOf(decomposed));
        assertThat(out.asText()).isEqualTo("NGUY\u1EC4N TH\u1ECA HOA").hasSize("NGUYỄN THỊ HOA".length());
    }

    @Test
    void upperUpperCasesVietnameseLetters() {
        assertThat(run("upper", TextNode.valueOf("đường lý thái tổ"))).isEqualTo(TextNode.valueOf("ĐƯỜNG LÝ THÁI TỔ"));
        assertThat(run("upper", JSON.createObjectNode().put("a", "b"))).isNull();
    }

    // ---- map and codelist

    @ParameterizedTest(name = "GioiTinh {0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
            "1, NAM",
            "2, NU",
            "0, NONE",
            "3, NONE",
            "01, NONE",
    })
    void sexCodesMapToTheCanonicalSexAndUnknownIsNoValue(String code, String expected) {
        JsonNode out = run("map:sex-population", TextNode.valueOf(code));
        assertThat(out == null ? null : out.asText()).isEqualTo(expected);
    }

    @Test
    void mapAcceptsANumericCode() {
        assertThat(run("map:sex-population", IntNode.valueOf(2))).isEqualTo(TextNode.valueOf("NU"));
    }

    @ParameterizedTest(name = "DanToc {0} -> {1}")
    @CsvSource(nullValues = "NONE", value = {
            "01, 01",
            "07, 07",
            "' 07 ', 07",
            "7, NONE",
            "99, NONE",
            "Kinh, NONE",
    })
    void codelistKeepsAKnownCodeAsTheCodeNotItsName(String code, String expected) {
        JsonNode out = run("codelist:ethnicity", TextNode.valueOf(code));
        assertThat(out == null ? null : out.asText()).isEqualTo(expected);
    }

    // ---- integer

    @Test
    void integerKeepsALargeNumberExactly() {
        JsonNode out = run("integer", LongNode.valueOf(5_000_000_000L));
        assertThat(out.isIntegralNumber()).isTrue();
        assertThat(out.asLong()).isEqualTo(5_000_000_000L);
    }

    @Test
    void integerParsesADigitString() {
        JsonNode out = run("integer", TextNode.valueOf("12"));
        assertThat(out.isNumber()).isTrue();
        assertThat(out.asLong()).isEqualTo(12L);
        assertThat(run("integer", TextNode.valueOf(" -3 ")).asLong()).isEqualTo(-3L);
        assertThat(run("integer", TextNode.valueOf("5000000000")).asLong()).isEqualTo(5_000_000_000L);
    }

    @Test
    void integerRoundsAFractionalNumber() {
        assertThat(run("integer", DoubleNode.valueOf(12.6)).asLong()).isEqualTo(13L);
    }

    @ParameterizedTest(name = "integer of \"{0}\" is no value")
    @CsvSource({"12a", "1.5", "1 000", "1234567890123456789", "abc"})
    void integerOfANonIntegerStringIsNoValue(String input) {
        assertThat(run("integer", TextNode.valueOf(input))).isNull();
    }
}
