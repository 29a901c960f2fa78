package vn.gov.prefill.indicators;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.gov.prefill.config.StartupCheckException;

/**
 * What links a suggestion shown to the prefill that follows it, without the person's number in the
 * database: HMAC-SHA256 of the form, the person and the actingFor under {@code gateway.indicators.suggestion-key}
 * (base64, at least 32 bytes; shared by the instances of a cluster), or, without it, a random key of this
 * process (a restart, or another instance, then cannot match what was shown before).
 */
@Component
class SuggestionMatchKey {

    private static final String HMAC = "HmacSHA256";
    private final byte[] key;

    SuggestionMatchKey(@Value("${gateway.indicators.suggestion-key:}") String configured) {
        if (configured == null || configured.isBlank()) {
            key = new byte[32];
            new SecureRandom().nextBytes(key);
        } else {
            key = decode(configured.strip());
        }
    }

    String of(String formId, String person, String actingForId) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            String subject = formId + "\n" + person + "\n" + (actingForId == null ? "" : actingForId);
            return HexFormat.of().formatHex(mac.doFinal(subject.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(HMAC + " is part of every Java runtime", e);
        }
    }

    private static byte[] decode(String base64) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new StartupCheckException("gateway.indicators.suggestion-key: not base64");
        }
        if (bytes.length < 32) {
            throw new StartupCheckException("gateway.indicators.suggestion-key: " + bytes.length + " bytes, at least 32 are needed");
        }
        return bytes;
    }
}
