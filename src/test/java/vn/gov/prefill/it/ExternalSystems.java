package vn.gov.prefill.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * One server standing in for every national system (registries, NDXP token endpoint, the portal's
 * JWKS) for a gateway with the mocks off, and the command-line keys that point the gateway at it.
 * <p>
 * The server answers from a copy of {@code mocks/} whose credentials are this run's own: with the mocks
 * off the gateway refuses the demo values the mocks ship with, as a production system would never
 * accept them either.
 */
final class ExternalSystems {

    static final String AUDIENCE = "province-gateway";
    static final String NDXP_CLIENT_SECRET = "it-ndxp-" + random(12);
    static final String INSURANCE_API_KEY = "it-insurance-" + random(12);
    static final String DOSSIERS_API_KEY = "it-dossiers-" + random(12);
    /** The key this run's handling system signs its callbacks with. */
    static final String HANDLING_CALLBACK_SECRET = randomKey();
    /** The AES key this run's nodes seal declared values with. */
    static final String PROFILE_KEY = randomKey();
    /** The demo values of {@code mocks/} and what this run's systems answer to instead. */
    static final Map<String, String> CREDENTIALS = Map.of(
            "mock-ndxp-secret", NDXP_CLIENT_SECRET,
            "mock-insurance-key", INSURANCE_API_KEY,
            "mock-dossiers-key", DOSSIERS_API_KEY);

    private ExternalSystems() { }

    static List<String> at(String url) {
        return List.of(
                "--gateway.sources.population.base-url=" + url,
                "--gateway.sources.business.base-url=" + url,
                "--gateway.sources.civil-status.base-url=" + url,
                "--gateway.sources.insurance.base-url=" + url,
                "--gateway.sources.insurance.api-key=" + INSURANCE_API_KEY,
                "--gateway.sources.dossiers.base-url=" + url,
                "--gateway.sources.dossiers.api-key=" + DOSSIERS_API_KEY,
                "--gateway.handling.base-url=" + url,
                "--gateway.handling.callback-secret=" + HANDLING_CALLBACK_SECRET,
                "--gateway.profile.encryption-key=" + PROFILE_KEY,
                "--gateway.ndxp.token-url=" + url + "/ndxp/token",
                "--gateway.ndxp.client-id=prefill-gateway",
                "--gateway.ndxp.client-secret=" + NDXP_CLIENT_SECRET,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + url + "/portal/jwks",
                "--gateway.security.audience=" + AUDIENCE);
    }

    /** A copy of {@code mocks/} under {@code into}, answering to this run's credentials; its root. */
    static Path mocks(Path into) {
        Path source = Path.of("mocks");
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path target = into.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else if (file.toString().endsWith(".json")) {
                    String text = Files.readString(file, StandardCharsets.UTF_8);
                    for (Map.Entry<String, String> c : CREDENTIALS.entrySet()) {
                        text = text.replace(c.getKey(), c.getValue());
                    }
                    Files.writeString(target, text, StandardCharsets.UTF_8);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return into;
    }

    /** A base64 key of 32 random bytes, as {@code openssl rand -base64 32} gives. */
    static String randomKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return Base64.getEncoder().encodeToString(key);
    }

    private static String random(int bytes) {
        byte[] b = new byte[bytes];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
