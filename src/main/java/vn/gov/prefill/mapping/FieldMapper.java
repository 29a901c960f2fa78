package vn.gov.prefill.mapping;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.binding.Transformed;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.FormDefinition.Candidate;
import vn.gov.prefill.form.FormDefinition.Field;
import vn.gov.prefill.plan.BindingPlan;
import vn.gov.prefill.source.ReadStatus;
import vn.gov.prefill.source.SourceCatalog;
import vn.gov.prefill.source.SourceOutcome;
import vn.gov.prefill.mapping.FieldOutcome.Alternative;

/**
 * Maps every bound field of a form from the records a plan read: the value at the binding's pointer,
 * through its transforms, the first candidate with a value by precedence (a later one that disagrees
 * makes a CONFLICT), with its provenance ({@code source}, {@code asOf}, {@code locked}) and flags.
 */
@Component
public class FieldMapper {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final SourceCatalog sources;

    public FieldMapper(SourceCatalog sources) {
        this.sources = sources;
    }

    public MappedForm map(FormDefinition form, BindingPlan plan) {
        ObjectNode data = NODES.objectNode();
        Map<String, FieldOutcome> fields = new LinkedHashMap<>();
        for (Field field : form.fields()) {
            FieldOutcome outcome = field.isArray() ? mapArray(plan, field) : mapField(plan, field);
            fields.put(field.pointer(), outcome);
            if (outcome.status().released()) {
                place(data, field.pointer(), outcome.value());
            }
        }
        return new MappedForm(data, fields);
    }

    private FieldOutcome mapField(BindingPlan plan, Field field) {
        List<FieldOutcome> found = new ArrayList<>();
        FieldOutcome fallback = null;
        for (Candidate c : field.candidates()) {
            SourceOutcome o = plan.outcomes().get(c.read());
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
                found.add(new FieldOutcome(FieldStatus.PREFILLED, c.read().source(), c.locked(), asOf(o, c), value, null,
                        withSourceFlags(c, transformed.flagsWith(DataQuality.flags(c.checks(), plan.subjectId(c.read().subject()), value))),
                        c.read().subject()));
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

    private FieldOutcome mapArray(BindingPlan plan, Field field) {
        Candidate c = field.candidates().get(0);
        SourceOutcome o = plan.outcomes().get(c.read());
        FieldOutcome status = nonValue(o, c);
        if (status != null) {
            return status;
        }
        ArrayNode out = NODES.arrayNode();
        for (JsonNode element : o.record().at(c.locator().pathPointer())) {
            ObjectNode item = NODES.objectNode();
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
                || (o.status() == ReadStatus.SKIPPED && BindingPlan.SUBJECT_ABSENT.equals(o.reason()))) {
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

    /** The record's own "as of", or, for a source that dates each value ({@code asOfEach}), this value's. */
    private String asOf(SourceOutcome o, Candidate c) {
        String each = sources.get(o.source()).asOfEach();
        if (each != null) {
            JsonNode at = o.record().at(each + c.locator().path());
            return at.isValueNode() && !at.asText().isBlank() ? at.asText() : null;
        }
        return asOf(o);
    }

    /** The flags the source gives every value of its (a citizen's own declaration: SELF_DECLARED). */
    private List<String> withSourceFlags(Candidate c, List<String> flags) {
        List<String> own = sources.get(c.read().source()).flags();
        if (own.isEmpty()) {
            return flags;
        }
        List<String> all = new ArrayList<>(flags == null ? List.of() : flags);
        own.stream().filter(f -> !all.contains(f)).forEach(all::add);
        return List.copyOf(all);
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
}
