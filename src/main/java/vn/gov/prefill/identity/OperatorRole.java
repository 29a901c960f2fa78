package vn.gov.prefill.identity;

import java.util.Collection;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * Operators: tokens of the same identity provider whose {@code gateway.security.roles-claim} (a JSON
 * array of strings) holds {@code gateway.security.operator-role}. They get the authority
 * {@link #AUTHORITY}; every other token gets none.
 */
@Component
public class OperatorRole {

    /** Spring's role naming, so that actuator's {@code roles: OPERATOR} and {@code isUserInRole} agree. */
    public static final String AUTHORITY = "ROLE_OPERATOR";
    private static final List<GrantedAuthority> OPERATOR = List.of(new SimpleGrantedAuthority(AUTHORITY));

    private final String claim;
    private final String role;

    OperatorRole(@Value("${gateway.security.roles-claim:roles}") String claim,
                 @Value("${gateway.security.operator-role:OPERATOR}") String role) {
        this.claim = claim;
        this.role = role;
    }

    public boolean holds(Jwt jwt) {
        return jwt.getClaims().get(claim) instanceof Collection<?> roles && roles.contains(role);
    }

    Converter<Jwt, AbstractAuthenticationToken> authorities() {
        return jwt -> new JwtAuthenticationToken(jwt, holds(jwt) ? OPERATOR : List.of());
    }

    public String claim() {
        return claim;
    }

    public String role() {
        return role;
    }
}
