package vn.gov.prefill.suggestion;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import vn.gov.prefill.flow.PrefillCompleted;
import vn.gov.prefill.indicators.IndicatorLog;
import vn.gov.prefill.indicators.LifeEvents;

/**
 * Suggestions shown and followed, per life event: {@code gateway.suggestions.shown} (tag {@code life_event}
 * only) at once, and both into the indicator tables through {@link IndicatorLog}. A suggestion is followed
 * when the person prefills its form for its actingFor within 24 hours of seeing it; the indicators' writer
 * makes that match (and counts {@code gateway.suggestions.followed}).
 */
@Component
class SuggestionIndicators implements LifeEvents {

    private final MeterRegistry meters;
    private final IndicatorLog indicators;
    private final LifeEventRules rules;

    SuggestionIndicators(MeterRegistry meters, IndicatorLog indicators, LifeEventRules rules) {
        this.meters = meters;
        this.indicators = indicators;
        this.rules = rules;
    }

    void shown(String person, Suggestion s) {
        Counter.builder("gateway.suggestions.shown").description("Suggestions shown to the person they are for")
                .tag("life_event", s.lifeEvent()).register(meters).increment();
        indicators.suggestionShown(s.lifeEvent(), s.formId(), person, s.actingFor() == null ? null : s.subjectId());
    }

    @EventListener
    void prefilled(PrefillCompleted prefill) {
        indicators.prefillCompleted(prefill.formId(), prefill.person(), prefill.actingForId());
    }

    @Override
    public List<String> names() {
        return rules.all().stream().map(LifeEventRule::lifeEvent).toList();
    }

    @Override
    public Map<String, String> titles() {
        Map<String, String> out = new LinkedHashMap<>();
        rules.all().forEach(r -> out.put(r.lifeEvent(), r.title()));
        return out;
    }
}
