package vn.gov.prefill.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.gov.prefill.config.StartupCheckException;

/** AES-GCM of declared values: a fresh nonce each time, bound to its row, readable after a key rotation. */
class ProfileCipherTest {

    static String key(char fill) {
        return Base64.getEncoder().encodeToString(String.valueOf(fill).repeat(32).getBytes());
    }

    @Test
    void aValueIsSealedUnderTheCurrentKeyWithAFreshNonceAndOpensOnlyForItsRow() {
        ProfileCipher cipher = new ProfileCipher(key('a'), "k1", Map.of());
        ProfileCipher.Sealed one = cipher.seal("\"0912345678\"", "subject\ncontact.phone");
        ProfileCipher.Sealed two = cipher.seal("\"0912345678\"", "subject\ncontact.phone");

        assertThat(one.keyId()).isEqualTo("k1");
        assertThat(one.ciphertext()).isNotEqualTo(two.ciphertext()).doesNotContain("0912345678");
        assertThat(new String(Base64.getDecoder().decode(one.ciphertext()))).doesNotContain("0912345678");
        assertThat(cipher.open(one, "subject\ncontact.phone")).isEqualTo("\"0912345678\"");
        assertThatThrownBy(() -> cipher.open(one, "someone else\ncontact.phone")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open(one, "subject\ncontact.email")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void afterARotationOldValuesStayReadableAndNewOnesUseTheNewKey() {
        ProfileCipher before = new ProfileCipher(key('a'), "k1", Map.of());
        ProfileCipher.Sealed old = before.seal("\"an@example.vn\"", "s\ncontact.email");

        ProfileCipher after = new ProfileCipher(key('b'), "k2", Map.of("k1", key('a')));
        assertThat(after.open(old, "s\ncontact.email")).isEqualTo("\"an@example.vn\"");
        ProfileCipher.Sealed fresh = after.seal("\"an@example.vn\"", "s\ncontact.email");
        assertThat(fresh.keyId()).isEqualTo("k2");
        assertThat(after.open(fresh, "s\ncontact.email")).isEqualTo("\"an@example.vn\"");

        ProfileCipher forgotten = new ProfileCipher(key('b'), "k2", Map.of());
        assertThatThrownBy(() -> forgotten.open(old, "s\ncontact.email")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("gateway.profile.previous-keys.k1");
    }

    @Test
    void aKeyThatIsNotAes256OrABadIdStopsTheStart() {
        assertThatThrownBy(() -> new ProfileCipher(Base64.getEncoder().encodeToString(new byte[48]), "k1", Map.of()))
                .isInstanceOf(StartupCheckException.class).hasMessageContaining("gateway.profile.encryption-key must be 32 bytes");
        assertThatThrownBy(() -> new ProfileCipher(key('a'), "k 1", Map.of()))
                .isInstanceOf(StartupCheckException.class).hasMessageContaining("gateway.profile.encryption-key-id");
    }
}
