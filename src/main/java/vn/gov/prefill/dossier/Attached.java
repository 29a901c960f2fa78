package vn.gov.prefill.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.edge.problem.ApiProblem;
import vn.gov.prefill.edge.problem.ApiProblem.FieldError;
import vn.gov.prefill.flow.PrefillTokens;
import vn.gov.prefill.form.FormDefinition;

/**
 * A filing's {@code attachments}: {@code {"<slot pointer>": {"documentRef": "…"}}}, references only. Each must name a
 * slot of the form, and its reference one of the documents of an accepted type the prefill token says that slot
 * offered this person; anything else is a 422 naming the slot, and nothing is filed.
 */
final class Attached {

    static final String UNKNOWN_SLOT = "unknown attachment slot";
    static final String NOT_YOURS = "not one of your documents of an accepted type";

    private Attached() { }

    /** The documents referred to, in the order sent; none when the filing has no {@code attachments}. */
    static List<PrefillTokens.Offer> of(JsonNode attachments, FormDefinition form, PrefillTokens.Prefilled prefill) {
        if (attachments == null || attachments.isNull()) {
            return List.of();
        }
        if (!attachments.isObject()) {
            throw ApiProblem.badRequest("invalid-request", "Invalid request", List.of(new FieldError("/attachments",
                    "send {\"<slot pointer>\": {\"documentRef\": \"…\"}} for each slot filled by reference, or leave it out")));
        }
        List<PrefillTokens.Offer> attached = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        attachments.fields().forEachRemaining(e -> {
            String slotPointer = e.getKey();
            FormDefinition.Attachment slot = form.attachments().get(slotPointer);
            if (slot == null) {
                errors.add(new FieldError(slotPointer, UNKNOWN_SLOT + " (this form's: " + String.join(", ", form.attachments().keySet()) + ")"));
                return;
            }
            JsonNode ref = e.getValue().path("documentRef");
            if (!e.getValue().isObject() || !ref.isTextual() || ref.asText().isBlank() || e.getValue().size() != 1) {
                errors.add(new FieldError(slotPointer, "send {\"documentRef\": \"…\"}: one of the documents the prefill offered"));
                return;
            }
            PrefillTokens.Offer offer = prefill.attachments().getOrDefault(slotPointer, List.of()).stream()
                    .filter(o -> ref.asText().equals(o.ref()) && slot.accepts().contains(o.type())).findFirst().orElse(null);
            if (offer == null) {
                errors.add(new FieldError(slotPointer, NOT_YOURS));
            } else {
                attached.add(offer);
            }
        });
        if (!errors.isEmpty()) {
            throw new ApiProblem(422, "invalid-attachment", "Invalid attachment",
                    errors.size() + " attachment(s) cannot be filed; see errors", errors, Map.of());
        }
        return List.copyOf(attached);
    }
}
