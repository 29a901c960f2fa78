package vn.gov.prefill.source;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.actuate.health.Status;
import org.springframework.stereotype.Component;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import vn.gov.prefill.config.GatewayProperties;

/**
 * {@code registries} in /actuator/health and in the readiness group: per registry whether it is
 * reachable (a TCP connect, its result kept for {@code gateway.health.cache-for}), its circuit breaker
 * and its pool; and whether an NDXP token can be had. Registry trouble makes the status DEGRADED
 * (still HTTP 200 and ready: the gateway serves partial prefills), never DOWN.
 */
@Component("registries")
class RegistriesHealth implements HealthIndicator {

    static final Status DEGRADED = new Status("DEGRADED", "a registry is unreachable or its circuit is open; prefills are partial");
    private static final Duration CONNECT_TIMEOUT = Duration.ofMillis(500);

    private record Probe(boolean reachable, Instant at) { }

    private final SourceCatalog sources;
    private final SourceFetcher fetcher;
    private final NdxpTokens tokens;
    private final GatewayProperties properties;
    private final Duration cacheFor;
    private final Clock clock;
    private final Map<String, Probe> probes = new ConcurrentHashMap<>();

    RegistriesHealth(SourceCatalog sources, SourceFetcher fetcher, NdxpTokens tokens, GatewayProperties properties,
                     @org.springframework.beans.factory.annotation.Value("${gateway.health.cache-for:15s}") Duration cacheFor,
                     Clock clock) {
        this.clock = clock;
        this.sources = sources;
        this.fetcher = fetcher;
        this.tokens = tokens;
        this.properties = properties;
        this.cacheFor = cacheFor;
    }

    @Override
    public Health health() {
        boolean degraded = false;
        Map<String, Object> details = new LinkedHashMap<>();
        for (String name : sources.names()) {
            if (sources.get(name).local()) {
                continue;
            }
            CircuitBreaker breaker = fetcher.breaker(name);
            boolean reachable = reachable(name, properties.getSources().get(name).getBaseUrl());
            int[] load = fetcher.load(name);
            Map<String, Object> source = new LinkedHashMap<>();
            source.put("reachable", reachable);
            source.put("circuitBreaker", breaker.getState().name());
            source.put("failureRate", breaker.getMetrics().getFailureRate());
            source.put("inFlight", load[0]);
            source.put("queued", load[1]);
            details.put(name, source);
            degraded |= !reachable || breaker.getState() == CircuitBreaker.State.OPEN
                    || breaker.getState() == CircuitBreaker.State.FORCED_OPEN;
        }
        String token = tokens.healthProbe(cacheFor);
        details.put("ndxpToken", token);
        degraded |= !"OK".equals(token);
        return Health.status(degraded ? DEGRADED : Status.UP).withDetails(details).build();
    }

    private boolean reachable(String name, String baseUrl) {
        Probe probe = probes.get(name);
        if (probe != null && clock.instant().isBefore(probe.at().plus(cacheFor))) {
            return probe.reachable();
        }
        boolean ok;
        try (Socket socket = new Socket()) {
            URI uri = URI.create(baseUrl);
            int port = uri.getPort() > 0 ? uri.getPort() : "https".equals(uri.getScheme()) ? 443 : 80;
            socket.connect(new InetSocketAddress(uri.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
            ok = true;
        } catch (IOException | IllegalArgumentException e) {
            ok = false;
        }
        probes.put(name, new Probe(ok, clock.instant()));
        return ok;
    }
}
