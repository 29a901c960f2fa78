package vn.gov.prefill.form;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.binding.SchemaPaths;
import vn.gov.prefill.form.FormDefinition.Read;
import vn.gov.prefill.form.FormDefinition.Subject;
import vn.gov.prefill.source.SourceCatalog;

/**
 * The references of one form into its registries' records: {@code source@subject} (a known source, a
 * declared subject, a key that fits) and {@code path}/{@code where}/{@code select}, checked against the
 * source's schema.
 */
final class SourceReferences {

    private final SourceCatalog sources;
    private final FormErrors errors;
    private final Map<String, Subject> subjects;
    private final Set<String> actingFor;
    private final Set<String> used = new LinkedHashSet<>();

    SourceReferences(SourceCatalog sources, FormErrors errors, Map<String, Subject> subjects, Set<String> actingFor) {
        this.sources = sources;
        this.errors = errors;
        this.subjects = subjects;
        this.actingFor = actingFor;
    }

    /** The sources the form reads, in the order first referenced. */
    Set<String> used() {
        return used;
    }

    JsonNode schemaOf(String source) {
        return sources.get(source).schema();
    }

    /** Parses "source@subject", checking both names; null, with the errors noted, when it does not resolve. */
    Read read(String from, String pointer) {
        int at = from.indexOf('@');
        if (at <= 0 || at == from.length() - 1) {
            errors.add(pointer, "must be \"source@subject\", not \"" + from + "\"");
            return null;
        }
        Read read = new Read(from.substring(0, at), from.substring(at + 1));
        boolean ok = true;
        if (!sources.contains(read.source())) {
            errors.add(pointer, "unknown source '" + read.source() + "' (known: " + String.join(", ", sources.names()) + ")");
            ok = false;
        }
        if (!subjects.containsKey(read.subject())) {
            errors.add(pointer, "unknown subject '" + read.subject() + "' (declared in /x-form/subjects: "
                    + String.join(", ", subjects.keySet()) + ")");
            ok = false;
        }
        if (ok && !keyFits(read)) {
            errors.add(pointer, "source '" + read.source() + "' is keyed by " + sources.get(read.source()).key()
                    + ", which subject '" + read.subject() + "' is not");
            ok = false;
        }
        if (ok) {
            used.add(read.source());
        }
        return ok ? read : null;
    }

    private boolean keyFits(Read read) {
        Subject subject = subjects.get(read.subject());
        SourceCatalog.KeyKind key = sources.get(read.source()).key();
        if (key == SourceCatalog.KeyKind.ANY) {
            return true;
        }
        return switch (subject.origin()) {
            case TOKEN -> key == SourceCatalog.KeyKind.CITIZEN_ID;
            case ACTING_FOR -> actingFor.contains("ENTERPRISE") == (key == SourceCatalog.KeyKind.ENTERPRISE_CODE)
                    || actingFor.size() > 1;
            case RECORD -> true;
        };
    }

    /**
     * Reads {@code path} (and {@code where}/{@code select}) of a binding or subject and checks them
     * against the source's schema; null, with the errors noted, when they do not resolve.
     */
    Locator locator(JsonNode binding, String pointer, String source) {
        String path = binding.path("path").asText(null);
        String file = fileOf(source);
        if (path == null) {
            errors.add(pointer + "/path", "required: a JSON Pointer into the source's record");
            return null;
        }
        JsonNode sourceSchema = schemaOf(source);
        if (SchemaPaths.at(sourceSchema, sourceSchema, path) == null) {
            errors.add(pointer + "/path", "'" + path + "' is not in " + file);
            return null;
        }
        if (!binding.has("where") && !binding.has("select")) {
            return Locator.at(path);
        }
        JsonNode items = SchemaPaths.at(sourceSchema, sourceSchema, path + "/0");
        if (items == null) {
            errors.add(pointer + "/path", "with where/select, '" + path + "' must be an array in " + file);
            return null;
        }
        Map<String, String> where = new LinkedHashMap<>();
        boolean ok = true;
        for (var w : (Iterable<Map.Entry<String, JsonNode>>) binding.path("where")::fields) {
            if (SchemaPaths.at(sourceSchema, items, "/" + w.getKey()) == null) {
                errors.add(pointer + "/where/" + w.getKey(), "not a property of the elements of " + path + " in " + file);
                ok = false;
            }
            where.put(w.getKey(), w.getValue().asText());
        }
        String select = binding.path("select").asText("");
        if (SchemaPaths.at(sourceSchema, items, select) == null) {
            errors.add(pointer + "/select", "'" + select + "' is not in the elements of " + path + " in " + file);
            ok = false;
        }
        return ok ? new Locator(path, Map.copyOf(where), select) : null;
    }

    static String fileOf(String source) {
        return "schemas/sources/" + source + SourceCatalog.SUFFIX;
    }
}
