package vn.gov.prefill.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

/**
 * Bearer tokens that passed every check, remembered by their exact text until they expire (at most
 * {@code maxAge}), so that a session's next calls skip the signature check and the claim parsing.
 * A token that fails is never remembered: it is checked in full every time it comes.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final Cache<String, Jwt> verified;
    private final Clock clock;

    VerifiedTokens(JwtDecoder verifier, int maxEntries, Duration maxAge, Clock clock) {
        this.verifier = verifier;
        this.clock = clock;
        long maxAgeNanos = maxAge.toNanos();
        this.verified = Caffeine.newBuilder().maximumSize(maxEntries).ticker(() -> clockNanos(clock))
                .expireAfter(new Expiry<String, Jwt>() {
                    @Override
                    public long expireAfterCreate(String token, Jwt jwt, long now) {
                        // the validators refused a token without exp, so expiresAt is there
                        long untilExpiry = Duration.between(clock.instant(), jwt.getExpiresAt()).toNanos();
                        return Math.max(0, Math.min(maxAgeNanos, untilExpiry));
                    }

                    @Override
                    public long expireAfterUpdate(String token, Jwt jwt, long now, long current) {
                        return current;
                    }

                    @Override
                    public long expireAfterRead(String token, Jwt jwt, long now, long current) {
                        return current;
                    }
                }).build();
    }

    private static long clockNanos(Clock clock) {
        Instant now = clock.instant();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt jwt = verified.get(token, verifier::decode);
        if (!jwt.getExpiresAt().isAfter(clock.instant())) {
            verified.invalidate(token);
            // expired since it was remembered: checked again in full, which says why it is refused
            return verifier.decode(token);
        }
        return jwt;
    }

    /** How many verified tokens are remembered now (for tests and the figures of docs/performance.md). */
    long size() {
        verified.cleanUp();
        return verified.estimatedSize();
    }
}
