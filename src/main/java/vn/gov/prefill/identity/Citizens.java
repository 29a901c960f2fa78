package vn.gov.prefill.identity;

import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

import vn.gov.prefill.config.GatewayProperties;

/** Reads the signed-in person from a verified token, with the configured personal-number claim. */
@Component
public class Citizens {

    private final GatewayProperties.Security security;

    Citizens(GatewayProperties properties) {
        this.security = properties.getSecurity();
    }

    public Citizen of(Jwt jwt) {
        return Citizen.from(jwt, security);
    }

    /** When the person signed in: the token's {@code auth_time} when the identity provider sends it, else its {@code iat}. */
    public Instant signedInAt(Jwt jwt) {
        Object authTime = jwt.getClaims().get("auth_time");
        if (authTime instanceof Instant instant) {
            return instant;
        }
        if (authTime instanceof Number seconds) {
            return Instant.ofEpochSecond(seconds.longValue());
        }
        return jwt.getIssuedAt();
    }
}
