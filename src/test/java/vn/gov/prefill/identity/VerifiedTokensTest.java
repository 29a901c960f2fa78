package vn.gov.prefill.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Which tokens are remembered, for how long, and that a refused one is always checked in full. */
class VerifiedTokensTest {

    static final Instant START = Instant.parse("2026-12-01T08:00:00Z");

    /** A clock the test moves. */
    static final class Hands extends Clock {
        Instant now = START;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    final Hands clock = new Hands();
    /** Every token the full check was asked about, in order. */
    final List<String> checked = new ArrayList<>();

    /** The full check: "bad…" tokens are refused; "t-15" expires 15 minutes after START. */
    final JwtDecoder full = token -> {
        checked.add(token);
        if (token.startsWith("bad")) {
            throw new BadJwtException("signature");
        }
        Instant exp = START.plus(Duration.ofMinutes(Long.parseLong(token.substring(2))));
        if (!exp.isAfter(clock.now)) {
            throw new BadJwtException("expired");
        }
        return new Jwt(token, clock.now, exp, Map.of("alg", "RS256"), Map.of("sub", "x"));
    };

    final VerifiedTokens tokens = new VerifiedTokens(full, 100, Duration.ofMinutes(2), clock);

    @Test
    void aVerifiedTokenIsCheckedInFullOnlyOnceWithinItsMaxAge() {
        Jwt first = tokens.decode("t-15");
        clock.now = clock.now.plusSeconds(90);
        Jwt again = tokens.decode("t-15");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("t-15");
    }

    @Test
    void afterItsMaxAgeATokenIsCheckedInFullAgain() {
        tokens.decode("t-15");
        clock.now = clock.now.plusSeconds(121);
        tokens.decode("t-15");

        assertThat(checked).containsExactly("t-15", "t-15");
    }

    @Test
    void aTokenIsNeverAcceptedFromMemoryAfterItExpires() {
        tokens.decode("t-1");
        clock.now = clock.now.plusSeconds(61);

        assertThatThrownBy(() -> tokens.decode("t-1")).isInstanceOf(BadJwtException.class).hasMessage("expired");
        assertThat(checked).containsExactly("t-1", "t-1");
    }

    @Test
    void aRefusedTokenIsNeverRememberedAndIsCheckedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> tokens.decode("bad-signature")).isInstanceOf(BadJwtException.class);
        }

        assertThat(checked).containsExactly("bad-signature", "bad-signature", "bad-signature");
        assertThat(tokens.size()).isZero();
    }

    @Test
    void tokensAreRememberedByTheirExactText() {
        tokens.decode("t-15");
        tokens.decode("t-16");
        tokens.decode("t-15");

        assertThat(checked).containsExactly("t-15", "t-16");
        assertThat(tokens.size()).isEqualTo(2);
    }

    @Test
    void theMemoryIsBounded() {
        VerifiedTokens small = new VerifiedTokens(full, 5, Duration.ofMinutes(2), clock);
        for (int i = 10; i < 60; i++) {
            small.decode("t-" + i);
        }

        assertThat(small.size()).isLessThanOrEqualTo(5);
    }
}
