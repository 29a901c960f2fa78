package vn.gov.prefill.suggestion;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.flow.PrefillCompleted;

/**
 * {@code gateway.suggestions.shown} and {@code gateway.suggestions.followed} per life event (tag
 * {@code life_event} only). A suggestion is followed when the person prefills its form for its actingFor
 * within 24 hours of seeing it; the shown suggestions waiting for that are kept in memory, the oldest
 * dropped beyond {@link #CAPACITY}.
 */
@Component
class SuggestionIndicators {

    static final int CAPACITY = 10_000;
    static final Duration WINDOW = Duration.ofHours(24);

    private record Shown(String lifeEvent, Instant at) { }

    private final MeterRegistry meters;
    private final Clock clock;
    private final Map<String, Shown> waiting = new LinkedHashMap<>(256, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Shown> eldest) {
            return size() > CAPACITY;
        }
    };

    @Autowired
    SuggestionIndicators(MeterRegistry meters) {
        this(meters, Clock.systemUTC());
    }

    SuggestionIndicators(MeterRegistry meters, Clock clock) {
        this.meters = meters;
        this.clock = clock;
    }

    void shown(String person, Suggestion s) {
        counter("gateway.suggestions.shown", s.lifeEvent()).increment();
        if (s.formId() != null) {
            synchronized (waiting) {
                String key = key(s.formId(), person, s.actingFor() == null ? null : s.subjectId());
                waiting.remove(key);
                waiting.put(key, new Shown(s.lifeEvent(), clock.instant()));
            }
        }
    }

    @EventListener
    void prefilled(PrefillCompleted prefill) {
        Shown shown;
        synchronized (waiting) {
            shown = waiting.remove(key(prefill.formId(), prefill.person(), prefill.actingForId()));
        }
        if (shown != null && !clock.instant().isAfter(shown.at().plus(WINDOW))) {
            counter("gateway.suggestions.followed", shown.lifeEvent()).increment();
        }
    }

    private Counter counter(String name, String lifeEvent) {
        return Counter.builder(name).tag("life_event", lifeEvent).register(meters);
    }

    private static String key(String formId, String person, String actingForId) {
        return formId + "|" + person + "|" + actingForId;
    }
}
