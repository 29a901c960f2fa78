package vn.gov.prefill.form;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormDefinition.Read;
import vn.gov.prefill.form.FormDefinition.Subject;
import vn.gov.prefill.form.FormDefinition.SubjectOrigin;

/**
 * Reads {@code x-form/subjects} into {@code subjects}: first those known from the request (the token,
 * actingFor), then those found in another subject's record, in dependency order; a cycle is an error.
 */
final class SubjectReader {

    private static final String ID_SHAPE = "must be \"token\", \"actingFor\" or {\"from\": \"source@subject\", \"path\": \"/…\"}";

    private final FormErrors errors;
    private final SourceReferences references;
    private final Map<String, Subject> subjects;
    private final Set<String> actingFor;

    SubjectReader(FormErrors errors, SourceReferences references, Map<String, Subject> subjects, Set<String> actingFor) {
        this.errors = errors;
        this.references = references;
        this.subjects = subjects;
        this.actingFor = actingFor;
    }

    void read(JsonNode node) {
        if (!node.isObject() || node.isEmpty()) {
            errors.add("/x-form/subjects", "required: the subjects the form is about, e.g. {\"self\": {\"id\": \"token\"}}");
            return;
        }
        Map<String, JsonNode> pending = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> pending.put(e.getKey(), e.getValue()));
        boolean progress = true;
        while (!pending.isEmpty() && progress) {
            progress = false;
            for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
                var e = it.next();
                JsonNode id = e.getValue().path("id");
                if (id.isObject() && dependsOnPending(id, e.getKey(), pending)) {
                    continue;
                }
                it.remove();
                progress = true;
                subject(e.getKey(), id, "/x-form/subjects/" + e.getKey());
            }
        }
        for (String name : pending.keySet()) {
            errors.add("/x-form/subjects/" + name + "/id/from", "subjects depend on each other in a cycle");
        }
    }

    private static boolean dependsOnPending(JsonNode id, String name, Map<String, JsonNode> pending) {
        String from = id.path("from").asText("");
        int at = from.indexOf('@');
        return at > 0 && pending.containsKey(from.substring(at + 1)) && !from.substring(at + 1).equals(name);
    }

    private void subject(String name, JsonNode id, String pointer) {
        if (id.isTextual()) {
            switch (id.asText()) {
                case "token" -> subjects.put(name, new Subject(name, SubjectOrigin.TOKEN, null, null));
                case "actingFor" -> {
                    if (actingFor.isEmpty()) {
                        errors.add(pointer + "/id", "\"actingFor\" needs x-form/actingFor to name the types the form accepts");
                    }
                    subjects.put(name, new Subject(name, SubjectOrigin.ACTING_FOR, null, null));
                }
                default -> errors.add(pointer + "/id", ID_SHAPE);
            }
            return;
        }
        if (!id.isObject()) {
            errors.add(pointer + "/id", ID_SHAPE);
            return;
        }
        Read read = references.read(id.path("from").asText(""), pointer + "/id/from");
        if (read == null) {
            return;
        }
        Locator locator = references.locator(id, pointer + "/id", read.source());
        if (locator != null) {
            subjects.put(name, new Subject(name, SubjectOrigin.RECORD, read, locator));
        }
    }
}
