package vn.gov.prefill.profile;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

import vn.gov.prefill.config.SecretKeys;
import vn.gov.prefill.config.StartupCheckException;

/**
 * Encrypts what a citizen declared, at rest: AES-256-GCM under {@code gateway.profile.encryption-key} (base64,
 * 32 bytes), a fresh 96-bit nonce per value, the row's owner and key as associated data (a ciphertext moved to
 * another row does not decrypt). Each ciphertext is stored with the id of the key that made it
 * ({@code gateway.profile.encryption-key-id}); rotating means a new key and id, the old ones kept under
 * {@code gateway.profile.previous-keys.<id>} until every value made with them has been rewritten or erased.
 */
@Component
public class ProfileCipher {

    public static final String KEY = "gateway.profile.encryption-key";
    private static final int NONCE = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A value as stored: the id of its key and base64 of nonce and ciphertext. */
    public record Sealed(String keyId, String ciphertext) { }

    private final String currentId;
    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();

    @org.springframework.beans.factory.annotation.Autowired
    ProfileCipher(@Value("${" + KEY + "}") String key, @Value("${gateway.profile.encryption-key-id:k1}") String keyId,
                  Environment environment) {
        this(key, keyId, Binder.get(environment).bind("gateway.profile.previous-keys", Bindable.mapOf(String.class, String.class))
                .orElse(Map.of()));
    }

    ProfileCipher(String key, String keyId, Map<String, String> previous) {
        if (keyId == null || !keyId.matches("[A-Za-z0-9._-]{1,32}")) {
            throw new StartupCheckException("gateway.profile.encryption-key-id must be 1 to 32 letters, digits, . _ -, not " + keyId);
        }
        this.currentId = keyId;
        previous.forEach((id, k) -> keys.put(id, aes("gateway.profile.previous-keys." + id, k)));
        keys.put(keyId, aes(KEY, key));
    }

    private static SecretKeySpec aes(String name, String base64) {
        byte[] bytes = SecretKeys.decode(name, base64);
        if (bytes.length != 32) {
            throw new StartupCheckException(name + " must be 32 bytes (AES-256), base64-encoded (it has " + bytes.length + ")");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    public Sealed seal(String plain, String associated) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[NONCE + sealed.length];
            System.arraycopy(nonce, 0, out, 0, NONCE);
            System.arraycopy(sealed, 0, out, NONCE, sealed.length);
            return new Sealed(currentId, Base64.getEncoder().encodeToString(out));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
        }
    }

    /** The plain value; an unknown key id or a ciphertext that does not authenticate is an IllegalStateException. */
    public String open(Sealed sealed, String associated) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("no key " + sealed.keyId() + " (gateway.profile.previous-keys." + sealed.keyId() + ")");
        }
        byte[] in = Base64.getDecoder().decode(sealed.ciphertext());
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE));
            cipher.updateAAD(associated.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE, in.length - NONCE), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a declared value does not decrypt under key " + sealed.keyId(), e);
        }
    }

    /** The id new values are sealed with. */
    public String currentKeyId() {
        return currentId;
    }
}
