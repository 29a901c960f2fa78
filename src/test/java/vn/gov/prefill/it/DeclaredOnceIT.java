package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Declared once: what a citizen typed in one filing, kept with their consent (encrypted), offered again in
 * the next form as {@code declared} with its date and SELF_DECLARED, recorded in the disclosure log, listed
 * and erased by the citizen for good; nothing kept without consent.
 */
@TestPropertySource(properties = "spring.datasource.url=jdbc:h2:mem:declared-once;MODE=PostgreSQL;DB_CLOSE_DELAY=-1")
class DeclaredOnceIT extends DossierTestSupport {

    static final String PHONE = "0912345678";
    static final String EMAIL = "hoa.nguyen@example.vn";

    @Autowired
    DataSource dataSource;

    JdbcTemplate jdbc() {
        return new JdbcTemplate(dataSource);
    }

    /** Files the criminal-record request as this token's person with phone and e-mail typed in, keeping them or not. */
    Answer fileTyping(String token, String phone, String email, String declare) {
        Answer prefill = prefill(FORM, token, null);
        ObjectNode data = completed(prefill);
        ObjectNode applicant = (ObjectNode) data.get("applicant");
        applicant.put("phone", phone);
        applicant.put("email", email);
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", prefill.body().get("prefillToken").asText());
        if (declare != null) {
            try {
                body.set("declare", JSON.readTree(declare));
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return call("POST", "/api/v1/forms/" + FORM + "/dossiers", token, "application/json", body.toString());
    }

    List<String> ciphertexts() {
        return jdbc().queryForList("SELECT ciphertext FROM declared_value", String.class);
    }

    @Test
    void keptWithConsentOfferedInTheNextFormRecordedListedAndErasedForGood() {
        String hoa = token("hoa");
        call("DELETE", "/api/v1/me/profile", hoa, null, null);
        Answer filed = fileTyping(hoa, PHONE, EMAIL, "{\"keep\": true}");
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        assertThat(filed.body().at("/declared/kept").toString()).isEqualTo("[\"contact.phone\",\"contact.email\"]");

        // the next form: residence-change, never filed, offers them
        Answer next = prefill("residence-change", hoa, null);
        assertThat(next.status()).isEqualTo(200);
        assertThat(next.body().at("/data/applicant/phone").asText()).isEqualTo(PHONE);
        assertThat(next.body().at("/data/applicant/email").asText()).isEqualTo(EMAIL);
        JsonNode phone = next.body().at("/fields/~1applicant~1phone");
        assertThat(phone.get("status").asText()).isEqualTo("PREFILLED");
        assertThat(phone.get("source").asText()).isEqualTo("declared");
        assertThat(phone.get("locked").asBoolean()).isFalse();
        assertThat(phone.get("flags").toString()).isEqualTo("[\"SELF_DECLARED\"]");
        assertThat(phone.get("asOf").asText()).isEqualTo(filed.body().get("filedAt").asText());
        assertThat(next.body().at("/sources/declared/status").asText()).isEqualTo("OK");

        // the read is in the disclosure log Hoa reads
        JsonNode disclosures = call("GET", "/api/v1/me/disclosures", hoa, null, null).body();
        JsonNode latest = disclosures.get("items").get(0);
        assertThat(latest.at("/form/id").asText()).isEqualTo("residence-change");
        assertThat(latest.get("requestId").asText()).isEqualTo(next.body().get("requestId").asText());
        assertThat(latest.at("/sources/declared").asText()).isEqualTo("OK");
        assertThat(latest.get("releasedPointers")).extracting(JsonNode::asText).contains("/applicant/phone", "/applicant/email");

        // her list
        Answer profile = call("GET", "/api/v1/me/profile", hoa, null, null);
        assertThat(profile.status()).isEqualTo(200);
        assertThat(profile.body().findValuesAsText("key")).containsExactly("contact.email", "contact.phone");
        assertThat(profile.body().get(1).get("value").asText()).isEqualTo(PHONE);
        assertThat(profile.body().get(1).get("formId").asText()).isEqualTo(FORM);
        assertThat(profile.body().get(1).get("title").asText()).isEqualTo("Số điện thoại");

        // at rest: ciphertext only
        List<String> sealed = ciphertexts();
        assertThat(sealed).isNotEmpty().noneMatch(c -> c.contains(PHONE) || c.contains(EMAIL) || c.contains("hoa.nguyen"));
        String dump = jdbc().queryForList("SELECT * FROM declared_value").toString();
        assertThat(dump).doesNotContain(PHONE, EMAIL, "027190001234");

        // erasing the phone: at once, for good
        assertThat(call("DELETE", "/api/v1/me/profile/contact.phone", hoa, null, null).status()).isEqualTo(204);
        assertThat(ciphertexts()).hasSize(sealed.size() - 1);
        Answer after = prefill("residence-change", hoa, null);
        assertThat(after.body().at("/data/applicant/phone").isMissingNode()).isTrue();
        assertThat(after.body().at("/fields/~1applicant~1phone/status").asText()).isEqualTo("EMPTY");
        assertThat(after.body().at("/data/applicant/email").asText()).isEqualTo(EMAIL);

        assertThat(call("DELETE", "/api/v1/me/profile", hoa, null, null).status()).isEqualTo(204);
        assertThat(call("GET", "/api/v1/me/profile", hoa, null, null).body()).isEmpty();
        assertThat(prefill("residence-change", hoa, null).body().at("/sources/declared/status").asText()).isEqualTo("NOT_FOUND");
    }

    @Test
    void withoutConsentNothingIsKeptAndAValueItsKeyRefusesIsNotKept() {
        String tam = token("tam");
        call("DELETE", "/api/v1/me/profile", tam, null, null);
        int before = ciphertexts().size();

        Answer silent = fileTyping(tam, PHONE, EMAIL, null);
        assertThat(silent.status()).as("%s", silent.body()).isEqualTo(201);
        assertThat(silent.body().has("declared")).isFalse();
        Answer declined = fileTyping(tam, PHONE, EMAIL, "{\"keep\": false}");
        assertThat(declined.status()).isEqualTo(201);
        assertThat(declined.body().has("declared")).isFalse();
        assertThat(ciphertexts()).hasSize(before);
        assertThat(call("GET", "/api/v1/me/profile", tam, null, null).body()).isEmpty();

        // the form takes any text as a phone; the declared key does not
        Answer odd = fileTyping(tam, "gọi sau 5 giờ", EMAIL, "{\"keep\": true}");
        assertThat(odd.body().at("/declared/kept").toString()).isEqualTo("[\"contact.email\"]");
        call("DELETE", "/api/v1/me/profile", tam, null, null);
    }

    /**
     * An enterprise's declared e-mail belongs to the enterprise: kept when its representative files for it, offered to
     * whoever may act for it (the representative, the organisation account), behind the registry's own value, and to
     * nobody else.
     */
    @Test
    void anEnterprisesDeclaredValuesAreItsOwnAndOfferedOnlyToThoseWhoMayActForIt() {
        String binh = token("binh");
        String acting = "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"2401122337\"}}";
        String organisation = token(java.util.Map.of("enterpriseCode", "2401122337"));
        call("DELETE", "/api/v1/me/profile", organisation, null, null);
        Answer before = prefill("enterprise-change-notice", binh, acting);
        assertThat(before.body().at("/fields/~1enterprise~1email/status").asText()).isEqualTo("EMPTY");
        assertThat(before.body().at("/fields/~1enterprise~1phone/source").asText()).isEqualTo("business");

        ObjectNode data = (ObjectNode) before.body().get("data").deepCopy();
        ((ObjectNode) data.get("enterprise")).put("email", "lienhe@binhminh.example.vn");
        data.put("changes", "Bổ sung thư điện tử liên hệ");
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", before.body().get("prefillToken").asText());
        body.putObject("declare").put("keep", true);
        Answer filed = call("POST", "/api/v1/forms/enterprise-change-notice/dossiers", binh, "application/json", body.toString());
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        // the registry's phone is written with spaces, which the declared key refuses: only the e-mail is kept
        assertThat(filed.body().at("/declared/kept").toString()).isEqualTo("[\"contact.email\"]");

        Answer after = prefill("enterprise-change-notice", binh, acting);
        assertThat(after.body().at("/data/enterprise/email").asText()).isEqualTo("lienhe@binhminh.example.vn");
        assertThat(after.body().at("/fields/~1enterprise~1email/source").asText()).isEqualTo("declared");
        assertThat(after.body().at("/fields/~1enterprise~1phone/source").asText()).as("the registry first").isEqualTo("business");
        // the enterprise's, not Bình's own
        assertThat(call("GET", "/api/v1/me/profile", binh, null, null).body().findValuesAsText("value"))
                .doesNotContain("lienhe@binhminh.example.vn");
        assertThat(call("GET", "/api/v1/me/profile", organisation, null, null).body().findValuesAsText("value"))
                .containsExactly("lienhe@binhminh.example.vn");
        // nobody else may act for it, so nobody else reads it
        Answer stranger = prefill("enterprise-change-notice", token("hoa"), acting);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().toString()).doesNotContain("lienhe@binhminh");
        call("DELETE", "/api/v1/me/profile", organisation, null, null);
        assertThat(prefill("enterprise-change-notice", binh, acting).body().at("/fields/~1enterprise~1email/status").asText())
                .isEqualTo("EMPTY");
    }

    /**
     * A child's declared clinic belongs to the child: kept when a parent files for the child, offered to whoever may act
     * for the child (either parent) before the parent's own card's clinic, and to nobody else.
     */
    @Test
    void aChildsDeclaredValuesAreTheChildsAndOfferedOnlyToThoseWhoMayActForIt() {
        String hoa = token("hoa");
        String an = "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"027224009876\"}}";
        Answer before = prefill("child-health-insurance", hoa, an);
        assertThat(before.body().at("/fields/~1preferredClinic~1code/source").asText()).as("the parent's card").isEqualTo("insurance");

        ObjectNode data = (ObjectNode) before.body().get("data").deepCopy();
        ObjectNode clinic = data.putObject("preferredClinic");
        clinic.put("code", "27001");
        clinic.put("name", "Trạm Y tế phường Kinh Bắc");
        ObjectNode body = JSON.createObjectNode();
        body.set("data", data);
        body.put("prefillToken", before.body().get("prefillToken").asText());
        body.putObject("declare").put("keep", true);
        Answer filed = call("POST", "/api/v1/forms/child-health-insurance/dossiers", hoa, "application/json", body.toString());
        assertThat(filed.status()).as("%s", filed.body()).isEqualTo(201);
        assertThat(filed.body().at("/declared/kept").toString()).isEqualTo("[\"health.primaryClinicCode\",\"health.primaryClinicName\"]");

        // An's, offered to his mother and to his father (who may act for him too), first in the form's order
        for (String parent : List.of("hoa", "binh")) {
            Answer after = prefill("child-health-insurance", token(parent), an);
            assertThat(after.status()).isEqualTo(200);
            assertThat(after.body().at("/data/preferredClinic/code").asText()).as(parent).isEqualTo("27001");
            assertThat(after.body().at("/fields/~1preferredClinic~1code/source").asText()).as(parent).isEqualTo("declared");
        }
        // not Hoa's own
        assertThat(call("GET", "/api/v1/me/profile", hoa, null, null).body().findValuesAsText("key"))
                .doesNotContain("health.primaryClinicCode");
        // someone who may not act for An reads nothing of his
        Answer stranger = prefill("child-health-insurance", token("tam"), an);
        assertThat(stranger.status()).isEqualTo(403);
        assertThat(stranger.body().toString()).doesNotContain("27001");
    }

    @Test
    void aMalformedDeclarationIs400AndAnUnknownKeyIs404() {
        String hoa = token("hoa");
        Answer bad = fileTyping(hoa, PHONE, EMAIL, "{\"keep\": \"yes\"}");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body().at("/errors/0/pointer").asText()).isEqualTo("/declare/keep");
        Answer extra = fileTyping(hoa, PHONE, EMAIL, "{\"keep\": true, \"forever\": true}");
        assertThat(extra.status()).isEqualTo(400);
        assertThat(extra.body().at("/errors/0/pointer").asText()).isEqualTo("/declare/forever");

        Answer unknown = call("DELETE", "/api/v1/me/profile/contact.fax", hoa, null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().at("/errors/0/pointer").asText()).isEqualTo("key");
        assertThat(call("GET", "/api/v1/me/profile", null, null, null).status()).isEqualTo(401);
    }
}
