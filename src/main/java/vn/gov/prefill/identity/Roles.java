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
 * The roles a token of the identity provider may hold in {@code gateway.security.roles-claim} (a JSON
 * array of strings): {@code gateway.security.operator-role} (operators, who get the authority
 * {@link #OPERATOR_AUTHORITY}) and {@code gateway.security.officer-role} (officers at a one-stop desk, who
 * act for a citizen beside them: see {@link DeskAuthorization}). Every other token gets no authority.
 */
@Component
public class Roles {

    /** Spring's role naming, so that actuator's {@code roles: OPERATOR} and {@code isUserInRole} agree. */
    public static final String OPERATOR_AUTHORITY = "ROLE_OPERATOR";
    private static final List<GrantedAuthority> OPERATOR = List.of(new SimpleGrantedAuthority(OPERATOR_AUTHORITY));

    private final String claim;
    private final String operatorRole;
    private final String officerRole;

    Roles(@Value("${gateway.security.roles-claim:roles}") String claim,
          @Value("${gateway.security.operator-role:OPERATOR}") String operatorRole,
          @Value("${gateway.security.officer-role:OFFICER}") String officerRole) {
        this.claim = claim;
        this.operatorRole = operatorRole;
        this.officerRole = officerRole;
    }

    public boolean isOperator(Jwt jwt) {
        return holds(jwt, operatorRole);
    }

    public boolean isOfficer(Jwt jwt) {
        return holds(jwt, officerRole);
    }

    private boolean holds(Jwt jwt, String role) {
        return jwt.getClaims().get(claim) instanceof Collection<?> roles && roles.contains(role);
    }

    Converter<Jwt, AbstractAuthenticationToken> authorities() {
        return jwt -> new JwtAuthenticationToken(jwt, isOperator(jwt) ? OPERATOR : List.of());
    }

    public String claim() {
        return claim;
    }

    public String operatorRole() {
        return operatorRole;
    }

    public String officerRole() {
        return officerRole;
    }
}
