package vn.gov.prefill.identity;

import java.util.List;

import org.springframework.security.oauth2.jwt.Jwt;

import vn.gov.prefill.config.GatewayProperties;

/**
 * Who is signed in, as the national portal's token says. {@code citizenId} is absent on an
 * organisation account, which carries {@code enterpriseCode} instead. {@code desk} names the one-stop
 * desk whose officer acts for the citizen beside them, or is null when the citizen files alone.
 */
public record Citizen(String citizenId, String accountType, String enterpriseCode, String loa, String client, Desk desk) {

    public Citizen(String citizenId, String accountType, String enterpriseCode, String loa, String client) {
        this(citizenId, accountType, enterpriseCode, loa, client, null);
    }

    public static final String CITIZEN_ACCOUNT = "1";
    public static final String ORGANISATION_ACCOUNT = "2";
    /** Levels of assurance, lowest first. */
    static final List<String> LOA_ORDER = List.of("LoA1", "LoA2");

    /** Whether an officer at a one-stop desk files with and for this citizen. */
    public boolean atDesk() {
        return desk != null;
    }

    public boolean isOrganisation() {
        return ORGANISATION_ACCOUNT.equals(accountType);
    }

    /** Whether this sign-in's level of assurance reaches {@code required} (LoA1 < LoA2; none stated is below both). */
    public boolean meets(String required) {
        return loa != null && LOA_ORDER.indexOf(loa) >= LOA_ORDER.indexOf(required);
    }

    static Citizen from(Jwt jwt, GatewayProperties.Security security) {
        String accountType = jwt.hasClaim("LoaiTaiKhoan") ? jwt.getClaimAsString("LoaiTaiKhoan") : CITIZEN_ACCOUNT;
        String azp = jwt.getClaimAsString("azp");
        List<String> aud = jwt.getAudience();
        String client = azp != null ? azp : (aud == null || aud.isEmpty() ? null : aud.get(0));
        return new Citizen(jwt.getClaimAsString(security.getCitizenIdClaim()), accountType,
                jwt.getClaimAsString("MaSoDoanhNghiep"), jwt.getClaimAsString("acr"), client,
                jwt instanceof DeskJwt desk ? desk.desk() : null);
    }
}
