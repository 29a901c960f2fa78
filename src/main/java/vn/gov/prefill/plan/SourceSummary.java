package vn.gov.prefill.plan;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.gov.prefill.form.FormDefinition.Read;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceOutcome;

/** How one registry did for one request, over all its reads: the {@code sources} of an answer. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceSummary(String status, long latencyMs, List<ReadSummary> reads) {

    /** One read of a registry about one subject. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ReadSummary(String subject, String status, long latencyMs) { }

    private static final List<ReadStatus> FAILURES = List.of(ReadStatus.TIMEOUT, ReadStatus.UNAVAILABLE,
            ReadStatus.INVALID_RESPONSE, ReadStatus.REJECTED);

    /** One summary per source named, in that order; a source the plan never read is SKIPPED. */
    public static Map<String, SourceSummary> of(Map<Read, SourceOutcome> outcomes, Collection<String> sources) {
        Map<String, SourceSummary> out = new LinkedHashMap<>();
        for (String source : sources) {
            List<ReadSummary> reads = new ArrayList<>();
            ReadStatus status = null;
            long latency = 0;
            for (var e : outcomes.entrySet()) {
                if (!e.getKey().source().equals(source)) {
                    continue;
                }
                SourceOutcome o = e.getValue();
                reads.add(new ReadSummary(e.getKey().subject(), o.status().name(), o.latencyMs()));
                latency = Math.max(latency, o.latencyMs());
                status = worse(status, o.status());
            }
            out.put(source, new SourceSummary(status == null ? ReadStatus.SKIPPED.name() : status.name(), latency, reads));
        }
        return out;
    }

    /** A failure outranks an answer, an answer outranks NOT_CONSENTED, which outranks SKIPPED; ties keep the earliest read. */
    private static ReadStatus worse(ReadStatus current, ReadStatus next) {
        return current == null || weight(next) > weight(current) ? next : current;
    }

    private static int weight(ReadStatus s) {
        if (FAILURES.contains(s)) {
            return 3;
        }
        return switch (s) {
            case OK, NOT_FOUND -> 2;
            case NOT_CONSENTED -> 1;
            default -> 0;
        };
    }
}
