package vn.gov.prefill.suggestion;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.github.jamsesso.jsonlogic.JsonLogic;
import io.github.jamsesso.jsonlogic.JsonLogicException;
import vn.gov.prefill.plan.RecordPlan;
import vn.gov.prefill.source.SourceOutcome;

/**
 * Evaluates the rules over the records a plan read: once per subject of the rule's fan-out (or once,
 * for the caller), and only where every read the rule needs answered; a read that failed costs only
 * the rules that need it.
 */
final class RuleEvaluator {

    private static final Logger log = LoggerFactory.getLogger(RuleEvaluator.class);
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    private final JsonLogic logic = DateOperations.engine();
    private final ObjectMapper json;

    RuleEvaluator(ObjectMapper json) {
        this.json = json;
    }

    /** The suggestions of one rule, without readiness. */
    List<Suggestion> evaluate(LifeEventRule rule, RecordPlan plan, LocalDate today) {
        List<Suggestion> out = new ArrayList<>();
        RecordPlan.Found self = plan.subjects(RecordPlan.SELF).get(0);
        List<RecordPlan.Found> instances = rule.fanOut() == null ? List.of(self) : plan.subjects(rule.fanOut().name());
        if (instances == null) {
            return out;
        }
        for (RecordPlan.Found subject : instances) {
            Map<String, Object> data = data(rule, plan, self, subject, today);
            if (data == null) {
                continue;
            }
            try {
                if (JsonLogic.truthy(logic.apply(rule.condition(), data))) {
                    out.add(suggestion(rule, plan, self, subject, data));
                }
            } catch (JsonLogicException | RuntimeException e) {
                // a record the rule did not expect; the rule is wrong for it, never the citizen
                log.warn("rule {} could not be evaluated: {}", rule.lifeEvent(), e.getClass().getSimpleName());
            }
        }
        return out;
    }

    /** today, each read as {status, record}, the fan-out's element; null when a read the rule needs did not answer. */
    private Map<String, Object> data(LifeEventRule rule, RecordPlan plan, RecordPlan.Found self, RecordPlan.Found subject,
                                     LocalDate today) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("today", today.toString());
        for (var read : rule.reads().entrySet()) {
            SourceOutcome o = plan.outcome(read.getValue(), RecordPlan.SELF.equals(read.getValue().subject()) ? self : subject);
            if (o == null || !o.status().answered()) {
                return null;
            }
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("status", o.status().name());
            r.put("record", o.hasRecord() ? json.convertValue(o.record(), Object.class) : null);
            data.put(read.getKey(), r);
        }
        if (rule.fanOut() != null) {
            data.put(rule.fanOut().name(), json.convertValue(subject.element(), Object.class));
        }
        return data;
    }

    private Suggestion suggestion(LifeEventRule rule, RecordPlan plan, RecordPlan.Found self, RecordPlan.Found subject,
                                  Map<String, Object> data) throws JsonLogicException {
        Map<String, String> actingFor = null;
        if (rule.actingFor() != null) {
            actingFor = new LinkedHashMap<>();
            actingFor.put("type", rule.actingFor());
            actingFor.put("CHILD".equals(rule.actingFor()) ? "citizenId" : "enterpriseCode", subject.id());
        }
        Object due = rule.dueBy() == null ? null : logic.apply(rule.dueBy(), data);
        StringBuilder reason = new StringBuilder();
        Matcher m = PLACEHOLDER.matcher(rule.reason());
        while (m.find()) {
            Object value = logic.apply(rule.values().get(m.group(1)), data);
            m.appendReplacement(reason, Matcher.quoteReplacement(text(value)));
        }
        m.appendTail(reason);
        // a suggestion for oneself is about the caller, whoever else its condition looked at
        String about = rule.actingFor() == null ? self.id() : subject.id();
        return new Suggestion(rule.lifeEvent() + ":" + about, rule.lifeEvent(), rule.title(), rule.procedureCode(), rule.formId(),
                actingFor, reason.toString(), evidence(rule, plan, self, subject), due == null ? null : text(due), null,
                about);
    }

    /** JsonLogic's numbers are doubles: an age reads 25, not 25.0. */
    private static String text(Object value) {
        if (value instanceof Double d && d == Math.rint(d) && !d.isInfinite()) {
            return Long.toString(d.longValue());
        }
        return value == null ? "" : String.valueOf(value);
    }

    private static List<Suggestion.Evidence> evidence(LifeEventRule rule, RecordPlan plan, RecordPlan.Found self, RecordPlan.Found subject) {
        List<Suggestion.Evidence> out = new ArrayList<>();
        for (LifeEventRule.Evidence e : rule.evidence()) {
            boolean element = rule.fanOut() != null && rule.fanOut().name().equals(e.read());
            RecordPlan.Lookup lookup = element ? rule.fanOut().from() : rule.reads().get(e.read());
            boolean aboutSelf = RecordPlan.SELF.equals(lookup.subject());
            SourceOutcome o = plan.outcome(lookup, aboutSelf ? self : subject);
            String subjectName = aboutSelf ? RecordPlan.SELF : lookup.subject();
            if (e.pointer() == null || o == null || !o.hasRecord()) {
                out.add(new Suggestion.Evidence(lookup.source(), subjectName, null, o == null ? null : o.status().name()));
                continue;
            }
            String base = element && rule.fanOut().each() != null ? rule.fanOut().each() + "/" + subject.index() : "";
            String pointer = base + e.pointer();
            if (!e.where().isEmpty()) {
                pointer = matching(o.record(), pointer, e);
            }
            if (pointer != null) {
                out.add(new Suggestion.Evidence(lookup.source(), subjectName, pointer, null));
            }
        }
        return out;
    }

    /** The pointer to {@code select} in the first element of the array at {@code at} that matches {@code where}. */
    private static String matching(JsonNode record, String at, LifeEventRule.Evidence e) {
        JsonNode array = record.at(at);
        for (int i = 0; i < array.size(); i++) {
            String index = at + "/" + i;
            if (e.where().entrySet().stream().allMatch(w -> w.getValue().equals(record.at(index + "/" + w.getKey()).asText(null)))) {
                return index + e.select();
            }
        }
        return null;
    }
}
