package vn.gov.prefill.source;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.concurrent.locks.ReentrantLock;

import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.config.GatewayProperties;

/**
 * The NDXP client-credentials token (route bean {@code ndxpToken}): cached until shortly before it
 * expires, fetched by one caller while the others wait for it (single flight), and replaced once
 * when a registry answers 401. A failed fetch is remembered for {@code gateway.ndxp.failure-memo}: the
 * callers that waited for it, and those that come meanwhile, get the same failure instead of each
 * fetching again. The token itself is never logged.
 */
@Component("ndxpToken")
public class NdxpTokens implements Processor {

    private static final Logger log = LoggerFactory.getLogger(NdxpTokens.class);

    private record Token(String value, Instant refreshAt, Instant fetchedAt) { }

    private record Failure(RegistryException error, Instant until) { }

    private final GatewayProperties.Ndxp config;
    private final ObjectMapper json;
    private final HttpClient http;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private volatile Token current;
    private volatile Failure failed;

    @org.springframework.beans.factory.annotation.Autowired
    NdxpTokens(GatewayProperties properties, ObjectMapper json, Clock clock) {
        this(properties.getNdxp(), json, clock);
    }

    NdxpTokens(GatewayProperties.Ndxp config, ObjectMapper json, Clock clock) {
        this.config = config;
        this.json = json;
        this.clock = clock;
        // HTTP/1.1: a fetch cut off by a read's timeout during the h2c upgrade made the next fetch fail
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(config.getTimeout()).build();
    }

    /**
     * {@code process: ndxpToken} in a route: the token into the exchange property {@value SourceFetcher#NDXP_TOKEN}, so
     * that a 401 replaces exactly the token that was sent.
     */
    @Override
    public void process(Exchange exchange) throws RegistryException {
        exchange.setProperty(SourceFetcher.NDXP_TOKEN, accessToken());
    }

    /** A valid token, fetched now only if there is none or it is about to expire. */
    public String accessToken() throws RegistryException {
        Token token = current;
        if (valid(token)) {
            return token.value();
        }
        throwIfFailedRecently();
        lock.lock();
        try {
            // whoever held the lock before us may have fetched one already, or failed to
            if (valid(current)) {
                return current.value();
            }
            throwIfFailedRecently();
            return fetchOnce();
        } finally {
            lock.unlock();
        }
    }

    /**
     * After a 401: replace the rejected token, unless another caller has done so since (a different
     * token, or one fetched after this rejection: stubs may hand out the same string twice).
     */
    public String refreshAfterRejection(String rejected) throws RegistryException {
        Instant rejectedAt = clock.instant();
        lock.lock();
        try {
            Token token = current;
            if (valid(token) && (!token.value().equals(rejected) || token.fetchedAt().isAfter(rejectedAt))) {
                return token.value();
            }
            throwIfFailedRecently();
            return fetchOnce();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a token is at hand: a valid cached one, or (at most once per {@code minInterval}) a fresh fetch. */
    public synchronized String healthProbe(java.time.Duration minInterval) {
        if (valid(current)) {
            return "OK";
        }
        if (lastProbe != null && clock.instant().isBefore(lastProbe.plus(minInterval))) {
            return lastProbeResult;
        }
        lastProbe = clock.instant();
        try {
            accessToken();
            lastProbeResult = "OK";
        } catch (RegistryException e) {
            lastProbeResult = e.status().name();
        }
        return lastProbeResult;
    }

    private Instant lastProbe;
    private String lastProbeResult;

    /** Drops the cached token, so that the next call fetches one (after rotating the client credentials, say). */
    public void discard() {
        lock.lock();
        try {
            current = null;
            failed = null;
        } finally {
            lock.unlock();
        }
    }

    /** Under the lock. */
    private String fetchOnce() throws RegistryException {
        try {
            current = fetch();
            failed = null;
            return current.value();
        } catch (RegistryException e) {
            // an interrupted fetch is the caller giving up, not the endpoint failing
            if (!Thread.currentThread().isInterrupted() && !config.getFailureMemo().isZero()) {
                failed = new Failure(e, clock.instant().plus(config.getFailureMemo()));
            }
            throw e;
        }
    }

    private void throwIfFailedRecently() throws RegistryException {
        Failure failure = failed;
        if (failure != null && clock.instant().isBefore(failure.until())) {
            throw failure.error();
        }
    }

    private boolean valid(Token token) {
        return token != null && clock.instant().isBefore(token.refreshAt());
    }

    private Token fetch() throws RegistryException {
        if (config.getTokenUrl() == null || config.getTokenUrl().isBlank()) {
            throw new RegistryException.Rejected("gateway.ndxp.token-url is not set");
        }
        String basic = Base64.getEncoder().encodeToString(
                (config.getClientId() + ":" + config.getClientSecret()).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.getTokenUrl()))
                .timeout(config.getTimeout())
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<byte[]> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            log.warn("NDXP token endpoint unreachable: {}", e.getClass().getSimpleName());
            throw new RegistryException.Unavailable("NDXP token endpoint unreachable");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException.Unavailable("interrupted while fetching the NDXP token");
        }
        if (response.statusCode() == 400 || response.statusCode() == 401 || response.statusCode() == 403) {
            log.warn("NDXP token endpoint refused the client credentials: HTTP {}", response.statusCode());
            throw new RegistryException.Rejected("NDXP refused the client credentials (HTTP " + response.statusCode() + ")");
        }
        if (response.statusCode() != 200) {
            log.warn("NDXP token endpoint failed: HTTP {}", response.statusCode());
            throw new RegistryException.Unavailable("NDXP token endpoint answered HTTP " + response.statusCode());
        }
        JsonNode body = JsonAnswer.parse(json, response.body());
        String value = body.path("access_token").asText("");
        long expiresIn = body.path("expires_in").asLong(0);
        if (value.isEmpty() || expiresIn <= 0) {
            log.warn("NDXP token endpoint answered without access_token or expires_in");
            throw new RegistryException.InvalidAnswer("NDXP token answer without access_token or expires_in");
        }
        Duration lifetime = Duration.ofSeconds(expiresIn);
        Duration early = config.getRefreshBeforeExpiry().compareTo(lifetime.dividedBy(2)) > 0
                ? lifetime.dividedBy(2) : config.getRefreshBeforeExpiry();
        log.info("NDXP token acquired, valid {} s", expiresIn);
        Instant now = clock.instant();
        return new Token(value, now.plus(lifetime).minus(early), now);
    }
}
