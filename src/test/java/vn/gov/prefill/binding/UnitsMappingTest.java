package vn.gov.prefill.binding;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.docs.DocSections;

/**
 * Walks the whole old-to-2025 mapping in schemas/codelists: every target exists, and docs/addresses-2025.md
 * says how many old commune codes the mapping does not know.
 */
class UnitsMappingTest {

    private static CodeLists lists;

    @BeforeAll
    static void load() {
        lists = new CodeLists(CodeLists.load(Path.of("schemas/codelists"), new ObjectMapper()));
    }

    @Test
    void everyTargetOfTheMappingIsAUnitOf2025() {
        lists.codes("units-2025-communes").forEach((old, to) -> {
            for (String code : to.split(" ")) {
                assertThat(lists.lookup("communes-2025", code)).as(old + " -> " + code).isNotNull();
                assertThat(lists.lookup("communes-2025-provinces", code)).as("province of " + code).isNotNull();
            }
        });
        lists.codes("units-2025-provinces").forEach((old, to) ->
                assertThat(lists.lookup("provinces-2025", to)).as(old + " -> " + to).isNotNull());
        assertThat(lists.codes("units-2025-provinces").keySet()).containsExactlyInAnyOrderElementsOf(lists.codes("provinces-legacy").keySet());
        assertThat(lists.codes("communes-2025-provinces").keySet()).containsExactlyInAnyOrderElementsOf(lists.codes("communes-2025").keySet());
    }

    @Test
    void theAddressesDocumentSaysHowManyOldCommunesHaveNoCommuneOf2025() throws Exception {
        Set<String> unmapped = unmapped(lists);
        DocSections.check("docs/addresses-2025.md", "units-unmapped", unmapped.size() + " of "
                + lists.codes("communes-legacy").size() + " old commune codes have no commune of 2025 in the mapping:"
                + " an address in one of them comes with `UNIT_UNKNOWN`.\n");
    }

    @Test
    void aBrokenMappingStopsTheGatewayNamingTheFileAndTheCode() {
        java.util.Map<String, java.util.Map<String, String>> broken = new java.util.LinkedHashMap<>();
        for (String list : UnitsOf2025.LISTS) {
            broken.put(list, lists.codes(list));
        }
        broken.put("units-2025-communes", java.util.Map.of("06100", "06112 99999"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Transforms(new CodeLists(broken, Path.of("conf"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(Path.of("conf", "units-2025-communes.json") + ": /codes/06100: '99999' is not in communes-2025");
    }

    /** The old commune codes no mapping row gives a commune of 2025 for, sorted. */
    static Set<String> unmapped(CodeLists lists) {
        Set<String> out = new TreeSet<>();
        for (String code : lists.codes("communes-legacy").keySet()) {
            if (lists.lookup("units-2025-communes", code) == null) {
                out.add(code);
            }
        }
        return out;
    }
}
