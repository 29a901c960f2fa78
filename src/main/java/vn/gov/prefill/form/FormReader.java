package vn.gov.prefill.form;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.form.FormDefinition.Field;
import vn.gov.prefill.form.FormDefinition.Subject;
import vn.gov.prefill.source.SourceCatalog;

/**
 * Reads one form file: its {@code x-form} header here, its subjects ({@link SubjectReader}) and its
 * bindings ({@link FieldReader}), adding everything wrong in it to the errors.
 */
final class FormReader {

    static final Set<String> ACTING_FOR_TYPES = Set.of("ENTERPRISE", "CHILD");
    static final List<String> LOAS = List.of("LoA1", "LoA2");

    private final Path file;
    private final ObjectMapper json;
    private final SourceCatalog sources;
    private final Transforms transforms;
    private final FormErrors errors;

    FormReader(Path file, ObjectMapper json, SourceCatalog sources, Transforms transforms, List<String> errors) {
        this.file = file;
        this.json = json;
        this.sources = sources;
        this.transforms = transforms;
        this.errors = new FormErrors(file, errors);
    }

    /** The form, or null when the file is not even a form; the caller stops on any error noted. */
    FormDefinition read() {
        String id = file.getFileName().toString().replace(FormCatalog.SUFFIX, "");
        if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
            errors.add("", "a form's file name must be <id>" + FormCatalog.SUFFIX + " with a lower-case id of letters, digits and dashes");
        }
        JsonNode schema;
        try {
            schema = json.readTree(file.toFile());
        } catch (IOException e) {
            errors.unreadable("not valid JSON: " + e.getMessage());
            return null;
        }
        JsonNode header = schema.path("x-form");
        if (!header.isObject()) {
            errors.add("/x-form", "missing: every form needs x-form with procedureCode, version and subjects");
            return null;
        }
        String procedureCode = text(header, "procedureCode", "/x-form/procedureCode");
        if (procedureCode != null && !procedureCode.matches("[0-9A-Za-z.\\-]{1,32}")) {
            errors.add("/x-form/procedureCode", "must be a national procedure code such as 1.001234");
        }
        String version = text(header, "version", "/x-form/version");
        String minLoa = header.path("minLoa").asText("LoA2");
        if (!LOAS.contains(minLoa)) {
            errors.add("/x-form/minLoa", "must be one of " + LOAS);
        }
        Set<String> actingFor = actingFor(header.path("actingFor"));
        Map<String, Subject> subjects = new LinkedHashMap<>();
        SourceReferences references = new SourceReferences(sources, errors, subjects, actingFor);
        new SubjectReader(errors, references, subjects, actingFor).read(header.path("subjects"));
        FieldReader fields = new FieldReader(errors, references, transforms, declaredKeys());
        fields.walk(schema, "", "");
        Map<String, FormDefinition.Attachment> attachments = new AttachmentReader(errors, references, subjects).read(schema);
        List<Field> bound = fields.fields();
        if (bound.isEmpty()) {
            errors.add("/properties", "the form binds no field (no x-prefill)");
        }
        return new FormDefinition(id, file, schema, schema.path("title").asText(id), version, procedureCode, minLoa,
                Collections.unmodifiableSet(actingFor), Collections.unmodifiableMap(subjects), List.copyOf(bound),
                Collections.unmodifiableSet(references.used()), Collections.unmodifiableMap(fields.declared()),
                Collections.unmodifiableMap(attachments));
    }

    /** The keys a citizen may declare: the properties of the declared source's schema (none without it). */
    private JsonNode declaredKeys() {
        SourceCatalog.SourceSpec declared = sources.get(FormDefinition.DECLARED_SOURCE);
        return declared == null ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : declared.schema().path("properties");
    }

    private Set<String> actingFor(JsonNode node) {
        Set<String> acting = new LinkedHashSet<>();
        for (int i = 0; i < node.size(); i++) {
            String type = node.get(i).asText();
            if (!ACTING_FOR_TYPES.contains(type)) {
                errors.add("/x-form/actingFor/" + i, "unknown actingFor type '" + type + "' (known: " + ACTING_FOR_TYPES + ")");
            }
            acting.add(type);
        }
        return acting;
    }

    private String text(JsonNode node, String field, String pointer) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual() || v.asText().isBlank()) {
            errors.add(pointer, "required, a non-empty string");
            return null;
        }
        return v.asText();
    }
}
