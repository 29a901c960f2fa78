package vn.gov.prefill.identity;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ProblemWriter;

/**
 * Per-person and per-client token buckets for the signed-in API ({@code gateway.rate-limits.*},
 * requests per minute): over either, 429 with {@code Retry-After}. Runs after the token is verified,
 * so the keys are the verified personal number (or enterprise code) and the client. The buckets are
 * this node's ({@link MemoryBuckets}) or the cluster's ({@link DatabaseBuckets}).
 */
class RateLimits extends OncePerRequestFilter {

    private final GatewayProperties.RateLimits limits;
    private final Citizens citizens;
    private final ProblemWriter problems;
    private final RateBuckets buckets;

    RateLimits(GatewayProperties properties, Citizens citizens, ProblemWriter problems, RateBuckets buckets) {
        this.limits = properties.getRateLimits();
        this.buckets = buckets;
        this.citizens = citizens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            Citizen citizen = citizens.of(jwt.getToken());
            String person = citizen.isOrganisation() ? "org:" + citizen.enterpriseCode() : "person:" + citizen.citizenId();
            long wait = buckets.take(person, limits.getPerPerson());
            String which = "you";
            if (wait == 0 && citizen.client() != null) {
                wait = buckets.take("client:" + citizen.client(), limits.getPerClient());
                which = "this e-form client";
            }
            if (wait > 0) {
                problems.write(new ApiProblem(429, "rate-limited", "Too many requests",
                        "too many requests from " + which + "; retry after " + wait + " s", java.util.List.of(),
                        Map.of("Retry-After", String.valueOf(wait))), request, response);
                return;
            }
        }
        chain.doFilter(request, response);
    }
}
