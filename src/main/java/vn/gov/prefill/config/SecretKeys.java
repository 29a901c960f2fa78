package vn.gov.prefill.config;

import java.util.Base64;

/** The gateway's HMAC keys as configured: base64 of at least 32 bytes, or a startup failure naming the key. */
public final class SecretKeys {

    static final int MIN_BYTES = 32;

    private SecretKeys() { }

    public static byte[] decode(String key, String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new StartupCheckException(key + " is not base64");
        }
        if (bytes.length < MIN_BYTES) {
            throw new StartupCheckException(key + " must be at least " + MIN_BYTES + " bytes, base64-encoded (it has " + bytes.length + ")");
        }
        return bytes;
    }
}
