import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The bench's identity provider, run once per bench (Java single-file launch, nimbus-jose-jwt on the class path):
 * a fresh RSA key, the WireMock stub that publishes its public JWK at /portal/jwks, and one RS256 citizen
 * token per personal number read from standard input, valid for the given number of seconds.
 *
 *   java -cp nimbus-jose-jwt.jar bench/MintTokens.java OUT_DIR ISSUER AUDIENCE SECONDS < numbers
 *
 * Writes OUT_DIR/mappings/portal-jwks.json and OUT_DIR/tokens.tsv (number TAB token, one a line).
 */
public class MintTokens {

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args[0]);
        String issuer = args[1];
        String audience = args[2];
        long seconds = Long.parseLong(args[3]);
        RSAKey key = new RSAKeyGenerator(2048).keyID("bench-" + UUID.randomUUID()).generate();

        String jwks = new JWKSet(key.toPublicJWK()).toString();
        String stub = "{\"name\": \"bench portal JWKS\", \"priority\": 1,"
                + " \"request\": {\"method\": \"GET\", \"urlPath\": \"/portal/jwks\"},"
                + " \"response\": {\"status\": 200, \"headers\": {\"Content-Type\": \"application/json\"},"
                + " \"body\": " + quoted(jwks) + "}}";
        Files.createDirectories(out.resolve("mappings"));
        Files.writeString(out.resolve("mappings/portal-jwks.json"), stub);

        long now = System.currentTimeMillis();
        List<String> lines = new ArrayList<>();
        for (String number : new String(System.in.readAllBytes()).split("\\s+")) {
            if (number.isBlank()) {
                continue;
            }
            // the claims a portal token carries (as the cluster tests' identity provider sends them)
            JWTClaimsSet claims = new JWTClaimsSet.Builder()
                    .issuer(issuer)
                    .audience(audience)
                    .subject("techid-" + UUID.randomUUID())
                    .issueTime(new Date(now))
                    .expirationTime(new Date(now + seconds * 1000))
                    .claim("auth_time", now / 1000)
                    .claim("acr", "LoA2")
                    .claim("SoDinhDanh", number)
                    .claim("LoaiTaiKhoan", "1")
                    .build();
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
            jwt.sign(new RSASSASigner(key));
            lines.add(number + "\t" + jwt.serialize());
        }
        Files.write(out.resolve("tokens.tsv"), lines);
    }

    private static String quoted(String text) {
        return "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
