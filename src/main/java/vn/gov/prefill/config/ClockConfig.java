package vn.gov.prefill.config;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The gateway's one clock: every "now" and "today" it reads (the suggestions' ages and due dates, the
 * indicators' times and report periods, the registries' health cache, NDXP's token memo, the remembered
 * citizen tokens, the JWT validation's exp and nbf, the prefill tokens' iat and exp, the disclosures' time,
 * and with the mocks on the demo identity provider's tokens and the mocked registries' {@code {{now}}} dates).
 * Dates are taken in Vietnam's zone (Asia/Ho_Chi_Minh) by whoever needs a date; the clock itself is UTC.
 *
 * <p>By default it is {@link Clock#systemUTC()}. With {@value #START} set to an ISO-8601 instant (for example
 * {@code 2026-12-01T02:00:00Z}) it reads that instant when the process first asked for it and then ticks at
 * the real pace ({@link Clock#offset}): ages and due dates are those of that day whatever the year the tests
 * run in, while caches, token lifetimes and timeouts still see time pass. A clock that did not tick would make
 * every expiry wait forever. Every caller of {@link #of} in one JVM gets the same offset, so the demo identity
 * provider (built before the application context) and the token validation agree to the millisecond.
 * Allowed only with the mocks on ({@code gateway.mocks.enabled=true}): a shifted clock in production would
 * misdate the disclosure log and accept expired tokens.
 *
 * <p>What keeps the machine's time: request ids (ULIDs), latencies and deadlines ({@code System.nanoTime}),
 * and the disclosure log's checkpoints.
 */
@Configuration(proxyBeanMethods = false)
public class ClockConfig {

    /** The configuration key: the instant the clock starts at, or empty for the system clock. */
    public static final String START = "gateway.clock.start";

    /** When this JVM first read a clock: the start instant is read at that moment, by every caller alike. */
    private static final Instant ORIGIN = Instant.now();

    @Bean
    Clock clock(@Value("${" + START + ":}") String start, @Value("${gateway.mocks.enabled:true}") boolean mocks) {
        if (!mocks && start != null && !start.isBlank()) {
            throw new StartupCheckException(START + " is set (" + start + ") but gateway.mocks.enabled is false: "
                    + "a shifted clock is for tests and demos only; remove it");
        }
        return of(start);
    }

    /** The clock the configuration asks for, for what is built before the application context (the embedded mocks). */
    public static Clock of(Environment env) {
        return of(env.getProperty(START, ""));
    }

    /** @param start an ISO-8601 instant to start at, or null or empty for the system clock */
    public static Clock of(String start) {
        if (start == null || start.isBlank()) {
            return Clock.systemUTC();
        }
        try {
            return Clock.offset(Clock.systemUTC(), Duration.between(ORIGIN, Instant.parse(start.strip())));
        } catch (DateTimeParseException e) {
            throw new StartupCheckException(START + " must be an ISO-8601 instant such as 2026-12-01T02:00:00Z, not " + start);
        }
    }
}
