package vn.gov.prefill.suggestion;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.binding.SchemaPaths;
import vn.gov.prefill.form.FormCatalog;
import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.plan.RecordPlan;
import vn.gov.prefill.source.SourceCatalog;

/**
 * Reads and checks one rule file: known sources and routes, pointers that exist in the records' schemas,
 * JsonLogic operations the engine has, a form that accepts the rule's actingFor. Every problem is noted
 * as "file: pointer: reason"; the rule is null when there is any.
 */
final class RuleReader {

    static final Set<String> ACTING_FOR = Set.of("CHILD", "ENTERPRISE");
    private static final Set<String> SCOPED = Set.of("map", "filter", "reduce", "all", "none", "some");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    /** A route of a registry other than its own, as {@code rules/routes.json} declares it. */
    record Route(String endpoint, SourceCatalog.KeyKind key, JsonNode schema) { }

    private final Path file;
    private final ObjectMapper json;
    private final SourceCatalog sources;
    private final FormCatalog forms;
    private final Map<String, Route> routes;
    private final List<String> errors;
    private final Map<String, JsonNode> schemas = new LinkedHashMap<>();

    RuleReader(Path file, ObjectMapper json, SourceCatalog sources, FormCatalog forms, Map<String, Route> routes, List<String> errors) {
        this.file = file;
        this.json = json;
        this.sources = sources;
        this.forms = forms;
        this.routes = routes;
        this.errors = errors;
    }

    LifeEventRule read() {
        JsonNode rule;
        try {
            rule = json.readTree(file.toFile());
        } catch (IOException e) {
            errors.add(file + ": not valid JSON: " + e.getMessage());
            return null;
        }
        int before = errors.size();
        String lifeEvent = text(rule, "lifeEvent", true);
        String name = file.getFileName().toString().replaceFirst("\\.json$", "");
        if (lifeEvent != null && !lifeEvent.equals(name)) {
            error("/lifeEvent", "must be the file's name, " + name);
        }
        String title = text(rule, "title", true);
        String formId = text(rule, "formId", false);
        FormDefinition form = formId == null ? null : forms.get(formId);
        if (formId != null && form == null) {
            error("/formId", "unknown form '" + formId + "' (schemas/forms/" + formId + FormCatalog.SUFFIX + ")");
        }
        String procedureCode = text(rule, "procedureCode", form == null);
        if (procedureCode == null && form != null) {
            procedureCode = form.procedureCode();
        }
        RecordPlan.FanOut fanOut = fanOut(rule.get("subject"));
        Map<String, RecordPlan.Lookup> reads = reads(rule.path("reads"), fanOut);
        String actingFor = actingFor(rule.get("actingFor"), fanOut, form);
        String condition = logic(rule.get("condition"), "/condition", true, reads, fanOut);
        String dueBy = logic(rule.get("dueBy"), "/dueBy", false, reads, fanOut);
        Map<String, String> values = new LinkedHashMap<>();
        rule.path("values").fields().forEachRemaining(v -> values.put(v.getKey(),
                logic(v.getValue(), "/values/" + v.getKey(), true, reads, fanOut)));
        String reason = text(rule, "reason", true);
        if (reason != null) {
            Matcher m = PLACEHOLDER.matcher(reason);
            while (m.find()) {
                if (!values.containsKey(m.group(1))) {
                    error("/reason", "{" + m.group(1) + "} is not in /values");
                }
            }
        }
        List<LifeEventRule.Evidence> evidence = evidence(rule.path("evidence"), reads, fanOut);
        if (errors.size() > before) {
            return null;
        }
        return new LifeEventRule(file, lifeEvent, title, procedureCode, formId, reads, fanOut, actingFor, condition, dueBy, reason,
                values, evidence);
    }

    /** {@code subject}: {@code {name, from: {source, route}, each, id}}, found in a record about the caller. */
    private RecordPlan.FanOut fanOut(JsonNode s) {
        if (s == null || s.isNull()) {
            return null;
        }
        String name = text(s, "name", true, "/subject/name");
        if (RecordPlan.SELF.equals(name)) {
            error("/subject/name", "'self' is the caller; name the subject found in the record");
        }
        RecordPlan.Lookup from = lookup(s.path("from"), "/subject/from", RecordPlan.SELF);
        String each = s.hasNonNull("each") ? s.get("each").asText() : null;
        String id = text(s, "id", true, "/subject/id");
        if (from == null || name == null || id == null) {
            return null;
        }
        JsonNode schema = schemaOf(from);
        JsonNode element = schema;
        if (each != null) {
            JsonNode array = SchemaPaths.at(schema, schema, each);
            element = array == null ? null : SchemaPaths.at(schema, schema, each + "/0");
            if (element == null) {
                error("/subject/each", "'" + each + "' is not an array in " + where(from));
                return null;
            }
        }
        if (SchemaPaths.at(schema, element, id) == null) {
            error("/subject/id", "'" + id + "' is not in " + (each == null ? "" : "the elements of " + each + " in ") + where(from));
            return null;
        }
        return new RecordPlan.FanOut(name, from, each, id);
    }

    private Map<String, RecordPlan.Lookup> reads(JsonNode node, RecordPlan.FanOut fanOut) {
        Map<String, RecordPlan.Lookup> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> {
            String pointer = "/reads/" + e.getKey();
            if ("today".equals(e.getKey()) || fanOut != null && fanOut.name().equals(e.getKey())) {
                error(pointer, "'" + e.getKey() + "' is taken (today, the subject's name)");
                return;
            }
            String subject = e.getValue().path("subject").asText(RecordPlan.SELF);
            if (!RecordPlan.SELF.equals(subject) && (fanOut == null || !fanOut.name().equals(subject))) {
                error(pointer + "/subject", "unknown subject '" + subject + "' (self" + (fanOut == null ? "" : " or " + fanOut.name()) + ")");
                return;
            }
            RecordPlan.Lookup lookup = lookup(e.getValue(), pointer, subject);
            if (lookup != null) {
                out.put(e.getKey(), lookup);
            }
        });
        return out;
    }

    /** {@code {source, route}}: the source's own route, or one of {@code rules/routes.json}. */
    private RecordPlan.Lookup lookup(JsonNode node, String pointer, String subject) {
        String source = text(node, "source", true, pointer + "/source");
        if (source == null) {
            return null;
        }
        if (!sources.contains(source)) {
            error(pointer + "/source", "unknown source '" + source + "' (known: " + String.join(", ", sources.names()) + ")");
            return null;
        }
        String route = node.hasNonNull("route") ? node.get("route").asText() : null;
        if (route == null && RecordPlan.SELF.equals(subject) && sources.get(source).key() != SourceCatalog.KeyKind.CITIZEN_ID) {
            error(pointer + "/source", "source '" + source + "' is keyed by " + sources.get(source).key() + ", which the caller is not");
            return null;
        }
        RecordPlan.Lookup lookup;
        if (route == null) {
            lookup = new RecordPlan.Lookup(source, null, null, subject);
            schemas.put(key(lookup), sources.get(source).schema());
        } else {
            Route r = routes.get(source + "/" + route);
            if (r == null) {
                error(pointer + "/route", "unknown route '" + route + "' of " + source + " (rules/routes.json: " + String.join(", ", routes.keySet()) + ")");
                return null;
            }
            lookup = new RecordPlan.Lookup(source, r.endpoint(), r.key(), subject);
            schemas.put(key(lookup), r.schema());
        }
        return lookup;
    }

    private String actingFor(JsonNode node, RecordPlan.FanOut fanOut, FormDefinition form) {
        String type = node == null || node.isNull() ? null : node.asText();
        if (type != null && !ACTING_FOR.contains(type)) {
            error("/actingFor", "must be CHILD, ENTERPRISE or null (oneself), not '" + type + "'");
            return null;
        }
        if (type != null && fanOut == null) {
            error("/actingFor", "acting for " + type + " needs /subject: whom the suggestion is for");
        }
        if (form != null && (type == null ? !form.actingFor().isEmpty() : !form.actingFor().contains(type))) {
            error("/actingFor", "form " + form.id() + " is filed " + (form.actingFor().isEmpty() ? "only for oneself"
                    : "for " + String.join(" or ", form.actingFor())));
        }
        return type;
    }

    private List<LifeEventRule.Evidence> evidence(JsonNode node, Map<String, RecordPlan.Lookup> reads, RecordPlan.FanOut fanOut) {
        List<LifeEventRule.Evidence> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode e = node.get(i);
            String pointer = "/evidence/" + i;
            String read = e.path("read").asText(null);
            boolean element = fanOut != null && fanOut.name().equals(read);
            RecordPlan.Lookup lookup = element ? fanOut.from() : reads.get(read);
            if (lookup == null) {
                error(pointer + "/read", "unknown read '" + read + "' (" + String.join(", ", reads.keySet()) + (fanOut == null ? "" : ", " + fanOut.name()) + ")");
                continue;
            }
            String at = e.path("pointer").asText(null);
            Map<String, String> where = new LinkedHashMap<>();
            e.path("where").fields().forEachRemaining(w -> where.put(w.getKey(), w.getValue().asText()));
            if (at != null) {
                JsonNode schema = schemaOf(lookup);
                JsonNode base = element && fanOut.each() != null ? SchemaPaths.at(schema, schema, fanOut.each() + "/0") : schema;
                String full = where.isEmpty() ? at : at + "/0" + e.path("select").asText("");
                if (SchemaPaths.at(schema, base, full) == null) {
                    error(pointer + "/pointer", "'" + full + "' is not in " + (element ? "the elements of " + fanOut.each() + " in " : "") + where(lookup));
                    continue;
                }
            }
            out.add(new LifeEventRule.Evidence(read, at, Map.copyOf(where), e.path("select").asText("")));
        }
        return out;
    }

    /** Checks a JsonLogic expression (its operations, its {@code var}s) and gives it back as text. */
    private String logic(JsonNode node, String pointer, boolean required, Map<String, RecordPlan.Lookup> reads, RecordPlan.FanOut fanOut) {
        if (node == null || node.isNull()) {
            if (required) {
                error(pointer, "required: a JsonLogic expression");
            }
            return null;
        }
        walk(node, pointer, true, reads, fanOut);
        return node.toString();
    }

    private void walk(JsonNode node, String pointer, boolean scoped, Map<String, RecordPlan.Lookup> reads, RecordPlan.FanOut fanOut) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), pointer + "/" + i, scoped, reads, fanOut);
            }
            return;
        }
        if (!node.isObject() || node.size() != 1) {
            return;
        }
        String op = node.fieldNames().next();
        JsonNode args = node.get(op);
        String at = pointer + "/" + op.replace("~", "~0").replace("/", "~1");
        if ("var".equals(op)) {
            JsonNode name = args.isArray() ? args.path(0) : args;
            if (scoped && name.isTextual()) {
                checkVar(name.asText(), at, reads, fanOut);
            }
            return;
        }
        if (!DateOperations.BUILT_IN.contains(op) && !DateOperations.names().contains(op)) {
            error(at, "unknown operation '" + op + "' (JsonLogic's, and " + String.join(", ", DateOperations.names()) + ")");
            return;
        }
        if (SCOPED.contains(op) && args.isArray()) {
            for (int i = 0; i < args.size(); i++) {
                // past the first argument, a var names a property of the element being visited
                walk(args.get(i), at + "/" + i, scoped && i == 0, reads, fanOut);
            }
            return;
        }
        walk(args, at, scoped, reads, fanOut);
    }

    private void checkVar(String name, String pointer, Map<String, RecordPlan.Lookup> reads, RecordPlan.FanOut fanOut) {
        String[] parts = name.split("\\.");
        if ("today".equals(name)) {
            return;
        }
        String rest = parts.length > 1 ? "/" + String.join("/", java.util.Arrays.copyOfRange(parts, 1, parts.length)) : "";
        if (fanOut != null && fanOut.name().equals(parts[0])) {
            JsonNode schema = schemaOf(fanOut.from());
            JsonNode element = fanOut.each() == null ? schema : SchemaPaths.at(schema, schema, fanOut.each() + "/0");
            if (SchemaPaths.at(schema, element, rest) == null) {
                error(pointer, "'" + name + "': '" + rest + "' is not in the " + fanOut.name() + " element of " + where(fanOut.from()));
            }
            return;
        }
        RecordPlan.Lookup lookup = reads.get(parts[0]);
        if (lookup == null) {
            error(pointer, "'" + name + "' names no read (today, " + String.join(", ", reads.keySet())
                    + (fanOut == null ? "" : ", " + fanOut.name()) + ")");
            return;
        }
        if (parts.length == 1 || "status".equals(parts[1]) && parts.length == 2) {
            return;
        }
        if (!"record".equals(parts[1])) {
            error(pointer, "'" + name + "': a read has a status and a record");
            return;
        }
        String inRecord = parts.length > 2 ? "/" + String.join("/", java.util.Arrays.copyOfRange(parts, 2, parts.length)) : "";
        JsonNode schema = schemaOf(lookup);
        if (SchemaPaths.at(schema, schema, inRecord) == null) {
            error(pointer, "'" + name + "': '" + inRecord + "' is not in " + where(lookup));
        }
    }

    private JsonNode schemaOf(RecordPlan.Lookup lookup) {
        return schemas.get(key(lookup));
    }

    private static String key(RecordPlan.Lookup lookup) {
        return lookup.source() + "|" + lookup.endpoint();
    }

    private static String where(RecordPlan.Lookup lookup) {
        return lookup.endpoint() == null ? "schemas/sources/" + lookup.source() + SourceCatalog.SUFFIX
                : "the record of " + lookup.endpoint() + " (rules/routes.json)";
    }

    private String text(JsonNode node, String field, boolean required) {
        return text(node, field, required, "/" + field);
    }

    private String text(JsonNode node, String field, boolean required, String pointer) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                error(pointer, "required");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            error(pointer, "must be a non-empty string");
            return null;
        }
        return v.asText();
    }

    private void error(String pointer, String reason) {
        errors.add(file + ": " + pointer + ": " + reason);
    }
}
