package vn.gov.prefill.config;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Everything an integration engineer or operator changes, under {@code gateway.*}.
 * Defaults live in application.yml so that one file shows them all.
 */
@ConfigurationProperties("gateway")
public class GatewayProperties {

    private final Map<String, Source> sources = new LinkedHashMap<>();
    private final Ndxp ndxp = new Ndxp();
    private final Security security = new Security();
    private final Prefill prefill = new Prefill();
    private final Paths paths = new Paths();
    private final RateLimits rateLimits = new RateLimits();

    public Map<String, Source> getSources() { return sources; }
    public Ndxp getNdxp() { return ndxp; }
    public Security getSecurity() { return security; }
    public Prefill getPrefill() { return prefill; }
    public Paths getPaths() { return paths; }
    public RateLimits getRateLimits() { return rateLimits; }

    /** Requests per minute of the signed-in API, per person (or organisation) and per e-form client. */
    public static class RateLimits {
        private int perPerson = 60;
        private int perClient = 6000;
        private String store = "memory";
        private Duration databaseTimeout = Duration.ofMillis(250);
        private int databasePoolSize = 4;

        public String getStore() { return store; }
        public void setStore(String store) { this.store = store; }
        public Duration getDatabaseTimeout() { return databaseTimeout; }
        public void setDatabaseTimeout(Duration databaseTimeout) { this.databaseTimeout = databaseTimeout; }
        public int getDatabasePoolSize() { return databasePoolSize; }
        public void setDatabasePoolSize(int databasePoolSize) { this.databasePoolSize = databasePoolSize; }
        public int getPerPerson() { return perPerson; }
        public void setPerPerson(int perPerson) { this.perPerson = perPerson; }
        public int getPerClient() { return perClient; }
        public void setPerClient(int perClient) { this.perClient = perClient; }
    }

    /** One registry: where it is, how long we wait for it, how many calls may be in flight. */
    public static class Source {
        private String baseUrl;
        private String apiKey;
        private Duration timeout = Duration.ofMillis(1500);
        private int threads = 16;
        private int queue = 64;
        private final CircuitBreaker circuitBreaker = new CircuitBreaker();

        public String getBaseUrl() { return baseUrl; }
        public void setBaseUrl(String baseUrl) { this.baseUrl = baseUrl; }
        public String getApiKey() { return apiKey; }
        public void setApiKey(String apiKey) { this.apiKey = apiKey; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public int getThreads() { return threads; }
        public void setThreads(int threads) { this.threads = threads; }
        public int getQueue() { return queue; }
        public void setQueue(int queue) { this.queue = queue; }
        public CircuitBreaker getCircuitBreaker() { return circuitBreaker; }
    }

    public static class CircuitBreaker {
        private float failureRateThreshold = 50;
        private int slidingWindowSize = 20;
        private int minimumNumberOfCalls = 10;
        private Duration waitInOpenState = Duration.ofSeconds(15);
        private int permittedCallsInHalfOpenState = 3;

        public float getFailureRateThreshold() { return failureRateThreshold; }
        public void setFailureRateThreshold(float v) { this.failureRateThreshold = v; }
        public int getSlidingWindowSize() { return slidingWindowSize; }
        public void setSlidingWindowSize(int v) { this.slidingWindowSize = v; }
        public int getMinimumNumberOfCalls() { return minimumNumberOfCalls; }
        public void setMinimumNumberOfCalls(int v) { this.minimumNumberOfCalls = v; }
        public Duration getWaitInOpenState() { return waitInOpenState; }
        public void setWaitInOpenState(Duration v) { this.waitInOpenState = v; }
        public int getPermittedCallsInHalfOpenState() { return permittedCallsInHalfOpenState; }
        public void setPermittedCallsInHalfOpenState(int v) { this.permittedCallsInHalfOpenState = v; }
    }

    /** The national data exchange platform's client-credentials token. */
    public static class Ndxp {
        private String tokenUrl;
        private String clientId;
        private String clientSecret;
        private Duration refreshBeforeExpiry = Duration.ofSeconds(60);
        private Duration timeout = Duration.ofSeconds(2);
        private Duration failureMemo = Duration.ofSeconds(1);

        public String getTokenUrl() { return tokenUrl; }
        public void setTokenUrl(String tokenUrl) { this.tokenUrl = tokenUrl; }
        public String getClientId() { return clientId; }
        public void setClientId(String clientId) { this.clientId = clientId; }
        public String getClientSecret() { return clientSecret; }
        public void setClientSecret(String clientSecret) { this.clientSecret = clientSecret; }
        public Duration getRefreshBeforeExpiry() { return refreshBeforeExpiry; }
        public void setRefreshBeforeExpiry(Duration v) { this.refreshBeforeExpiry = v; }
        public Duration getTimeout() { return timeout; }
        public void setTimeout(Duration timeout) { this.timeout = timeout; }
        public Duration getFailureMemo() { return failureMemo; }
        public void setFailureMemo(Duration failureMemo) { this.failureMemo = failureMemo; }
    }

    public static class Security {
        private String audience = "prefill-gateway";
        private String citizenIdClaim = "SoDinhDanh";
        private String issuer;

        public String getAudience() { return audience; }
        public void setAudience(String audience) { this.audience = audience; }
        public String getCitizenIdClaim() { return citizenIdClaim; }
        public void setCitizenIdClaim(String citizenIdClaim) { this.citizenIdClaim = citizenIdClaim; }
        public String getIssuer() { return issuer; }
        public void setIssuer(String issuer) { this.issuer = issuer; }

        /** Bearer tokens already verified, kept so that a session's next calls skip the signature check. */
        private VerifiedTokens verifiedTokens = new VerifiedTokens();
        public VerifiedTokens getVerifiedTokens() { return verifiedTokens; }
        public void setVerifiedTokens(VerifiedTokens v) { this.verifiedTokens = v; }
    }

    public static class VerifiedTokens {
        private int maxEntries = 10_000;
        private Duration maxAge = Duration.ofMinutes(2);

        public int getMaxEntries() { return maxEntries; }
        public void setMaxEntries(int maxEntries) { this.maxEntries = maxEntries; }
        public Duration getMaxAge() { return maxAge; }
        public void setMaxAge(Duration maxAge) { this.maxAge = maxAge; }
    }

    public static class Prefill {
        private Duration deadline = Duration.ofMillis(2500);
        private String problemBaseUri = "https://prefill.gov.vn/problems/";

        public Duration getDeadline() { return deadline; }
        public void setDeadline(Duration deadline) { this.deadline = deadline; }
        public String getProblemBaseUri() { return problemBaseUri; }
        public void setProblemBaseUri(String v) { this.problemBaseUri = v; }
    }

    /** Where the configuration files live (relative to the working directory). */
    public static class Paths {
        private String forms = "schemas/forms";
        private String sources = "schemas/sources";
        private String codelists = "schemas/codelists";

        public String getForms() { return forms; }
        public void setForms(String forms) { this.forms = forms; }
        public String getSources() { return sources; }
        public void setSources(String sources) { this.sources = sources; }
        public String getCodelists() { return codelists; }
        public void setCodelists(String codelists) { this.codelists = codelists; }
    }
}
