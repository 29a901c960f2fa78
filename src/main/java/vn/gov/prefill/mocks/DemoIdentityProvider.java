package vn.gov.prefill.mocks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;

/**
 * The mocked national sign-in: signs citizen tokens (RS256) with a key generated at start, whose
 * public half the embedded mocks publish as a JWKS. Exists only while the mocks are on.
 */
public class DemoIdentityProvider {

    private final RSAKey signingKey;
    private final String issuer;
    private final List<Persona> personas;
    private final Clock clock;

    /** @param clock the gateway's clock ({@code vn.gov.prefill.config.ClockConfig}), which the token validation reads too */
    DemoIdentityProvider(RSAKey signingKey, String issuer, Path personasFile, Clock clock) {
        this.clock = clock;
        this.signingKey = signingKey;
        this.issuer = issuer;
        this.personas = readPersonas(personasFile);
    }

    public List<Persona> personas() {
        return personas;
    }

    public Optional<Persona> persona(String id) {
        return personas.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    public String issuer() {
        return issuer;
    }

    /** Now, on the clock the tokens are signed by. */
    public Instant now() {
        return clock.instant();
    }

    /** Signs a token carrying the given claims, for the given audience, valid for {@code lifetimeSeconds} (negative: already expired). */
    public String sign(Map<String, Object> claims, String audience, long lifetimeSeconds) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .subject("techid-" + UUID.nameUUIDFromBytes(String.valueOf(claims).getBytes()))
                .issueTime(Date.from(now.minusSeconds(lifetimeSeconds < 0 ? -lifetimeSeconds + 60 : 0)))
                .expirationTime(Date.from(now.plusSeconds(lifetimeSeconds)))
                .jwtID(UUID.randomUUID().toString());
        claims.forEach(builder::claim);
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(signingKey.getKeyID()).type(JOSEObjectType.JWT).build(), builder.build());
            jwt.sign(new RSASSASigner(signingKey));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("cannot sign a demo token", e);
        }
    }

    /** The claims the national portal would put in a token for this persona. */
    public static Map<String, Object> claimsOf(Persona p) {
        Map<String, Object> claims = new LinkedHashMap<>();
        if (p.citizenId() != null) {
            claims.put("SoDinhDanh", p.citizenId());
        }
        claims.put("HoVaTen", p.fullName());
        claims.put("LoaiTaiKhoan", p.accountType() == null ? "1" : p.accountType());
        if (p.enterpriseCode() != null && "2".equals(p.accountType())) {
            claims.put("MaSoDoanhNghiep", p.enterpriseCode());
        }
        claims.put("acr", p.loa() == null ? "LoA2" : p.loa());
        return claims;
    }

    private static List<Persona> readPersonas(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return new ObjectMapper().readValue(file.toFile(), new TypeReference<List<Persona>>() { });
        } catch (IOException e) {
            throw new IllegalStateException(file + ": not a valid persona list: " + e.getMessage(), e);
        }
    }
}
