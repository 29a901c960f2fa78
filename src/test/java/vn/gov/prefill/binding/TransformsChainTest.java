package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;

/** Resolving a transform spec, and applying a chain: cleaning, "no value", stopping early. */
class TransformsChainTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Transforms TRANSFORMS = new Transforms(new CodeLists(Map.of(
            "sex-population", Map.of("1", "NAM", "2", "NU"))));

    // ---- resolve

    @Test
    void anUnknownTransformNameIsRefusedAndTheKnownOnesListed() {
        assertThatThrownBy(() -> TRANSFORMS.resolve("titleCase"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown transform 'titleCase'")
                .hasMessageContaining("date").hasMessageContaining("fullName").hasMessageContaining("codelist");
    }

    @Test
    void theNameBeforeTheColonIsWhatIsLookedUp() {
        assertThatThrownBy(() -> TRANSFORMS.resolve("dates:yyyyMMdd"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown transform 'dates'");
    }

    @Test
    void dateWithoutAPatternIsRefused() {
        assertThatThrownBy(() -> TRANSFORMS.resolve("date"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date needs one of the patterns")
                .hasMessageContaining("yyyyMMdd");
    }

    @ParameterizedTest
    @ValueSource(strings = {"date:MM/dd/yyyy", "date:", "date:yyyy-MM-dd'T'HH:mm", "date:YYYYMMDD"})
    void dateWithAPatternOutsideTheThreeIsRefused(String spec) {
        assertThatThrownBy(() -> TRANSFORMS.resolve(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("date needs one of the patterns")
                .hasMessageContaining("dd/MM/yyyy");
    }

    @Test
    void theThreeDatePatternsResolve() {
        for (String pattern : Transforms.DATE_PATTERNS) {
            assertThat(TRANSFORMS.resolve("date:" + pattern)).isNotNull();
        }
    }

    @Test
    void codelistOfAMissingListIsRefusedNamingTheList() {
        assertThatThrownBy(() -> TRANSFORMS.resolve("codelist:religion"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("codelist:religion")
                .hasMessageContaining("names no code list");
    }

    @Test
    void mapOfAMissingListIsRefusedNamingTheList() {
        assertThatThrownBy(() -> TRANSFORMS.resolve("map:sex-insurance"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("map:sex-insurance")
                .hasMessageContaining("names no code list");
    }

    @Test
    void codelistWithoutAListNameIsRefused() {
        assertThatThrownBy(() -> TRANSFORMS.resolve("codelist"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("names no code list");
    }

    // ---- applyAll

    @Test
    void anEmptyChainTrimsAndCollapsesWhitespace() {
        assertThat(Transforms.applyAll(List.of(), TextNode.valueOf("  Số 8 \t đường   Lý Thái Tổ \n")))
                .isEqualTo(TextNode.valueOf("Số 8 đường Lý Thái Tổ"));
    }

    @Test
    void anEmptyOrBlankStringIsNoValueAndTheChainIsNotRun() {
        List<JsonNode> seen = new ArrayList<>();
        Transform spy = v -> {
            seen.add(v);
            return v;
        };

        assertThat(Transforms.applyAll(List.of(spy), TextNode.valueOf(""))).isNull();
        assertThat(Transforms.applyAll(List.of(spy), TextNode.valueOf("  \t "))).isNull();
        assertThat(seen).isEmpty();
    }

    @Test
    void nullMissingAndEmptyContainersAreNoValue() {
        Transform fail = v -> {
            throw new AssertionError("the chain must not run on no value, got " + v);
        };
        assertThat(Transforms.applyAll(List.of(fail), null)).isNull();
        assertThat(Transforms.applyAll(List.of(fail), NullNode.getInstance())).isNull();
        assertThat(Transforms.applyAll(List.of(fail), MissingNode.getInstance())).isNull();
        assertThat(Transforms.applyAll(List.of(fail), JSON.createObjectNode())).isNull();
        assertThat(Transforms.applyAll(List.of(fail), JSON.createArrayNode())).isNull();
    }

    @Test
    void theValuePassedToTheFirstTransformIsAlreadyTrimmed() {
        List<JsonNode> seen = new ArrayList<>();
        Transform spy = v -> {
            seen.add(v);
            return v;
        };

        Transforms.applyAll(List.of(spy), TextNode.valueOf("  1 "));

        assertThat(seen).containsExactly(TextNode.valueOf("1"));
    }

    @Test
    void theChainRunsInOrder() {
        List<Transform> chain = List.of(
                v -> TextNode.valueOf(v.asText() + "a"),
                v -> TextNode.valueOf(v.asText() + "b"));

        assertThat(Transforms.applyAll(chain, TextNode.valueOf("x"))).isEqualTo(TextNode.valueOf("xab"));
    }

    @Test
    void theChainStopsAtTheFirstNoValue() {
        Transform fail = v -> {
            throw new AssertionError("ran after a transform gave no value");
        };

        assertThat(Transforms.applyAll(List.of(TRANSFORMS.resolve("map:sex-population"), fail), TextNode.valueOf("0"))).isNull();
    }

    @Test
    void aTransformThatGivesABlankStringGivesNoValue() {
        Transform blank = v -> TextNode.valueOf("   ");
        Transform fail = v -> {
            throw new AssertionError("ran after a blank value");
        };

        assertThat(Transforms.applyAll(List.of(blank, fail), TextNode.valueOf("x"))).isNull();
    }

    @Test
    void anIntermediateResultIsCleanedBeforeTheNextTransform() {
        Transform padded = v -> TextNode.valueOf(" 2 ");

        assertThat(Transforms.applyAll(List.of(padded, TRANSFORMS.resolve("map:sex-population")), TextNode.valueOf("x")))
                .isEqualTo(TextNode.valueOf("NU"));
    }

    @Test
    void numbersPassThroughUnchanged() {
        assertThat(Transforms.applyAll(List.of(), IntNode.valueOf(0))).isEqualTo(IntNode.valueOf(0));
    }
}
