package vn.gov.prefill.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import vn.gov.prefill.config.PersonKeys;

class SuggestionMatchKeyTest {

    static final PersonKeys KEYS = new PersonKeys(Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes()));

    @Test
    void theSameFormPersonAndActingForMatchAndNothingElseDoes() {
        SuggestionMatchKey keys = new SuggestionMatchKey(KEYS);
        String shown = keys.of("child-health-insurance", "027190001234", "027224009876");

        assertThat(new SuggestionMatchKey(KEYS).of("child-health-insurance", "027190001234", "027224009876")).isEqualTo(shown);
        assertThat(shown).matches("[0-9a-f]{64}").doesNotContain("027190001234").doesNotContain("027224009876");
        assertThat(keys.of("child-health-insurance", "027190001234", null)).isNotEqualTo(shown);
        assertThat(keys.of("birth-registration", "027190001234", "027224009876")).isNotEqualTo(shown);
        assertThat(keys.of("child-health-insurance", "027088004321", "027224009876")).isNotEqualTo(shown);
    }
}
