package vn.gov.prefill.identity;

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
}
