package vn.gov.prefill.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** RFC 8785: keys sorted, strings escaped as JCS does, numbers as ECMAScript prints them. */
class CanonicalJsonTest {

    @Test
    void numbersAreWrittenAsEcmaScriptDoes() {
        assertThat(CanonicalJson.number(4.5)).isEqualTo("4.5");
        assertThat(CanonicalJson.number(100.0)).isEqualTo("100");
        assertThat(CanonicalJson.number(-0.0)).isEqualTo("0");
        assertThat(CanonicalJson.number(0.000001)).isEqualTo("0.000001");
        assertThat(CanonicalJson.number(1e-7)).isEqualTo("1e-7");
        assertThat(CanonicalJson.number(1e21)).isEqualTo("1e+21");
        assertThat(CanonicalJson.number(-1.5e30)).isEqualTo("-1.5e+30");
        assertThat(CanonicalJson.number(333333333.3333333)).isEqualTo("333333333.3333333");
    }

    @Test
    void objectsSortTheirKeysAndBooleansAndNullsAreLiterals() {
        assertThat(CanonicalJson.write(Map.of("b", true, "a", List.of(1, 2.5), "c", "x\n\"y\""))).isEqualTo("{\"a\":[1,2.5],\"b\":true,\"c\":\"x\\n\\\"y\\\"\"}");
        assertThat(CanonicalJson.write(null)).isEqualTo("null");
    }
}
