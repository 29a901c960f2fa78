package vn.gov.prefill.config;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The one way the gateway turns a person into a key it stores (a rate-limit bucket, an indicator's
 * match key, …): HMAC-SHA256 under {@code gateway.security.person-key} (base64, at least 32 bytes, the
 * same on every node). Without the key, a twelve-digit number's plain hash is found by trying every
 * number; with it, only whoever holds the key can link a row to a person.
 * <p>
 * Each use names its purpose, which is part of the MAC's input, so that one person's rate bucket and
 * match key are unrelated. With the mocks on and no key configured, a random key of this process is
 * used (rows written before a restart then no longer match); with the mocks off the key is required
 * ({@link ProductionSecrets}).
 */
@Component
public class PersonKeys {

    public static final String KEY = "gateway.security.person-key";
    private static final String HMAC = "HmacSHA256";
    private static final HexFormat HEX = HexFormat.of();

    private final SecretKeySpec key;
    /** A Mac per thread: {@link Mac#getInstance} looks up a provider on every call. */
    private final ThreadLocal<Mac> macs;

    public PersonKeys(@Value("${" + KEY + ":}") String configured) {
        byte[] bytes = configured == null || configured.isBlank() ? random() : SecretKeys.decode(KEY, configured);
        this.key = new SecretKeySpec(bytes, HMAC);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** The hex HMAC of these parts (joined by a newline, after the purpose): what may be stored. */
    public String of(String purpose, String... parts) {
        StringBuilder input = new StringBuilder(purpose);
        for (String part : parts) {
            input.append('\n').append(part == null ? "" : part);
        }
        Mac mac = macs.get();
        return HEX.formatHex(mac.doFinal(input.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(HMAC + " is part of every Java runtime", e);
        }
    }

    private static byte[] random() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return bytes;
    }

}
