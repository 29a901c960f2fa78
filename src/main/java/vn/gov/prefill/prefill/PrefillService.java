package vn.gov.prefill.prefill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.binding.Transformed;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.FormDefinition.Candidate;
import vn.gov.prefill.form.FormDefinition.Field;
import vn.gov.prefill.form.FormDefinition.Read;
import vn.gov.prefill.form.FormDefinition.Subject;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.prefill.PrefillResponse.Alternative;
import vn.gov.prefill.prefill.PrefillResponse.FieldOutcome;
import vn.gov.prefill.prefill.PrefillResponse.FieldStatus;
import vn.gov.prefill.prefill.PrefillResponse.ReadSummary;
import vn.gov.prefill.prefill.PrefillResponse.SourceSummary;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.RecordReader;
import vn.gov.prefill.source.SourceOutcome;

/**
 * One prefill: plan the reads the form's bindings need (nothing more), run them wave by wave in
 * parallel under one deadline (a subject found in another record waits for that record), then map
 * every bound field with its provenance.
 */
@Service
public class PrefillService {

    private static final Logger log = LoggerFactory.getLogger(PrefillService.class);
    static final String SUBJECT_ABSENT = "the subject is not in the record it comes from";
    static final String UPSTREAM_FAILED = "the record naming the subject could not be read";
    static final String UPSTREAM_NOT_CONSENTED = "the record naming the subject is from a source outside the consent";

    private final RecordReader fetcher;
    private final SourceCatalog sources;
    private final ObjectMapper json;
    private final long deadlineMs;

    PrefillService(RecordReader fetcher, SourceCatalog sources, ObjectMapper json, GatewayProperties properties) {
        this.fetcher = fetcher;
        this.sources = sources;
        this.json = json;
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
        Plan plan = new Plan(form, request.consentedSources());
        for (Subject s : form.subjects().values()) {
            switch (s.origin()) {
                case TOKEN -> settle(plan, s.name(), citizen.citizenId(), null);
                case ACTING_FOR -> settle(plan, s.name(), request.actingFor() == null ? null : request.actingFor().id(), null);
                case RECORD -> { }
            }
        }
        execute(plan, form, requestId, deadline);
        Map<String, FieldOutcome> mapped = new LinkedHashMap<>();
        PrefillResponse response = map(plan, form, requestId, mapped);
        long prefilled = response.fields().values().stream()
                .filter(f -> f.status() == FieldStatus.PREFILLED || f.status() == FieldStatus.CONFLICT).count();
        log.info("prefill form={} fields={}/{} sources={} durationMs={}", form.id(), prefilled, response.fields().size(),
                summary(response.sources()), TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return new PrefillResult(response, reads(plan, mapped));
    }

    /** Per subject actually read (or whose fields were released): the sources and the released pointers. */
    private static List<PrefillResult.SubjectRead> reads(Plan plan, Map<String, FieldOutcome> fields) {
        Map<String, Map<String, String>> sourcesBySubject = new LinkedHashMap<>();
        plan.outcomes.forEach((read, outcome) -> {
            if (outcome.status() != ReadStatus.SKIPPED && outcome.status() != ReadStatus.NOT_CONSENTED) {
                sourcesBySubject.computeIfAbsent(read.subject(), s -> new LinkedHashMap<>()).put(read.source(), outcome.status().name());
            }
        });
        Map<String, List<String>> released = new LinkedHashMap<>();
        fields.forEach((pointer, f) -> {
            if (f.subject() != null && (f.status() == FieldStatus.PREFILLED || f.status() == FieldStatus.CONFLICT)) {
                released.computeIfAbsent(f.subject(), s -> new ArrayList<>()).add(pointer);
            }
        });
        List<PrefillResult.SubjectRead> out = new ArrayList<>();
        sourcesBySubject.forEach((subject, sources) -> out.add(new PrefillResult.SubjectRead(subject, plan.subjectIds.get(subject),
                Map.copyOf(sources), List.copyOf(released.getOrDefault(subject, List.of())))));
        return out;
    }

    /** What is known about the subjects and reads of one prefill as it goes. */
    private static final class Plan {
        final Set<Read> needed = new LinkedHashSet<>();
        final Map<String, String> subjectIds = new HashMap<>();
        final Map<String, String> subjectBlocked = new HashMap<>();
        final Map<Read, SourceOutcome> outcomes = new LinkedHashMap<>();
        final Set<String> consented;

        Plan(FormDefinition form, Set<String> consented) {
            this.consented = consented;
            for (Field f : form.fields()) {
                for (Candidate c : f.candidates()) {
                    need(form, c.read());
                }
            }
        }

        private void need(FormDefinition form, Read read) {
            if (needed.add(read)) {
                Subject subject = form.subjects().get(read.subject());
                if (subject.from() != null) {
                    need(form, subject.from());
                }
            }
        }

        boolean settled(String subject) {
            return subjectIds.get(subject) != null || subjectBlocked.containsKey(subject);
        }
    }

    private static void settle(Plan plan, String subject, String id, String blocked) {
        if (id != null) {
            plan.subjectIds.put(subject, id);
            plan.subjectBlocked.remove(subject);
        } else {
            plan.subjectIds.remove(subject);
            plan.subjectBlocked.put(subject, blocked == null ? SUBJECT_ABSENT : blocked);
        }
    }

    private void execute(Plan plan, FormDefinition form, String requestId, long deadline) {
        while (true) {
            for (Subject s : form.subjects().values()) {
                if (s.from() != null && !plan.settled(s.name()) && plan.outcomes.containsKey(s.from())) {
                    SourceOutcome from = plan.outcomes.get(s.from());
                    settle(plan, s.name(), from.hasRecord() ? idIn(from.record(), s) : null, blockedBy(from));
                }
            }
            Map<Read, CompletableFuture<SourceOutcome>> wave = new LinkedHashMap<>();
            Map<String, CompletableFuture<SourceOutcome>> byKey = new HashMap<>();
            boolean progressed = false;
            for (Read read : plan.needed) {
                if (plan.outcomes.containsKey(read) || !plan.settled(read.subject())) {
                    continue;
                }
                progressed = true;
                String id = plan.subjectIds.get(read.subject());
                String blocked = plan.subjectBlocked.get(read.subject());
                if (plan.consented != null && !plan.consented.contains(read.source()) || UPSTREAM_NOT_CONSENTED.equals(blocked)) {
                    plan.outcomes.put(read, SourceOutcome.of(read.source(), ReadStatus.NOT_CONSENTED, 0, null));
                } else if (id == null) {
                    plan.outcomes.put(read, SourceOutcome.of(read.source(), ReadStatus.SKIPPED, 0, blocked));
                } else if (sources.get(read.source()).key().problemWith(id) != null) {
                    // a number in a record that is not well formed is never sent anywhere; the field stays for the citizen
                    plan.outcomes.put(read, SourceOutcome.of(read.source(), ReadStatus.SKIPPED, 0, SUBJECT_ABSENT));
                } else {
                    wave.put(read, byKey.computeIfAbsent(read.source() + "|" + id,
                            k -> fetcher.read(read.source(), id, requestId, form.procedureCode(), deadline)));
                }
            }
            if (!progressed) {
                break;
            }
            wave.forEach((read, future) -> plan.outcomes.put(read, future.join()));
        }
        for (Read read : plan.needed) {
            plan.outcomes.putIfAbsent(read, SourceOutcome.of(read.source(), ReadStatus.SKIPPED, 0, UPSTREAM_FAILED));
        }
    }

    /** Why a subject found in {@code from}'s record has no number, when it has none. */
    private static String blockedBy(SourceOutcome from) {
        if (from.status() == ReadStatus.NOT_CONSENTED || UPSTREAM_NOT_CONSENTED.equals(from.reason())) {
            return UPSTREAM_NOT_CONSENTED;
        }
        boolean answered = from.status().answered() || from.status() == ReadStatus.SKIPPED && SUBJECT_ABSENT.equals(from.reason());
        return answered ? SUBJECT_ABSENT : UPSTREAM_FAILED;
    }

    /** The subject's identifier in another record. */
    static String idIn(JsonNode record, Subject s) {
        JsonNode at = s.locator().find(record);
        return at == null || !at.isValueNode() || at.asText().isBlank() ? null : at.asText().strip();
    }

    // ---- mapping

    private PrefillResponse map(Plan plan, FormDefinition form, String requestId, Map<String, FieldOutcome> fields) {
        ObjectNode data = json.createObjectNode();
        for (Field field : form.fields()) {
            FieldOutcome outcome = field.isArray() ? mapArray(plan, field) : mapField(plan, field);
            fields.put(field.pointer(), outcome);
            if (outcome.status() == FieldStatus.PREFILLED || outcome.status() == FieldStatus.CONFLICT) {
                place(data, field.pointer(), outcome.value());
            }
        }
        Map<String, FieldOutcome> visible = new LinkedHashMap<>();
        fields.forEach((pointer, f) -> visible.put(pointer, f.status() == FieldStatus.CONFLICT ? f
                : new FieldOutcome(f.status(), f.source(), f.locked(), f.asOf(), null, null, f.flags(), f.subject())));
        return new PrefillResponse(requestId, form.id(), form.version(), data, visible, summarise(plan, form), null);
    }

    private FieldOutcome mapField(Plan plan, Field field) {
        List<FieldOutcome> found = new ArrayList<>();
        FieldOutcome fallback = null;
        for (Candidate c : field.candidates()) {
            SourceOutcome o = plan.outcomes.get(c.read());
            FieldOutcome status = nonValue(o, c);
            if (status != null) {
                fallback = better(fallback, status);
                continue;
            }
            Transformed transformed = Transforms.transform(c.transforms(), c.locator().find(o.record()));
            JsonNode value = transformed.value();
            if (value == null) {
                fallback = better(fallback, FieldOutcome.of(FieldStatus.EMPTY, c.read().source()));
            } else {
                found.add(new FieldOutcome(FieldStatus.PREFILLED, c.read().source(), c.locked(), asOf(o), value, null,
                        transformed.flagsWith(DataQuality.flags(c.checks(), plan.subjectIds.get(c.read().subject()), value)), c.read().subject()));
            }
        }
        if (found.isEmpty()) {
            return fallback;
        }
        FieldOutcome chosen = found.get(0);
        List<Alternative> alternatives = found.stream().skip(1).filter(f -> !f.value().equals(chosen.value()))
                .map(f -> new Alternative(f.value(), f.source(), f.asOf())).toList();
        return alternatives.isEmpty() ? chosen
                : new FieldOutcome(FieldStatus.CONFLICT, chosen.source(), chosen.locked(), chosen.asOf(), chosen.value(), alternatives,
                        chosen.flags(), chosen.subject());
    }

    private FieldOutcome mapArray(Plan plan, Field field) {
        Candidate c = field.candidates().get(0);
        SourceOutcome o = plan.outcomes.get(c.read());
        FieldOutcome status = nonValue(o, c);
        if (status != null) {
            return status;
        }
        ArrayNode out = json.createArrayNode();
        for (JsonNode element : o.record().at(c.locator().path())) {
            ObjectNode item = json.createObjectNode();
            for (FormDefinition.Element e : field.elements()) {
                JsonNode value = Transforms.applyAll(e.transforms(), element.at(e.path()));
                if (value != null) {
                    item.set(e.name(), value);
                }
            }
            if (!item.isEmpty()) {
                out.add(item);
            }
        }
        return out.isEmpty() ? FieldOutcome.of(FieldStatus.EMPTY, c.read().source())
                : new FieldOutcome(FieldStatus.PREFILLED, c.read().source(), c.locked(), asOf(o), out, null, null, c.read().subject());
    }

    /** The field's status when this candidate's read gave no record to take a value from; null when it did. */
    private static FieldOutcome nonValue(SourceOutcome o, Candidate c) {
        String source = c.read().source();
        if (o.hasRecord()) {
            return null;
        }
        if (o.status() == ReadStatus.NOT_CONSENTED) {
            return FieldOutcome.of(FieldStatus.NOT_CONSENTED, source);
        }
        if (o.status() == ReadStatus.NOT_FOUND || o.status() == ReadStatus.OK
                || (o.status() == ReadStatus.SKIPPED && SUBJECT_ABSENT.equals(o.reason()))) {
            return FieldOutcome.of(FieldStatus.EMPTY, source);
        }
        return FieldOutcome.of(FieldStatus.SOURCE_FAILED, source);
    }

    /** Among fields without a value: EMPTY (a source answered) before SOURCE_FAILED before NOT_CONSENTED. */
    private static FieldOutcome better(FieldOutcome current, FieldOutcome candidate) {
        if (current == null) {
            return candidate;
        }
        return rank(candidate.status()) < rank(current.status()) ? candidate : current;
    }

    private static int rank(FieldStatus s) {
        return switch (s) {
            case EMPTY -> 0;
            case SOURCE_FAILED -> 1;
            default -> 2;
        };
    }

    private String asOf(SourceOutcome o) {
        String pointer = sources.get(o.source()).asOf();
        if (pointer == null) {
            return null;
        }
        JsonNode at = o.record().at(pointer);
        return at.isValueNode() && !at.asText().isBlank() ? at.asText() : null;
    }

    private static void place(ObjectNode data, String pointer, JsonNode value) {
        String[] tokens = pointer.substring(1).split("/");
        ObjectNode at = data;
        for (int i = 0; i < tokens.length - 1; i++) {
            String token = unescape(tokens[i]);
            JsonNode next = at.get(token);
            at = next instanceof ObjectNode o ? o : at.putObject(token);
        }
        at.set(unescape(tokens[tokens.length - 1]), value);
    }

    private static String unescape(String token) {
        return token.replace("~1", "/").replace("~0", "~");
    }

    // ---- per-source summary

    private static final List<ReadStatus> FAILURES = List.of(ReadStatus.TIMEOUT, ReadStatus.UNAVAILABLE,
            ReadStatus.INVALID_RESPONSE, ReadStatus.REJECTED);

    private static Map<String, SourceSummary> summarise(Plan plan, FormDefinition form) {
        Map<String, SourceSummary> out = new LinkedHashMap<>();
        for (String source : form.sources()) {
            List<ReadSummary> reads = new ArrayList<>();
            ReadStatus status = null;
            long latency = 0;
            for (var e : plan.outcomes.entrySet()) {
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

    private static String summary(Map<String, SourceSummary> sources) {
        StringBuilder out = new StringBuilder();
        sources.forEach((name, s) -> out.append(out.length() == 0 ? "" : ",").append(name).append(':').append(s.status())
                .append('(').append(s.latencyMs()).append("ms)"));
        return out.toString();
    }
}
