package vn.gov.prefill.flow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.gov.prefill.form.FormDefinition;
import vn.gov.prefill.form.FormDefinition.Attachment;
import vn.gov.prefill.identity.Citizen;
import vn.gov.prefill.source.SourceOutcome;

/**
 * The documents a form's attachment slots offer: the slot subject's digitised results of an accepted type (the
 * {@code dossiers} record the plan read), then, for a slot of {@code self}, the results handed back on the person's
 * own earlier dossiers. What the citizen sees, and what the prefill token keeps to build {@code ThanhPhanHoSo}.
 */
record AttachmentOffers(Map<String, List<PrefillResponse.Document>> documents, Map<String, List<PrefillTokens.Offer>> offers,
                        Map<String, List<String>> releasedBySubject) {

    static final String REGISTRY = FormDefinition.DOSSIERS_SOURCE;
    static final String HANDLING = "handling";

    static AttachmentOffers of(FormDefinition form, Map<FormDefinition.Read, SourceOutcome> outcomes, Citizen citizen,
                               EarlierResults earlier) {
        Map<String, List<PrefillResponse.Document>> documents = new LinkedHashMap<>();
        Map<String, List<PrefillTokens.Offer>> offers = new LinkedHashMap<>();
        Map<String, List<String>> released = new LinkedHashMap<>();
        for (Attachment slot : form.attachments().values()) {
            List<PrefillResponse.Document> docs = new ArrayList<>();
            List<PrefillTokens.Offer> offered = new ArrayList<>();
            Set<String> refs = new HashSet<>();
            SourceOutcome outcome = outcomes.get(slot.read());
            if (outcome != null && outcome.hasRecord()) {
                for (JsonNode item : outcome.record().path("DanhSachGiayToKetQua")) {
                    String type = item.path("MaKetQua").asText("");
                    JsonNode file = firstFile(item.path("DanhSachTepDinhKem"));
                    if (slot.accepts().contains(type) && file != null && refs.add(file.path("DuongDan").asText())) {
                        docs.add(new PrefillResponse.Document(file.path("DuongDan").asText(), text(item, "TenGiayTo"),
                                text(item, "CoQuanChuQuan"), text(item, "NgayCap"), REGISTRY));
                        offered.add(new PrefillTokens.Offer(type, text(item, "SoKyHieu"), file.path("DuongDan").asText(),
                                text(file, "MaHash")));
                    }
                }
                if (!docs.isEmpty()) {
                    released.computeIfAbsent(slot.of(), s -> new ArrayList<>()).add(slot.pointer());
                }
            }
            if ("self".equals(slot.of())) {
                for (EarlierResults.Result r : earlier.of(citizen, slot.accepts())) {
                    if (r.ref() != null && slot.accepts().contains(r.type()) && refs.add(r.ref())) {
                        docs.add(new PrefillResponse.Document(r.ref(), r.title(), null, r.issuedOn(), HANDLING));
                        offered.add(new PrefillTokens.Offer(r.type(), r.number(), r.ref(), r.hash()));
                    }
                }
            }
            documents.put(slot.pointer(), List.copyOf(docs));
            offers.put(slot.pointer(), List.copyOf(offered));
        }
        return new AttachmentOffers(documents, offers, released);
    }

    /** The first file of a result with a link: what a reference points to. */
    private static JsonNode firstFile(JsonNode files) {
        for (JsonNode f : files) {
            if (f.path("DuongDan").isTextual() && !f.path("DuongDan").asText().isBlank()) {
                return f;
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || !v.isTextual() || v.asText().isBlank() ? null : v.asText();
    }
}
