package vn.gov.prefill.identity;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.firewall.StrictHttpFirewall;
import org.springframework.util.StringUtils;

import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.JsonBodiesOnly;
import vn.gov.prefill.edge.problem.ProblemWriter;
import vn.gov.prefill.domain.Identifiers;

/**
 * Citizen tokens: RS256 only, verified against the configured JWKS, audience checked, and the
 * personal number (or, on organisation accounts, the enterprise code) well formed; an officer's token
 * names its desk instead ({@link Desk}), and acts only with the citizen's beside it ({@link DeskAuthorization}).
 */
@Configuration
class SecurityConfig {

    @Bean
    SecurityFilterChain api(HttpSecurity http, ProblemWriter problems, GatewayProperties properties, Citizens citizens,
                            Roles roles, Environment environment, RateBuckets buckets, JwtDecoder decoder) throws Exception {
        http.csrf(csrf -> csrf.disable())
            .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
            .authorizeHttpRequests(auth -> auth
                .requestMatchers(new ManagementPort(environment)).permitAll()
                .requestMatchers(HttpMethod.GET, "/api/v1/forms", "/api/v1/forms/*", "/api/v1/codelists/*").permitAll()
                .requestMatchers("/api/v1/demo/**").permitAll()
                // the handling system's callbacks: their HMAC signature is the credential, checked by the controller
                .requestMatchers(HttpMethod.POST, "/api/v1/handling/events").permitAll()
                .requestMatchers("/api/v1/admin/**").hasAuthority(Roles.OPERATOR_AUTHORITY)
                // on the API port: health as a status (details only for operators), everything else operators only
                .requestMatchers(HttpMethod.GET, "/actuator/health", "/actuator/health/liveness", "/actuator/health/readiness").permitAll()
                .requestMatchers("/actuator", "/actuator/**").hasAuthority(Roles.OPERATOR_AUTHORITY)
                .requestMatchers("/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**", "/error").permitAll()
                .requestMatchers("/api/**").authenticated()
                .anyRequest().permitAll())
            .oauth2ResourceServer(rs -> rs
                .bearerTokenResolver(SecurityConfig::singleBearerToken)
                .authenticationEntryPoint((request, response, e) -> {
                    response.setHeader("WWW-Authenticate", "Bearer");
                    problems.write(new ApiProblem(401, "unauthenticated", "Not signed in",
                            reasonOf(e)), request, response);
                })
                .accessDeniedHandler((request, response, e) -> problems.write(new ApiProblem(403, "forbidden",
                        "Forbidden", "this token may not do this"), request, response))
                .jwt(jwt -> jwt.jwtAuthenticationConverter(roles.authorities())))
            .exceptionHandling(ex -> ex.authenticationEntryPoint((request, response, e) -> {
                response.setHeader("WWW-Authenticate", "Bearer");
                problems.write(new ApiProblem(401, "unauthenticated", "Not signed in",
                        "send the citizen token as Authorization: Bearer …"), request, response);
            }))
            // an officer's request goes on as the citizen's beside them, before the citizen's rate limits apply
            .addFilterAfter(new DeskAuthorization(decoder, roles, problems), BearerTokenAuthenticationFilter.class)
            .addFilterAfter(new RateLimits(properties, citizens, problems, buckets), DeskAuthorization.class)
            .addFilterAfter(new JsonBodiesOnly(problems), AuthorizationFilter.class);
        return http.build();
    }

    private static final DefaultBearerTokenResolver BEARER = new DefaultBearerTokenResolver();

    /** The bearer token of the one Authorization header; two headers are ambiguous and refused. */
    private static String singleBearerToken(jakarta.servlet.http.HttpServletRequest request) {
        java.util.Enumeration<String> headers = request.getHeaders("Authorization");
        int count = 0;
        while (headers != null && headers.hasMoreElements()) {
            headers.nextElement();
            count++;
        }
        if (count > 1) {
            throw new OAuth2AuthenticationException(new OAuth2Error("invalid_request",
                    "send exactly one Authorization header", null));
        }
        return BEARER.resolve(request);
    }

    static String reasonOf(Exception e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return "the bearer token is not valid";
        }
        // Nimbus and Spring describe what failed (expiry, audience, signature, key); never the token itself
        return "the bearer token is not valid: " + message.replaceAll("eyJ[\\w-]*\\.[\\w-]*\\.?[\\w-]*", "<token>");
    }

    /** Requests the firewall refuses (odd methods, ';', '..', encoded line breaks in the path) get a problem too. */
    /**
     * Spring Security's firewall with its own rules, but header values checked by a loop over their
     * characters instead of its regular expression: every header read of a request was matched again,
     * and a bearer token is a kilobyte long. The rule is the same: assigned characters, no control ones.
     */
    @Bean
    HttpFirewall httpFirewall() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderValues(SecurityConfig::printable);
        return firewall;
    }

    static boolean printable(String value) {
        for (int i = 0; i < value.length(); ) {
            char ascii = value.charAt(i);
            if (ascii >= 0x20 && ascii < 0x7f) {
                // printable ASCII, all a bearer token is made of: defined and not a control character
                i++;
                continue;
            }
            int c = value.codePointAt(i);
            if (!Character.isDefined(c) || Character.isISOControl(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * No observation of Spring Security's filters, authentications or authorizations: with observations on, each
     * filter of the chain is wrapped in one (even when a predicate then drops it), which cost about a fifth of a
     * prefill's throughput and tells an operator nothing {@code http.server.requests} does not.
     */
    @Bean
    SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    RequestRejectedHandler requestRejectedHandler(ProblemWriter problems) {
        return (request, response, e) -> problems.write(new ApiProblem(400, "request-rejected", "Request rejected",
                "the request's method or path is not acceptable"), request, response);
    }

    @Bean
    JwtDecoder jwtDecoder(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
                          GatewayProperties properties, Clock clock, Roles roles) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(jwkSetUri)
                .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        GatewayProperties.Security security = properties.getSecurity();
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(jwt -> jwt.getExpiresAt() != null ? OAuth2TokenValidatorResult.success()
                : failure("the token has no exp: a citizen token must expire"));
        JwtTimestampValidator timestamps = new JwtTimestampValidator();
        timestamps.setClock(clock); // the gateway's clock, which the demo identity provider also signs with
        validators.add(timestamps);
        if (StringUtils.hasText(security.getIssuer())) {
            validators.add(new JwtIssuerValidator(security.getIssuer()));
        }
        validators.add(jwt -> jwt.getAudience() != null && jwt.getAudience().contains(security.getAudience())
                ? OAuth2TokenValidatorResult.success()
                : failure("the token's audience does not include " + security.getAudience()));
        validators.add(jwt -> identityOf(jwt, security, roles));
        decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(validators));
        GatewayProperties.VerifiedTokens remembered = security.getVerifiedTokens();
        if (remembered.getMaxEntries() <= 0 || remembered.getMaxAge().isZero()) {
            return decoder;
        }
        return new VerifiedTokens(decoder, remembered.getMaxEntries(), remembered.getMaxAge(), clock);
    }

    private static OAuth2TokenValidatorResult identityOf(Jwt jwt, GatewayProperties.Security security, Roles roles) {
        if (roles.isOfficer(jwt)) {
            // an officer is known by the desk, and never read for: the personal number is not asked
            String problem = Desk.problemOf(jwt);
            return problem == null ? OAuth2TokenValidatorResult.success() : failure(problem);
        }
        Citizen citizen = Citizen.from(jwt, security);
        if (citizen.isOrganisation()) {
            String problem = Identifiers.enterpriseCodeProblem(citizen.enterpriseCode());
            return problem == null ? OAuth2TokenValidatorResult.success()
                    : failure("organisation token: claim MaSoDoanhNghiep " + problem);
        }
        if (!Citizen.CITIZEN_ACCOUNT.equals(citizen.accountType())) {
            return failure("claim LoaiTaiKhoan must be \"1\" or \"2\"");
        }
        String problem = Identifiers.citizenIdProblem(citizen.citizenId());
        return problem == null ? OAuth2TokenValidatorResult.success()
                : failure("claim " + security.getCitizenIdClaim() + " " + problem);
    }

    private static OAuth2TokenValidatorResult failure(String description) {
        return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", description, null));
    }
}
