package vn.gov.prefill.form;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.stereotype.Component;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.SchemaPaths;
import vn.gov.prefill.binding.Transform;
import vn.gov.prefill.binding.Transforms;
import vn.gov.prefill.config.GatewayProperties;
import vn.gov.prefill.form.FormDefinition.Candidate;
import vn.gov.prefill.form.FormDefinition.Element;
import vn.gov.prefill.form.FormDefinition.Field;
import vn.gov.prefill.form.FormDefinition.IdCheck;
import vn.gov.prefill.form.FormDefinition.Read;
import vn.gov.prefill.form.FormDefinition.Subject;
import vn.gov.prefill.form.FormDefinition.SubjectOrigin;
import vn.gov.prefill.source.SourceCatalog;

/**
 * The forms under {@code schemas/forms/}, loaded and checked at start: a binding to an unknown source,
 * subject or transform, or to a path the source's schema lacks, stops the gateway with the file and
 * the JSON Pointer named.
 */
@Component
public class FormCatalog {

    public static final String SUFFIX = ".schema.json";
    static final Set<String> ACTING_FOR_TYPES = Set.of("ENTERPRISE", "CHILD");
    static final List<String> LOAS = List.of("LoA1", "LoA2");

    private final Map<String, FormDefinition> forms;

    public FormCatalog(GatewayProperties properties, ObjectMapper json, SourceCatalog sources, Transforms transforms) {
        this.forms = Collections.unmodifiableMap(load(Path.of(properties.getPaths().getForms()), json, sources, transforms));
    }

    public Collection<FormDefinition> all() {
        return forms.values();
    }

    public FormDefinition get(String id) {
        return forms.get(id);
    }

    static Map<String, FormDefinition> load(Path dir, ObjectMapper json, SourceCatalog sources, Transforms transforms) {
        if (!Files.isDirectory(dir)) {
            throw new IllegalStateException(dir.toAbsolutePath() + ": the form directory does not exist (gateway.paths.forms)");
        }
        Map<String, FormDefinition> out = new LinkedHashMap<>();
        List<String> errors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(SUFFIX)).sorted().toList()) {
                FormDefinition form = new Reader(file, json, sources, transforms, errors).read();
                if (form != null) {
                    out.put(form.id(), form);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException(dir + ": cannot list forms: " + e.getMessage(), e);
        }
        if (!errors.isEmpty()) {
            throw new FormDefinitionException(errors);
        }
        return out;
    }

    /** Reads one form file, adding "file: pointer: reason" to {@code errors} for everything wrong in it. */
    private static final class Reader {
        private final Path file;
        private final ObjectMapper json;
        private final SourceCatalog sources;
        private final Transforms transforms;
        private final List<String> errors;
        private final Map<String, Subject> subjects = new LinkedHashMap<>();
        private final List<Field> fields = new ArrayList<>();
        private final Set<String> usedSources = new LinkedHashSet<>();
        private Set<String> actingFor = Set.of();

        Reader(Path file, ObjectMapper json, SourceCatalog sources, Transforms transforms, List<String> errors) {
            this.file = file;
            this.json = json;
            this.sources = sources;
            this.transforms = transforms;
            this.errors = errors;
        }

        void error(String pointer, String reason) {
            errors.add(file + ": " + (pointer.isEmpty() ? "/" : pointer) + ": " + reason);
        }

        FormDefinition read() {
            String id = file.getFileName().toString().replace(SUFFIX, "");
            if (!id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                error("", "a form's file name must be <id>" + SUFFIX + " with a lower-case id of letters, digits and dashes");
            }
            JsonNode schema;
            try {
                schema = json.readTree(file.toFile());
            } catch (IOException e) {
                errors.add(file + ": not valid JSON: " + e.getMessage());
                return null;
            }
            JsonNode header = schema.path("x-form");
            if (!header.isObject()) {
                error("/x-form", "missing: every form needs x-form with procedureCode, version and subjects");
                return null;
            }
            String procedureCode = text(header, "procedureCode", "/x-form/procedureCode", true);
            if (procedureCode != null && !procedureCode.matches("[0-9A-Za-z.\\-]{1,32}")) {
                error("/x-form/procedureCode", "must be a national procedure code such as 1.001234");
            }
            String version = text(header, "version", "/x-form/version", true);
            String minLoa = header.path("minLoa").asText("LoA2");
            if (!LOAS.contains(minLoa)) {
                error("/x-form/minLoa", "must be one of " + LOAS);
            }
            Set<String> acting = new LinkedHashSet<>();
            JsonNode actingNode = header.path("actingFor");
            for (int i = 0; i < actingNode.size(); i++) {
                String type = actingNode.get(i).asText();
                if (!ACTING_FOR_TYPES.contains(type)) {
                    error("/x-form/actingFor/" + i, "unknown actingFor type '" + type + "' (known: " + ACTING_FOR_TYPES + ")");
                }
                acting.add(type);
            }
            this.actingFor = acting;
            readSubjects(header.path("subjects"));
            walk(schema, schema, "", "");
            if (fields.isEmpty()) {
                error("/properties", "the form binds no field (no x-prefill)");
            }
            return new FormDefinition(id, file, schema, schema.path("title").asText(id), version, procedureCode, minLoa,
                    Collections.unmodifiableSet(acting), Collections.unmodifiableMap(subjects), List.copyOf(fields),
                    Collections.unmodifiableSet(usedSources));
        }

        private String text(JsonNode node, String field, String pointer, boolean required) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual() || v.asText().isBlank()) {
                if (required) {
                    error(pointer, "required, a non-empty string");
                }
                return null;
            }
            return v.asText();
        }

        private void readSubjects(JsonNode node) {
            if (!node.isObject() || node.isEmpty()) {
                error("/x-form/subjects", "required: the subjects the form is about, e.g. {\"self\": {\"id\": \"token\"}}");
                return;
            }
            Map<String, JsonNode> pending = new LinkedHashMap<>();
            node.fields().forEachRemaining(e -> pending.put(e.getKey(), e.getValue()));
            // first the subjects known from the request, then those found in records, in dependency order
            boolean progress = true;
            while (!pending.isEmpty() && progress) {
                progress = false;
                for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    String pointer = "/x-form/subjects/" + e.getKey();
                    JsonNode id = e.getValue().path("id");
                    if (id.isTextual()) {
                        it.remove();
                        progress = true;
                        switch (id.asText()) {
                            case "token" -> subjects.put(e.getKey(), new Subject(e.getKey(), SubjectOrigin.TOKEN, null, null));
                            case "actingFor" -> {
                                if (actingFor.isEmpty()) {
                                    error(pointer + "/id", "\"actingFor\" needs x-form/actingFor to name the types the form accepts");
                                }
                                subjects.put(e.getKey(), new Subject(e.getKey(), SubjectOrigin.ACTING_FOR, null, null));
                            }
                            default -> error(pointer + "/id", "must be \"token\", \"actingFor\" or {\"from\": \"source@subject\", \"path\": \"/…\"}");
                        }
                        continue;
                    }
                    if (!id.isObject()) {
                        it.remove();
                        progress = true;
                        error(pointer + "/id", "must be \"token\", \"actingFor\" or {\"from\": \"source@subject\", \"path\": \"/…\"}");
                        continue;
                    }
                    String from = id.path("from").asText("");
                    int at = from.indexOf('@');
                    if (at > 0 && pending.containsKey(from.substring(at + 1)) && !from.substring(at + 1).equals(e.getKey())) {
                        continue; // depends on a subject not read yet
                    }
                    it.remove();
                    progress = true;
                    Read read = read(from, pointer + "/id/from");
                    if (read == null) {
                        continue;
                    }
                    readRecordSubject(e.getKey(), id, read, pointer + "/id");
                }
            }
            for (String name : pending.keySet()) {
                error("/x-form/subjects/" + name + "/id/from", "subjects depend on each other in a cycle");
            }
        }

        private void readRecordSubject(String name, JsonNode id, Read read, String pointer) {
            Locator locator = locator(id, pointer, read.source());
            if (locator != null) {
                subjects.put(name, new Subject(name, SubjectOrigin.RECORD, read, locator));
            }
        }

        /**
         * Reads {@code path} (and {@code where}/{@code select}) of a binding or subject and checks them
         * against the source's schema; null, with the errors noted, when they do not resolve.
         */
        private Locator locator(JsonNode binding, String pointer, String source) {
            String path = binding.path("path").asText(null);
            String file = "schemas/sources/" + source + SourceCatalog.SUFFIX;
            if (path == null) {
                error(pointer + "/path", "required: a JSON Pointer into the source's record");
                return null;
            }
            JsonNode sourceSchema = sources.get(source).schema();
            if (SchemaPaths.at(sourceSchema, sourceSchema, path) == null) {
                error(pointer + "/path", "'" + path + "' is not in " + file);
                return null;
            }
            if (!binding.has("where") && !binding.has("select")) {
                return Locator.at(path);
            }
            JsonNode items = SchemaPaths.at(sourceSchema, sourceSchema, path + "/0");
            if (items == null) {
                error(pointer + "/path", "with where/select, '" + path + "' must be an array in " + file);
                return null;
            }
            Map<String, String> where = new LinkedHashMap<>();
            boolean ok = true;
            for (var w : (Iterable<Map.Entry<String, JsonNode>>) binding.path("where")::fields) {
                if (SchemaPaths.at(sourceSchema, items, "/" + w.getKey()) == null) {
                    error(pointer + "/where/" + w.getKey(), "not a property of the elements of " + path + " in " + file);
                    ok = false;
                }
                where.put(w.getKey(), w.getValue().asText());
            }
            String select = binding.path("select").asText("");
            if (SchemaPaths.at(sourceSchema, items, select) == null) {
                error(pointer + "/select", "'" + select + "' is not in the elements of " + path + " in " + file);
                ok = false;
            }
            return ok ? new Locator(path, Map.copyOf(where), select) : null;
        }

        /** Parses "source@subject", checking both names. */
        private Read read(String from, String pointer) {
            int at = from.indexOf('@');
            if (at <= 0 || at == from.length() - 1) {
                error(pointer, "must be \"source@subject\", not \"" + from + "\"");
                return null;
            }
            Read read = new Read(from.substring(0, at), from.substring(at + 1));
            boolean ok = true;
            if (!sources.contains(read.source())) {
                error(pointer, "unknown source '" + read.source() + "' (known: " + String.join(", ", sources.names()) + ")");
                ok = false;
            }
            if (!subjects.containsKey(read.subject())) {
                error(pointer, "unknown subject '" + read.subject() + "' (declared in /x-form/subjects: "
                        + String.join(", ", subjects.keySet()) + ")");
                ok = false;
            }
            if (ok && !keyFits(read)) {
                error(pointer, "source '" + read.source() + "' is keyed by " + sources.get(read.source()).key()
                        + ", which subject '" + read.subject() + "' is not");
                ok = false;
            }
            if (ok) {
                usedSources.add(read.source());
            }
            return ok ? read : null;
        }

        private boolean keyFits(Read read) {
            Subject subject = subjects.get(read.subject());
            SourceCatalog.KeyKind key = sources.get(read.source()).key();
            return switch (subject.origin()) {
                case TOKEN -> key == SourceCatalog.KeyKind.CITIZEN_ID;
                case ACTING_FOR -> actingFor.contains("ENTERPRISE") == (key == SourceCatalog.KeyKind.ENTERPRISE_CODE)
                        || actingFor.size() > 1;
                case RECORD -> true;
            };
        }

        /** Finds every x-prefill under {@code node}, whose data lives at {@code dataPointer}. */
        private void walk(JsonNode root, JsonNode node, String schemaPointer, String dataPointer) {
            JsonNode properties = node.path("properties");
            properties.fields().forEachRemaining(p -> {
                String childSchema = schemaPointer + "/properties/" + escape(p.getKey());
                String childData = dataPointer + "/" + escape(p.getKey());
                JsonNode property = p.getValue();
                if (property.has("x-prefill")) {
                    field(property, childSchema, childData);
                } else {
                    walk(root, property, childSchema, childData);
                }
            });
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
                error(pointer, "must be a binding object or a non-empty array of them in precedence order");
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
            Read read = read(binding.path("from").asText(""), pointer + "/from");
            List<Transform> chain = transforms(binding.get("transform"), pointer + "/transform");
            List<IdCheck> checks = new ArrayList<>();
            JsonNode check = binding.path("checkAgainstId");
            for (int i = 0; i < check.size(); i++) {
                switch (check.get(i).asText()) {
                    case "sex" -> checks.add(IdCheck.SEX);
                    case "birthYear" -> checks.add(IdCheck.BIRTH_YEAR);
                    default -> error(pointer + "/checkAgainstId/" + i, "must be \"sex\" or \"birthYear\"");
                }
            }
            if (read == null || chain == null) {
                return null;
            }
            Locator locator = locator(binding, pointer, read.source());
            return locator == null ? null : new Candidate(read, locator, chain, binding.path("locked").asBoolean(false), List.copyOf(checks));
        }

        private void arrayField(JsonNode property, JsonNode binding, String pointer, String dataPointer, String schemaPointer) {
            if (!binding.isObject()) {
                error(pointer, "an array field takes one binding object, mapped element by element");
                return;
            }
            Candidate c = candidate(binding, pointer);
            if (c == null) {
                return;
            }
            JsonNode sourceSchema = sources.get(c.read().source()).schema();
            if (c.locator().select() != null) {
                error(pointer + "/select", "an array field maps the whole array at path; where/select are for single values");
                return;
            }
            JsonNode sourceItems = SchemaPaths.at(sourceSchema, sourceSchema, c.locator().path() + "/0");
            if (sourceItems == null) {
                error(pointer + "/path", "'" + c.locator().path() + "' is not an array in schemas/sources/" + c.read().source() + SourceCatalog.SUFFIX);
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
                    error(ep + "/path", "'" + path + "' is not in the elements of " + c.locator().path() + " in schemas/sources/"
                            + c.read().source() + SourceCatalog.SUFFIX);
                    return;
                }
                List<Transform> chain = transforms(eb.get("transform"), ep + "/transform");
                if (chain != null) {
                    elements.add(new Element(p.getKey(), path, chain));
                }
            });
            if (elements.isEmpty()) {
                error(schemaPointer + "/items/properties", "an array binding needs x-prefill {\"path\": …} on its element properties");
                return;
            }
            fields.add(new Field(dataPointer, List.of(c), List.copyOf(elements)));
        }

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
                    error(at, e.getMessage());
                    return null;
                }
            }
            return chain;
        }

        private static String escape(String token) {
            return token.replace("~", "~0").replace("/", "~1");
        }
    }
}
