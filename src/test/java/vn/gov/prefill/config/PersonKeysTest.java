package vn.gov.prefill.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

class PersonKeysTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    static final String OTHER_KEY = Base64.getEncoder().encodeToString("fedcba9876543210fedcba9876543210".getBytes());
    static final String HOA = "027190001234";

    @Test
    void oneKeyGivesTheSameMacOnEveryNodeAndHidesTheNumber() throws Exception {
        String stored = new PersonKeys(KEY).of("rate-bucket", HOA, "60");

        assertThat(new PersonKeys(KEY).of("rate-bucket", HOA, "60")).isEqualTo(stored);
        assertThat(stored).matches("[0-9a-f]{64}").doesNotContain(HOA);
        String sha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(HOA.getBytes(StandardCharsets.UTF_8)));
        assertThat(stored).isNotEqualTo(sha256).doesNotContain(sha256.substring(0, 16));
    }

    @Test
    void anotherKeyAnotherPurposeOrAnotherSplitGivesAnotherMac() {
        String stored = new PersonKeys(KEY).of("rate-bucket", HOA, "60");

        assertThat(new PersonKeys(OTHER_KEY).of("rate-bucket", HOA, "60")).isNotEqualTo(stored);
        assertThat(new PersonKeys(KEY).of("suggestion-match", HOA, "60")).isNotEqualTo(stored);
        // the separator keeps the parts apart: no two subjects run together into one
        assertThat(new PersonKeys(KEY).of("p", "a", "bc")).isNotEqualTo(new PersonKeys(KEY).of("p", "ab", "c"));
        assertThat(new PersonKeys(KEY).of("p", "a", null)).isEqualTo(new PersonKeys(KEY).of("p", "a", ""));
    }

    @Test
    void withoutAKeyEachProcessDrawsItsOwn() {
        assertThat(new PersonKeys("").of("rate-bucket", HOA)).isNotEqualTo(new PersonKeys("").of("rate-bucket", HOA));
    }

    @Test
    void aKeyThatIsNotBase64OrTooShortStopsTheStartNamingTheKey() {
        assertThatThrownBy(() -> new PersonKeys("not base64!")).isInstanceOf(StartupCheckException.class)
                .hasMessageContaining("gateway.security.person-key is not base64");
        assertThatThrownBy(() -> new PersonKeys(Base64.getEncoder().encodeToString(new byte[16])))
                .isInstanceOf(StartupCheckException.class).hasMessageContaining("gateway.security.person-key").hasMessageContaining("16");
    }
}
