package vn.gov.prefill.form;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormDefinition.Attachment;
import vn.gov.prefill.form.FormDefinition.Subject;

/**
 * Reads a form's attachment slots: the properties of {@code /properties/attachments} with {@code x-attachment}
 * ({@code accepts}: the {@code MaKetQua} codes, {@code of}: whose documents, default {@code self}) and a title.
 * A slot is filled by reference when filing, never in the data, so it must not be required.
 */
final class AttachmentReader {

    static final Pattern RESULT_CODE = Pattern.compile("KQ\\.[A-Za-z0-9]+(\\.[A-Za-z0-9]+)*");
    static final String SLOTS = "/properties/attachments";

    private final FormErrors errors;
    private final SourceReferences references;
    private final Map<String, Subject> subjects;

    AttachmentReader(FormErrors errors, SourceReferences references, Map<String, Subject> subjects) {
        this.errors = errors;
        this.references = references;
        this.subjects = subjects;
    }

    /** The slots by their pointer ({@code /attachments/<slot>}); none when the form has no {@code attachments}. */
    Map<String, Attachment> read(JsonNode schema) {
        Map<String, Attachment> slots = new LinkedHashMap<>();
        JsonNode attachments = schema.path("properties").path("attachments");
        if (attachments.isMissingNode()) {
            return slots;
        }
        for (JsonNode required : schema.path("required")) {
            if ("attachments".equals(required.asText())) {
                errors.add("/required", "attachments are filed by reference, outside the data: 'attachments' must not be required");
            }
        }
        if (attachments.path("required").size() > 0) {
            errors.add(SLOTS + "/required", "attachment slots are filed by reference, outside the data: none may be required");
        }
        attachments.path("properties").fields().forEachRemaining(p -> {
            String pointer = SLOTS + "/properties/" + p.getKey();
            Attachment slot = slot(p.getValue(), pointer, "/attachments/" + p.getKey());
            if (slot != null) {
                slots.put(slot.pointer(), slot);
            }
        });
        if (slots.isEmpty() && attachments.path("properties").size() == 0) {
            errors.add(SLOTS, "declares no slot: give it properties with x-attachment, or leave it out");
        }
        return slots;
    }

    private Attachment slot(JsonNode property, String pointer, String dataPointer) {
        JsonNode spec = property.get("x-attachment");
        if (spec == null || !spec.isObject()) {
            errors.add(pointer + "/x-attachment", "required: every property of attachments is a slot, "
                    + "{\"accepts\": [\"KQ.…\"], \"of\": \"<subject>\"}");
            return null;
        }
        boolean ok = true;
        String title = property.path("title").asText("");
        if (title.isBlank()) {
            errors.add(pointer + "/title", "required: the slot's title, shown to the citizen");
            ok = false;
        }
        JsonNode accepts = spec.get("accepts");
        List<String> codes = new ArrayList<>();
        if (accepts == null || !accepts.isArray() || accepts.isEmpty()) {
            errors.add(pointer + "/x-attachment/accepts", "must be a non-empty array of document types (MaKetQua), such as [\"KQ.GKS\"]");
            ok = false;
        } else {
            for (int i = 0; i < accepts.size(); i++) {
                JsonNode code = accepts.get(i);
                if (!code.isTextual() || !RESULT_CODE.matcher(code.asText()).matches()) {
                    errors.add(pointer + "/x-attachment/accepts/" + i, "'" + code.asText() + "' is not a document type (MaKetQua) such as KQ.GKS");
                    ok = false;
                } else if (!codes.contains(code.asText())) {
                    codes.add(code.asText());
                }
            }
        }
        JsonNode of = spec.path("of");
        String subject = of.isMissingNode() ? "self" : of.asText("");
        if (!of.isMissingNode() && !of.isTextual()) {
            errors.add(pointer + "/x-attachment/of", "must be the name of a subject of /x-form/subjects");
            ok = false;
        } else if (!subjects.containsKey(subject)) {
            errors.add(pointer + "/x-attachment/of", "unknown subject '" + subject + "' (declared in /x-form/subjects: "
                    + String.join(", ", subjects.keySet()) + ")");
            ok = false;
        } else if (references.read(FormDefinition.DOSSIERS_SOURCE + "@" + subject, pointer + "/x-attachment/of") == null) {
            ok = false;
        }
        return ok ? new Attachment(dataPointer, title, List.copyOf(codes), subject) : null;
    }
}
