package vn.gov.prefill.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.Test;

/** The callback signature as the handling system makes it: HMAC-SHA256 of "t.body", within the window either side. */
class HandlingSignatureTest {

    static final byte[] KEY = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    static final Instant NOW = Instant.parse("2026-12-05T02:00:00Z");
    final HandlingSignature signature = new HandlingSignature(KEY, Duration.ofSeconds(300));
    final byte[] body = "{\"MaSuKien\":\"evt-1\",\"GhiChu\":\"Đã có kết quả\"}".getBytes(StandardCharsets.UTF_8);

    /** Computed here independently of the class under test, as the handling system would. */
    static String hmac(String signed) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(KEY, "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignatureOverTheTimeAndTheRawBodyIsGoodWithinTheWindow() throws Exception {
        long t = NOW.getEpochSecond() - 300;
        String header = "t=" + t + ",v1=" + hmac(t + "." + new String(body, StandardCharsets.UTF_8));

        assertThat(signature.check(header, body, NOW)).isEqualTo(HandlingSignature.Verdict.GOOD);
        assertThat(signature.check(header.toUpperCase().replace("T=", "t=").replace("V1=", "v1="), body, NOW))
                .as("hex in capitals").isEqualTo(HandlingSignature.Verdict.GOOD);
        assertThat(signature.check(header, body, NOW.plusSeconds(1))).isEqualTo(HandlingSignature.Verdict.STALE);
        assertThat(signature.check(signature.header(body, NOW.plusSeconds(301)), body, NOW)).as("from the future")
                .isEqualTo(HandlingSignature.Verdict.STALE);
        assertThat(signature.header(body, NOW)).isEqualTo("t=" + NOW.getEpochSecond() + ",v1="
                + hmac(NOW.getEpochSecond() + "." + new String(body, StandardCharsets.UTF_8)));
    }

    @Test
    void anotherBodyAnotherKeyOrAnotherFormIsRefused() throws Exception {
        long t = NOW.getEpochSecond();
        String good = "t=" + t + ",v1=" + hmac(t + "." + new String(body, StandardCharsets.UTF_8));
        byte[] other = "{\"MaSuKien\":\"evt-2\"}".getBytes(StandardCharsets.UTF_8);

        assertThat(signature.check(good, other, NOW)).isEqualTo(HandlingSignature.Verdict.MISMATCH);
        assertThat(new HandlingSignature(new byte[32], Duration.ofSeconds(300)).check(good, body, NOW))
                .isEqualTo(HandlingSignature.Verdict.MISMATCH);
        assertThat(signature.check("t=" + (t - 1) + good.substring(good.indexOf(',')), body, NOW)).as("t is signed")
                .isEqualTo(HandlingSignature.Verdict.MISMATCH);
        for (String malformed : new String[] {null, "", "v1=" + hmac("x") + ",t=" + t, "t=" + t, "t=abc,v1=" + hmac("x"),
                "t=" + t + ",v1=" + hmac("x").substring(2), "sha256=" + hmac("x")}) {
            assertThat(signature.check(malformed, body, NOW)).as("%s", malformed).isEqualTo(HandlingSignature.Verdict.MALFORMED);
        }
    }
}
