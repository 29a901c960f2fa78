package vn.gov.prefill.suggestion;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.gov.prefill.plan.RecordPlan;

/**
 * One life event as its file in {@code rules/life-events/} declares it, checked at start.
 *
 * @param reads     the records the rule needs, by the name its condition gives them
 * @param fanOut    the subject found one per element of a record (a child, an enterprise), or null
 * @param actingFor the suggestion's actingFor type ({@code CHILD}, {@code ENTERPRISE}) or null for oneself
 * @param condition JsonLogic over {@code today}, each read ({@code {status, record}}) and the fan-out's element
 * @param dueBy     JsonLogic giving the date the procedure is due, or null
 * @param reason    the Vietnamese reason, with {@code {name}} placeholders filled from {@code values}
 */
record LifeEventRule(Path file, String lifeEvent, String title, String procedureCode, String formId,
                     Map<String, RecordPlan.Lookup> reads, RecordPlan.FanOut fanOut, String actingFor,
                     String condition, String dueBy, String reason, Map<String, String> values, List<Evidence> evidence) {

    /**
     * One piece of evidence: a read (or the subject, for the element it was found in) and the place in its
     * record, or only its status when {@code pointer} is null; with {@code where}, the first element of the
     * array at {@code pointer} whose properties match, and {@code select} inside it.
     */
    record Evidence(String read, String pointer, Map<String, String> where, String select) { }

    /** The sources the rule reads. */
    Set<String> sources() {
        Set<String> out = new java.util.LinkedHashSet<>();
        reads.values().forEach(l -> out.add(l.source()));
        if (fanOut != null) {
            out.add(fanOut.from().source());
        }
        return out;
    }
}
