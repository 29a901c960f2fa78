package vn.gov.prefill.flow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.mapping.FieldMapper;
import vn.gov.prefill.mapping.FieldOutcome;
import vn.gov.prefill.mapping.MappedForm;
import vn.gov.prefill.plan.BindingPlan;
import vn.gov.prefill.plan.SourceSummary;
import vn.gov.prefill.plan.WaveRunner;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;

/**
 * One prefill: plan the reads the form's bindings need, run them wave by wave under one deadline,
 * map every bound field with its provenance, and say what was read about whom.
 */
@Service
public class PrefillService {

    private static final Logger log = LoggerFactory.getLogger(PrefillService.class);

    private final WaveRunner runner;
    private final FieldMapper mapper;
    private final SourceCatalog sources;
    private final long deadlineMs;
    private final EarlierResults earlier;

    PrefillService(WaveRunner runner, FieldMapper mapper, SourceCatalog sources, GatewayProperties properties) {
        this(runner, mapper, sources, properties, EarlierResults.NONE);
    }

    @org.springframework.beans.factory.annotation.Autowired
    PrefillService(WaveRunner runner, FieldMapper mapper, SourceCatalog sources, GatewayProperties properties, EarlierResults earlier) {
        this.earlier = earlier;
        this.runner = runner;
        this.mapper = mapper;
        this.sources = sources;
        this.deadlineMs = properties.getPrefill().getDeadline().toMillis();
    }

    /** The deadline (System.nanoTime) of a prefill that starts now. */
    public long deadlineFromNow() {
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
    }

    public PrefillResult prefill(FormDefinition form, Citizen citizen, PrefillRequest request, String requestId) {
        return prefill(form, citizen, request, requestId, deadlineFromNow());
    }

    /** Reads and maps everything the form binds, no read outliving {@code deadline} (System.nanoTime). */
    public PrefillResult prefill(FormDefinition form, Citizen citizen, PrefillRequest request, String requestId, long deadline) {
        long started = System.nanoTime();
        BindingPlan plan = BindingPlan.forForm(sources, form, citizen.citizenId(),
                request.actingFor() == null ? null : request.actingFor().id(), request.consentedSources());
        runner.run(plan, requestId, form.procedureCode(), deadline);
        MappedForm mapped = mapper.map(form, plan);
        // a form without attachment slots pays nothing for them: no read, no lookup, nothing in the answer or the token
        AttachmentOffers slots = form.attachments().isEmpty() ? null : AttachmentOffers.of(form, plan.outcomes(), citizen, earlier);
        PrefillResponse response = new PrefillResponse(requestId, form.id(), form.version(), mapped.data(), mapped.visibleFields(),
                SourceSummary.of(plan.outcomes(), form.sources()), slots == null ? null : slots.documents(), null);
        if (log.isInfoEnabled()) {
            log.info("prefill form={} fields={}/{} sources={} durationMs={}", form.id(), mapped.released(), mapped.fields().size(),
                    summary(response.sources()), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        }
        return new PrefillResult(response, reads(plan, mapped.fields(), slots == null ? Map.of() : slots.releasedBySubject()),
                slots == null ? Map.of() : slots.offers());
    }

    /**
     * Per subject actually read (or whose fields were released): the sources and the released pointers, an attachment
     * slot's among them when it offers documents from the subject's record.
     */
    private static List<PrefillResult.SubjectRead> reads(BindingPlan plan, Map<String, FieldOutcome> fields,
                                                         Map<String, List<String>> releasedSlots) {
        Map<String, Map<String, String>> sourcesBySubject = new LinkedHashMap<>();
        plan.outcomes().forEach((read, outcome) -> {
            if (outcome.status() != ReadStatus.SKIPPED && outcome.status() != ReadStatus.NOT_CONSENTED) {
                sourcesBySubject.computeIfAbsent(read.subject(), s -> new LinkedHashMap<>()).put(read.source(), outcome.status().name());
            }
        });
        Map<String, List<String>> released = new LinkedHashMap<>();
        fields.forEach((pointer, f) -> {
            if (f.subject() != null && f.status().released()) {
                released.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(pointer);
            }
        });
        releasedSlots.forEach((subject, pointers) -> released.computeIfAbsent(subject, s -> new ArrayList<>()).addAll(pointers));
        List<PrefillResult.SubjectRead> out = new ArrayList<>();
        sourcesBySubject.forEach((subject, read) -> out.add(new PrefillResult.SubjectRead(subject, plan.subjectId(subject),
                Map.copyOf(read), List.copyOf(released.getOrDefault(subject, List.of())))));
        return out;
    }

    private static String summary(Map<String, SourceSummary> sources) {
        StringBuilder out = new StringBuilder();
        sources.forEach((name, s) -> out.append(out.length() == 0 ? "" : ",").append(name).append(':').append(s.status())
                .append('(').append(s.latencyMs()).append("ms)"));
        return out.toString();
    }
}
