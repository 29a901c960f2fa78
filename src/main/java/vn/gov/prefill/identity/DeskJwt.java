package vn.gov.prefill.identity;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The citizen's verified token as the principal of a request an officer makes for them at a desk. The
 * desk travels beside the claims, never among them: a claim can be written by whoever gets a token
 * signed, this object only by {@link DeskAuthorization} after both tokens were verified.
 */
final class DeskJwt extends Jwt {

    private static final long serialVersionUID = 1L;
    private final Desk desk;

    DeskJwt(Jwt citizen, Desk desk) {
        super(citizen.getTokenValue(), citizen.getIssuedAt(), citizen.getExpiresAt(), citizen.getHeaders(), citizen.getClaims());
        this.desk = desk;
    }

    Desk desk() {
        return desk;
    }
}
