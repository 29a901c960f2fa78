package vn.gov.prefill.it;

import java.util.List;

/**
 * The command-line keys that point a gateway with the mocks off at one server standing in for every
 * national system of NATIONAL-SYSTEMS.md (registries, NDXP token endpoint, the portal's JWKS).
 */
final class ExternalSystems {

    static final String AUDIENCE = "province-gateway";

    private ExternalSystems() { }

    static List<String> at(String url) {
        return List.of(
                "--gateway.sources.population.base-url=" + url,
                "--gateway.sources.business.base-url=" + url,
                "--gateway.sources.civil-status.base-url=" + url,
                "--gateway.sources.insurance.base-url=" + url,
                "--gateway.sources.insurance.api-key=mock-insurance-key",
                "--gateway.sources.dossiers.base-url=" + url,
                "--gateway.sources.dossiers.api-key=mock-dossiers-key",
                "--gateway.ndxp.token-url=" + url + "/ndxp/token",
                "--gateway.ndxp.client-id=prefill-gateway",
                "--gateway.ndxp.client-secret=mock-ndxp-secret",
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + url + "/portal/jwks",
                "--gateway.security.audience=" + AUDIENCE);
    }
}
