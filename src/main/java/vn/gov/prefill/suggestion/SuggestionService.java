package vn.gov.prefill.suggestion;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.audit.Disclosure;
import vn.gov.prefill.audit.DisclosureLog;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.plan.ReadCache;
import vn.gov.prefill.plan.RecordPlan;
import vn.gov.prefill.plan.SourceSummary;
import vn.gov.prefill.plan.WaveRunner;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.SourceOutcome;

/**
 * One suggestions request: the reads every rule in the consent needs, in waves under the prefill's
 * deadline; the rules over them; a dry run of each suggested form; every read in the disclosure log
 * (purpose {@value #PURPOSE}) before anything is answered.
 */
@Service
class SuggestionService {

    static final String PURPOSE = "suggestions";
    private static final Logger log = LoggerFactory.getLogger(SuggestionService.class);
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** The answer. */
    record Answer(String requestId, List<Suggestion> suggestions, Map<String, SourceSummary> sources) { }

    private final LifeEventRules rules;
    private final SourceCatalog sources;
    private final WaveRunner runner;
    private final Readiness readiness;
    private final DisclosureLog disclosures;
    private final SuggestionIndicators indicators;
    private final RuleEvaluator evaluator;
    private final long deadlineMs;
    private final Clock clock;

    SuggestionService(LifeEventRules rules, SourceCatalog sources, WaveRunner runner, Readiness readiness, DisclosureLog disclosures,
                      SuggestionIndicators indicators, ObjectMapper json, GatewayProperties properties, Clock clock) {
        this.clock = clock;
        this.rules = rules;
        this.sources = sources;
        this.runner = runner;
        this.readiness = readiness;
        this.disclosures = disclosures;
        this.indicators = indicators;
        this.evaluator = new RuleEvaluator(json);
        this.deadlineMs = properties.getPrefill().getDeadline().toMillis();
    }

    /** @param consented the sources asked for, or null for every source the rules need */
    Answer suggest(Citizen citizen, Set<String> consented, String requestId) {
        long started = System.nanoTime();
        long deadline = started + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
        String me = citizen.citizenId();
        List<LifeEventRule> evaluated = rules.all().stream()
                .filter(r -> consented == null || consented.containsAll(r.sources())).toList();
        Set<RecordPlan.Lookup> lookups = new LinkedHashSet<>();
        Map<String, RecordPlan.FanOut> fanOuts = new LinkedHashMap<>();
        Set<String> used = new LinkedHashSet<>();
        for (LifeEventRule r : evaluated) {
            lookups.addAll(r.reads().values());
            if (r.fanOut() != null) {
                lookups.add(r.fanOut().from());
                fanOuts.put(r.fanOut().name(), r.fanOut());
            }
            used.addAll(r.sources());
        }
        RecordPlan plan = new RecordPlan(sources, lookups, fanOuts.values(), me, consented);
        ReadCache cache = new ReadCache();
        runner.run(plan, requestId, PURPOSE, deadline, cache);

        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, VIETNAM);
        Map<String, String> roles = new LinkedHashMap<>();
        roles.put(me, RecordPlan.SELF);
        plan.outcomes().keySet().forEach(l -> {
            List<RecordPlan.Found> found = plan.subjects(l.subject());
            if (found != null) {
                found.forEach(f -> roles.putIfAbsent(f.id(), f.name()));
            }
        });
        List<Suggestion> suggestions = new ArrayList<>();
        for (LifeEventRule r : evaluated) {
            for (Suggestion s : evaluator.evaluate(r, plan, today)) {
                suggestions.add(s.formId() == null ? s
                        : s.withReadiness(readiness.of(s, me, consented, requestId, deadline, cache, roles)));
            }
        }
        disclosures.record(records(cache, roles, suggestions, citizen, consented, requestId, now), deadline);
        suggestions.forEach(s -> indicators.shown(me, s));
        Map<String, SourceSummary> summary = summary(cache, used);
        if (log.isInfoEnabled()) {
            log.info("suggestions rules={}/{} shown={} reads={} durationMs={}", evaluated.size(), rules.all().size(), suggestions.size(),
                    cache.calls().size(), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return new Answer(requestId, suggestions, summary);
    }

    /** Per source the rules (and dry runs) read: the worst outcome and the longest latency; a source never read is SKIPPED. */
    private static Map<String, SourceSummary> summary(ReadCache cache, Set<String> used) {
        Map<vn.gov.prefill.form.FormDefinition.Read, SourceOutcome> outcomes = new LinkedHashMap<>();
        Set<String> names = new LinkedHashSet<>(used);
        int n = 0;
        for (ReadCache.Call c : cache.calls()) {
            // one entry per call: the subject is numbered, never named by its identifier
            outcomes.put(new vn.gov.prefill.form.FormDefinition.Read(c.source(), "#" + n++), c.outcome().join());
            names.add(c.source());
        }
        Map<String, SourceSummary> out = new LinkedHashMap<>();
        SourceSummary.of(outcomes, names).forEach((name, s) -> out.put(name, new SourceSummary(s.status(), s.latencyMs(), null)));
        return out;
    }

    /** One disclosure per subject read (a trace on the caller when nothing was), the evidence pointers as what was released. */
    private static List<Disclosure> records(ReadCache cache, Map<String, String> roles, List<Suggestion> suggestions, Citizen citizen,
                                            Set<String> consented, String requestId, Instant at) {
        String me = citizen.citizenId();
        Map<String, Map<String, String>> sourcesById = new LinkedHashMap<>();
        for (ReadCache.Call c : cache.calls()) {
            Map<String, String> bySource = sourcesById.computeIfAbsent(c.id(), k -> new LinkedHashMap<>());
            ReadStatus status = c.outcome().join().status();
            bySource.merge(c.source(), status.name(), (a, b) -> ReadStatus.valueOf(a).answered() ? b : a);
        }
        if (sourcesById.isEmpty()) {
            sourcesById.put(me, Map.of());
        }
        Map<String, List<String>> released = new LinkedHashMap<>();
        for (Suggestion s : suggestions) {
            for (Suggestion.Evidence e : s.evidence()) {
                if (e.pointer() != null) {
                    String id = RecordPlan.SELF.equals(e.subject()) ? me : s.subjectId();
                    released.computeIfAbsent(id, k -> new ArrayList<>()).add(e.pointer());
                }
            }
        }
        List<String> consent = consented == null ? null : consented.stream().sorted().toList();
        List<Disclosure> out = new ArrayList<>();
        sourcesById.forEach((id, bySource) -> out.add(new Disclosure(requestId, at, citizen.client(), me, id,
                roles.getOrDefault(id, "subject"), null, PURPOSE, null, PURPOSE, consent, bySource,
                List.copyOf(new LinkedHashSet<>(released.getOrDefault(id, List.of()))), citizen.desk())));
        return out;
    }
}
