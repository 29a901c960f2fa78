package vn.gov.prefill.identity;

import java.io.IOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * so the keys are the verified personal number (or enterprise code) and the client.
 */
class RateLimits extends OncePerRequestFilter {

    /** A token bucket of {@code capacity}, refilled at capacity per minute. */
    static final class Bucket {
        private final double capacity;
        private double tokens;
        private long last;

        Bucket(double capacity, long now) {
            this.capacity = capacity;
            this.tokens = capacity;
            this.last = now;
        }

        /** Takes one token; returns 0 when granted, else the seconds until one is free. */
        synchronized long take(long now) {
            tokens = Math.min(capacity, tokens + (now - last) * capacity / 60_000_000_000.0);
            last = now;
            if (tokens >= 1) {
                tokens -= 1;
                return 0;
            }
            return Math.max(1, (long) Math.ceil((1 - tokens) * 60.0 / capacity));
        }

        synchronized boolean idleSince(long now, long nanos) {
            return now - last > nanos;
        }
    }

    private static final long SWEEP_EVERY = 60_000_000_000L;

    private final GatewayProperties.RateLimits limits;
    private final Citizens citizens;
    private final ProblemWriter problems;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private volatile long lastSweep = System.nanoTime();

    RateLimits(GatewayProperties properties, Citizens citizens, ProblemWriter problems) {
        this.limits = properties.getRateLimits();
        this.citizens = citizens;
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof JwtAuthenticationToken jwt) {
            Citizen citizen = citizens.of(jwt.getToken());
            long now = System.nanoTime();
            sweep(now);
            String person = citizen.isOrganisation() ? "org:" + citizen.enterpriseCode() : "person:" + citizen.citizenId();
            long wait = bucket(person, limits.getPerPerson(), now).take(now);
            String which = "you";
            if (wait == 0 && citizen.client() != null) {
                wait = bucket("client:" + citizen.client(), limits.getPerClient(), now).take(now);
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

    private Bucket bucket(String key, int perMinute, long now) {
        return buckets.computeIfAbsent(key, k -> new Bucket(Math.max(1, perMinute), now));
    }

    /** Forgets buckets idle for two minutes (they would be full again anyway), so the map does not grow. */
    private void sweep(long now) {
        if (now - lastSweep > SWEEP_EVERY) {
            lastSweep = now;
            buckets.entrySet().removeIf(e -> e.getValue().idleSince(now, 2 * SWEEP_EVERY));
        }
    }
}
