package vn.gov.prefill.dossier;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The handling system's signature of a callback: {@code X-Handling-Signature: t=<unix seconds>,v1=<hex>}, the
 * hex HMAC-SHA256, under the shared callback secret, of {@code "<t>.<raw body>"} as sent. A signature is good
 * when it is well formed, {@code t} is within the window of now (either side: a clock ahead is as suspect as
 * one behind), and the HMAC matches, compared in constant time.
 */
public final class HandlingSignature {

    public static final String HEADER = "X-Handling-Signature";
    private static final Pattern FORMAT = Pattern.compile("t=(\\d{1,12}),v1=([0-9a-fA-F]{64})");
    private static final HexFormat HEX = HexFormat.of();

    /** Why a signature was refused: the label of the rejection counter. */
    enum Verdict { GOOD, MALFORMED, STALE, MISMATCH }

    private final SecretKeySpec key;
    private final Duration window;

    public HandlingSignature(byte[] secret, Duration window) {
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.window = window;
    }

    Verdict check(String header, byte[] body, Instant now) {
        Matcher m = header == null ? null : FORMAT.matcher(header.strip());
        if (m == null || !m.matches()) {
            return Verdict.MALFORMED;
        }
        long t = Long.parseLong(m.group(1));
        if (Math.abs(now.getEpochSecond() - t) > window.toSeconds()) {
            return Verdict.STALE;
        }
        byte[] expected = sign(m.group(1), body);
        return MessageDigest.isEqual(expected, HEX.parseHex(m.group(2).toLowerCase())) ? Verdict.GOOD : Verdict.MISMATCH;
    }

    /** The header a sender puts on this body at this time (the demo handling system signs with it). */
    public String header(byte[] body, Instant at) {
        String t = Long.toString(at.getEpochSecond());
        return "t=" + t + ",v1=" + HEX.formatHex(sign(t, body));
    }

    private byte[] sign(String t, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(t.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) '.');
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
