package vn.gov.prefill.form;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.binding.SchemaPaths;
import vn.gov.prefill.binding.Transform;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.form.FormDefinition.Candidate;
import vn.gov.prefill.form.FormDefinition.Element;
import vn.gov.prefill.form.FormDefinition.Field;
import vn.gov.prefill.form.FormDefinition.IdCheck;
import vn.gov.prefill.form.FormDefinition.Read;

/**
 * Finds every {@code x-prefill} of a form's properties and reads it into a {@link Field}: its candidates
 * in precedence order, their transforms and checks; an array property mapped element by element.
 */
final class FieldReader {

    private final FormErrors errors;
    private final SourceReferences references;
    private final Transforms transforms;
    private final List<Field> fields = new ArrayList<>();
    private final JsonNode declaredKeys;
    private final java.util.Map<String, FormDefinition.Declared> declared = new java.util.LinkedHashMap<>();

    FieldReader(FormErrors errors, SourceReferences references, Transforms transforms, JsonNode declaredKeys) {
        this.errors = errors;
        this.references = references;
        this.transforms = transforms;
        this.declaredKeys = declaredKeys;
    }

    List<Field> fields() {
        return fields;
    }

    /** The fields marked {@code x-declare}, by their data pointer. */
    java.util.Map<String, FormDefinition.Declared> declared() {
        return declared;
    }

    /** Walks {@code node}, whose data lives at {@code dataPointer}. */
    void walk(JsonNode node, String schemaPointer, String dataPointer) {
        node.path("properties").fields().forEachRemaining(p -> {
            String childSchema = schemaPointer + "/properties/" + escape(p.getKey());
            String childData = dataPointer + "/" + escape(p.getKey());
            JsonNode property = p.getValue();
            if (property.has("x-declare")) {
                declare(property, childSchema, childData);
            }
            if (property.has("x-prefill")) {
                field(property, childSchema, childData);
            } else {
                walk(property, childSchema, childData);
            }
        });
    }

    /**
     * A field the citizen may declare once: a known key whose schema's type is the field's, and, when the field
     * binds the declared source, the same key as its path; the value belongs to that binding's subject, else self.
     */
    private void declare(JsonNode property, String schemaPointer, String dataPointer) {
        String pointer = schemaPointer + "/x-declare";
        String key = property.get("x-declare").asText("");
        JsonNode keySchema = declaredKeys.get(key);
        if (key.equals("declaredAt") || keySchema == null) {
            List<String> known = new ArrayList<>();
            declaredKeys.fieldNames().forEachRemaining(n -> {
                if (!n.equals("declaredAt")) {
                    known.add(n);
                }
            });
            errors.add(pointer, "unknown declared key '" + key + "' (known, in " + SourceReferences.fileOf(FormDefinition.DECLARED_SOURCE)
                    + ": " + String.join(", ", known) + ")");
            return;
        }
        String fieldType = property.path("type").asText("");
        String keyType = keySchema.path("type").asText("");
        if (!fieldType.equals(keyType)) {
            errors.add(schemaPointer + "/type", "the field is '" + fieldType + "' but declared key '" + key + "' holds '" + keyType
                    + "' values");
            return;
        }
        String subject = "self";
        List<JsonNode> bindings = new ArrayList<>();
        JsonNode binding = property.path("x-prefill");
        if (binding.isArray()) {
            binding.forEach(bindings::add);
        } else if (binding.isObject()) {
            bindings.add(binding);
        }
        for (JsonNode b : bindings) {
            String from = b.path("from").asText("");
            if (from.startsWith(FormDefinition.DECLARED_SOURCE + "@")) {
                subject = from.substring(from.indexOf('@') + 1);
                if (!("/" + key).equals(b.path("path").asText())) {
                    errors.add(pointer, "the field binds " + from + " at '" + b.path("path").asText() + "': it must read the key it "
                            + "declares, '/" + key + "'");
                    return;
                }
            }
        }
        declared.put(dataPointer, new FormDefinition.Declared(key, subject));
    }

    private void field(JsonNode property, String schemaPointer, String dataPointer) {
        JsonNode binding = property.get("x-prefill");
        String pointer = schemaPointer + "/x-prefill";
        if ("array".equals(property.path("type").asText())) {
            arrayField(property, binding, pointer, dataPointer, schemaPointer);
            return;
        }
        List<JsonNode> options = new ArrayList<>();
        if (binding.isArray()) {
            binding.forEach(options::add);
        } else {
            options.add(binding);
        }
        if (options.isEmpty() || !options.stream().allMatch(JsonNode::isObject)) {
            errors.add(pointer, "must be a binding object or a non-empty array of them in precedence order");
            return;
        }
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < options.size(); i++) {
            Candidate c = candidate(options.get(i), binding.isArray() ? pointer + "/" + i : pointer);
            if (c != null) {
                candidates.add(c);
            }
        }
        if (candidates.size() == options.size()) {
            fields.add(new Field(dataPointer, List.copyOf(candidates), List.of()));
        }
    }

    private Candidate candidate(JsonNode binding, String pointer) {
        Read read = references.read(binding.path("from").asText(""), pointer + "/from");
        List<Transform> chain = transforms(binding.get("transform"), pointer + "/transform");
        List<IdCheck> checks = new ArrayList<>();
        JsonNode check = binding.path("checkAgainstId");
        for (int i = 0; i < check.size(); i++) {
            switch (check.get(i).asText()) {
                case "sex" -> checks.add(IdCheck.SEX);
                case "birthYear" -> checks.add(IdCheck.BIRTH_YEAR);
                default -> errors.add(pointer + "/checkAgainstId/" + i, "must be \"sex\" or \"birthYear\"");
            }
        }
        if (read == null || chain == null) {
            return null;
        }
        Locator locator = references.locator(binding, pointer, read.source());
        return locator == null ? null : new Candidate(read, locator, chain, binding.path("locked").asBoolean(false), List.copyOf(checks));
    }

    private void arrayField(JsonNode property, JsonNode binding, String pointer, String dataPointer, String schemaPointer) {
        if (!binding.isObject()) {
            errors.add(pointer, "an array field takes one binding object, mapped element by element");
            return;
        }
        Candidate c = candidate(binding, pointer);
        if (c == null) {
            return;
        }
        if (c.locator().select() != null) {
            errors.add(pointer + "/select", "an array field maps the whole array at path; where/select are for single values");
            return;
        }
        JsonNode sourceSchema = references.schemaOf(c.read().source());
        String file = SourceReferences.fileOf(c.read().source());
        JsonNode sourceItems = SchemaPaths.at(sourceSchema, sourceSchema, c.locator().path() + "/0");
        if (sourceItems == null) {
            errors.add(pointer + "/path", "'" + c.locator().path() + "' is not an array in " + file);
            return;
        }
        List<Element> elements = new ArrayList<>();
        property.path("items").path("properties").fields().forEachRemaining(p -> {
            JsonNode eb = p.getValue().get("x-prefill");
            String ep = schemaPointer + "/items/properties/" + escape(p.getKey()) + "/x-prefill";
            if (eb == null) {
                return;
            }
            String path = eb.path("path").asText(null);
            if (path == null || SchemaPaths.at(sourceSchema, sourceItems, path) == null) {
                errors.add(ep + "/path", "'" + path + "' is not in the elements of " + c.locator().path() + " in " + file);
                return;
            }
            List<Transform> chain = transforms(eb.get("transform"), ep + "/transform");
            if (chain != null) {
                elements.add(new Element(p.getKey(), path, chain));
            }
        });
        if (elements.isEmpty()) {
            errors.add(schemaPointer + "/items/properties", "an array binding needs x-prefill {\"path\": …} on its element properties");
            return;
        }
        fields.add(new Field(dataPointer, List.of(c), List.copyOf(elements)));
    }

    /** The transforms a binding names (one, or a list applied in order); null, with the error noted, when one is unknown. */
    private List<Transform> transforms(JsonNode spec, String pointer) {
        List<Transform> chain = new ArrayList<>();
        if (spec == null) {
            return chain;
        }
        List<JsonNode> names = new ArrayList<>();
        if (spec.isArray()) {
            spec.forEach(names::add);
        } else {
            names.add(spec);
        }
        for (int i = 0; i < names.size(); i++) {
            String at = spec.isArray() ? pointer + "/" + i : pointer;
            try {
                chain.add(transforms.resolve(names.get(i).asText()));
            } catch (IllegalArgumentException e) {
                errors.add(at, e.getMessage());
                return null;
            }
        }
        return chain;
    }

    private static String escape(String token) {
        return token.replace("~", "~0").replace("/", "~1");
    }
}
