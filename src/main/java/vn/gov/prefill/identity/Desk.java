package vn.gov.prefill.identity;

import java.util.regex.Pattern;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The one-stop desk where an officer files with and for the citizen beside them: the officer's code
 * ({@code MaCanBo}) and the unit's ({@code MaDonVi}), from the officer's token, and the unit's name
 * ({@code TenDonVi}) when the identity provider gives it.
 */
public record Desk(String officer, String unit, String unitName) {

    public static final String OFFICER_CLAIM = "MaCanBo";
    public static final String UNIT_CLAIM = "MaDonVi";
    public static final String UNIT_NAME_CLAIM = "TenDonVi";
    /**
     * The endpoints that read, check or file a person's data, where an officer acts only for the citizen beside
     * them: a request's path, or the OpenAPI document's template of it ({@code /api/v1/forms/{formId}/prefill}).
     */
    private static final Pattern PERSON_ENDPOINTS = Pattern.compile("/api/v1/me(/.*)?|/api/v1/forms/[^/]+/(prefill|submissions|dossiers)");

    public static boolean personEndpoint(String path) {
        return PERSON_ENDPOINTS.matcher(path).matches();
    }

    /** Codes of officers and units: letters, digits, '.', '-' and '_', at most 64. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    static Desk of(Jwt officer) {
        String name = officer.getClaimAsString(UNIT_NAME_CLAIM);
        return new Desk(officer.getClaimAsString(OFFICER_CLAIM), officer.getClaimAsString(UNIT_CLAIM),
                name == null || name.isBlank() || name.length() > 200 ? null : name);
    }

    /** Why an officer's token cannot name a desk, or null when it can. */
    static String problemOf(Jwt officer) {
        for (String claim : new String[] {OFFICER_CLAIM, UNIT_CLAIM}) {
            String value = officer.getClaims().get(claim) instanceof String s ? s : null;
            if (value == null || !CODE.matcher(value).matches()) {
                return "officer token: claim " + claim + " must be a code of letters, digits, '.', '-' or '_' (at most 64)";
            }
        }
        return null;
    }
}
