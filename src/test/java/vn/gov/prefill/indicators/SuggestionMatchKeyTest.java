package vn.gov.prefill.indicators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import vn.gov.prefill.config.StartupCheckException;

class SuggestionMatchKeyTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    @Test
    void aConfiguredKeyMatchesAcrossInstancesAndHidesTheNumbers() {
        String shown = new SuggestionMatchKey(KEY).of("child-health-insurance", "027190001234", "027224009876");

        assertThat(new SuggestionMatchKey(KEY).of("child-health-insurance", "027190001234", "027224009876")).isEqualTo(shown);
        assertThat(shown).matches("[0-9a-f]{64}").doesNotContain("027190001234").doesNotContain("027224009876");
        assertThat(new SuggestionMatchKey(KEY).of("child-health-insurance", "027190001234", null)).isNotEqualTo(shown);
        assertThat(new SuggestionMatchKey(KEY).of("birth-registration", "027190001234", "027224009876")).isNotEqualTo(shown);
        // the separator keeps the parts apart: no two subjects run together into one
        assertThat(new SuggestionMatchKey(KEY).of("a", "bc", null)).isNotEqualTo(new SuggestionMatchKey(KEY).of("ab", "c", null));
    }

    @Test
    void withoutAKeyEachProcessDrawsItsOwn() {
        assertThat(new SuggestionMatchKey("").of("f", "027190001234", null))
                .isNotEqualTo(new SuggestionMatchKey("").of("f", "027190001234", null));
    }

    @Test
    void aKeyThatIsNotBase64OrTooShortStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> new SuggestionMatchKey("not base64!")).isInstanceOf(StartupCheckException.class)
                .hasMessageContaining("gateway.indicators.suggestion-key");
        assertThatThrownBy(() -> new SuggestionMatchKey(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(StartupCheckException.class).hasMessageContaining("16 bytes");
    }
}
