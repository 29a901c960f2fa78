package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

/**
 * Declared once on the reference page, in headless Chromium against the gateway and its mocks: the filing step asks,
 * unticked, whether to keep the phone and e-mail typed; kept, they come back in the next form as known answers
 * ("Bạn đã khai ngày …", "Thay đổi"); the page "Thông tin bạn đã khai" lists them and erases them, one or all, after
 * a confirmation step; not ticked, nothing is kept. An attachment slot offers the document already on file and the
 * dossier handed to the handling system carries its reference.
 */
class DeclaredOncePageIT extends ReferencePageTestSupport {

    static final String FORM_A = "criminal-record-request";
    static final String FORM_A_TITLE = "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp";
    static final String FORM_B = "residence-change";
    static final String PHONE = "0912345678";
    static final String EMAIL = "lan.do@example.vn";
    static final String AN = "027224009876";
    static final String SLOT = "/attachments/birthCertificate";
    static final String SLOT_ID = "root_attachments_birthCertificate";
    static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** Records the body of each filing the page sends. */
    static final String RECORD_FILINGS = "window.__sent = []; window.__fetch0 = window.fetch;"
            + "window.fetch = (url, init) => {"
            + "  if (String(url).endsWith('/dossiers') && init && init.method === 'POST') window.__sent.push(JSON.parse(init.body));"
            + "  return window.__fetch0(url, init);"
            + "};";

    @Test
    void keptWithConsentTheDetailsComeBackAsKnownAnswersAndAreErasedOnTheirPage() throws Exception {
        String lan = token("lan");
        assertThat(call("DELETE", "/api/v1/me/profile", lan, null, null).status()).isEqualTo(204);

        browser.signIn("lan");
        browser.startForm(FORM_A, null);
        browser.answerCriminalRecordRequest();
        assertThat(browser.driver.findElements(By.cssSelector("[data-declared]"))).as("nothing declared yet").isEmpty();
        browser.driver.findElement(By.id("root_applicant_phone")).sendKeys(PHONE);
        browser.driver.findElement(By.id("root_applicant_email")).sendKeys(EMAIL);
        browser.driver.findElement(By.id("to-check")).click();

        WebElement box = browser.visible(By.id("declare-keep"));
        assertThat(box.isSelected()).as("the page never ticks the box").isFalse();
        assertThat(browser.driver.findElement(By.cssSelector("label[for=declare-keep]")).getText())
                .isEqualTo("Lưu số điện thoại, thư điện tử để lần sau không phải nhập lại");
        assertThat(browser.driver.findElement(By.id("declare-keep-hint")).getText())
                .isEqualTo("Bạn có thể xoá bất cứ lúc nào tại trang «Thông tin bạn đã khai».");
        List<JsonNode> check = browser.violations();
        assertThat(check).as(PageBrowser.describe(check)).isEmpty();
        browser.screenshot("declare-keep");
        // ticked with the keyboard alone
        browser.tabTo("declare-keep");
        browser.keys(Keys.SPACE);
        assertThat(box.isSelected()).isTrue();

        browser.js(RECORD_FILINGS);
        browser.driver.findElement(By.id("submit")).click();
        browser.visible(By.id("confirmation"));
        JsonNode sent = sent();
        assertThat(sent).hasSize(1);
        assertThat(sent.at("/0/declare/keep").asBoolean()).as("the filing asks to keep").isTrue();
        assertThat(browser.driver.findElement(By.id("declared-kept")).getText())
                .isEqualTo("Đã lưu để lần sau: số điện thoại, thư điện tử. Xem hoặc xoá tại Thông tin bạn đã khai.");

        JsonNode kept = profile(lan);
        assertThat(keys(kept)).containsExactlyInAnyOrder("contact.phone", "contact.email");
        JsonNode phone = item(kept, "contact.phone");
        assertThat(phone.get("value").asText()).isEqualTo(PHONE);
        assertThat(phone.get("formId").asText()).isEqualTo(FORM_A);
        assertThat(item(kept, "contact.email").get("value").asText()).isEqualTo(EMAIL);
        String declaredOn = OffsetDateTime.parse(phone.get("declaredAt").asText()).atZoneSameInstant(VIETNAM).format(SHOWN_DAY);

        // form B: phone and e-mail are known answers, text with the day they were declared and a change button
        browser.driver.findElement(By.id("start-again")).click();
        browser.startForm(FORM_B, null);
        WebElement knownPhone = browser.visible(By.id("root_applicant_phone"));
        assertThat(knownPhone.getAttribute("data-declared")).isEqualTo("true");
        assertThat(knownPhone.getTagName()).as("text, not an input").isEqualTo("div");
        assertThat(knownPhone.findElement(By.className("known-value")).getText()).isEqualTo(PHONE);
        // the day, once for the group of what she declared, among the prefilled answers
        assertThat(browser.sourceLine("root_applicant_phone")).isEqualTo("Bạn đã khai ngày " + declaredOn);
        assertThat(knownPhone.findElement(By.tagName("button")).getText()).startsWith("Thay đổi");
        WebElement knownEmail = browser.driver.findElement(By.id("root_applicant_email"));
        assertThat(knownEmail.getAttribute("data-declared")).isEqualTo("true");
        assertThat(knownEmail.getText()).contains(EMAIL).contains("Thay đổi");
        assertThat(browser.sourceLine("root_applicant_email")).isEqualTo("Bạn đã khai ngày " + declaredOn);
        JsonNode fields = prefill(FORM_B, lan, null).body().get("fields");
        long filled = 0;
        for (JsonNode f : fields) {
            filled += List.of("PREFILLED", "CONFLICT").contains(f.path("status").asText()) ? 1 : 0;
        }
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).as("the counter tells the declared answers apart")
                .contains("Đã điền sẵn " + filled + " trên " + fields.size() + " trường: " + (filled - 2) + " từ dữ liệu nhà nước, "
                        + "2 từ thông tin bạn đã khai trước đây.");
        List<JsonNode> known = browser.violations();
        assertThat(known).as(PageBrowser.describe(known)).isEmpty();
        browser.screenshot("known-answers");

        // "Thay đổi" with the keyboard: a normal input with the value, which takes the focus
        browser.tabTo("root_applicant_phone__change");
        browser.keys(Keys.ENTER);
        browser.wait.until(d -> "input".equals(d.switchTo().activeElement().getTagName())
                && "root_applicant_phone".equals(browser.activeId()));
        WebElement input = browser.driver.switchTo().activeElement();
        assertThat(input.getAttribute("value")).isEqualTo(PHONE);
        assertThat(browser.driver.findElement(By.id("root_applicant_email")).getAttribute("data-declared"))
                .as("the other known answer stays text").isEqualTo("true");
        assertThat(browser.driver.findElement(By.id("main")).getText()).contains("Bạn đã khai ngày " + declaredOn + " — bạn có thể sửa.");

        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> browser.sourceLine("root_applicant_email").contains("You gave this on " + declaredOn));
        assertThat(browser.driver.findElement(By.id("root_applicant_email__change")).getText()).startsWith("Change");
        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> browser.sourceLine("root_applicant_email").contains("Bạn đã khai ngày"));

        // "Thông tin bạn đã khai", from the header
        browser.driver.findElement(By.id("declared-data")).click();
        WebElement table = browser.visible(By.id("declared"));
        assertThat(browser.activeId()).isEqualTo("declared-title");
        assertThat(browser.driver.findElement(By.id("declared-title")).getText()).isEqualTo("Thông tin bạn đã khai");
        assertThat(rows()).containsExactlyInAnyOrder("contact.phone", "contact.email");
        WebElement phoneRow = table.findElement(By.cssSelector("tr[data-key='contact.phone']"));
        assertThat(phoneRow.getText()).contains("Số điện thoại").contains(PHONE).contains(declaredOn).contains(FORM_A_TITLE);
        assertThat(table.findElement(By.cssSelector("tr[data-key='contact.email']")).getText()).contains(EMAIL);
        List<JsonNode> page = browser.violations();
        assertThat(page).as(PageBrowser.describe(page)).isEmpty();
        browser.screenshot("declared-values");

        // erasing one asks first; "Không" changes nothing and gives the focus back
        browser.driver.findElement(By.id("erase-contact-phone")).click();
        WebElement question = browser.visible(By.id("erase-title"));
        assertThat(question.getText()).isEqualTo("Xoá số điện thoại bạn đã khai?");
        assertThat(browser.activeId()).isEqualTo("erase-title");
        assertThat(browser.driver.findElement(By.id("erase-value")).getText()).isEqualTo(PHONE);
        assertThat(browser.driver.findElement(By.id("erase-warning")).getText()).contains("không khôi phục được");
        List<JsonNode> confirm = browser.violations();
        assertThat(confirm).as(PageBrowser.describe(confirm)).isEmpty();
        browser.screenshot("declared-erase-confirm");
        browser.driver.findElement(By.id("erase-no")).click();
        browser.visible(By.id("declared"));
        browser.wait.until(d -> "erase-contact-phone".equals(browser.activeId()));
        assertThat(keys(profile(lan))).containsExactlyInAnyOrder("contact.phone", "contact.email");

        browser.driver.findElement(By.id("erase-contact-phone")).click();
        browser.visible(By.id("erase-yes")).click();
        WebElement erased = browser.visible(By.id("erased"));
        browser.wait.until(d -> "erased".equals(browser.activeId()));
        assertThat(erased.getText()).contains("Đã xoá số điện thoại bạn đã khai.");
        browser.visible(By.id("declared"));
        browser.wait.until(d -> rows().equals(List.of("contact.email")));
        assertThat(keys(profile(lan))).as("erased at the gateway").containsExactly("contact.email");
        assertThat(prefill(FORM_B, lan, null).body().at("/fields/~1applicant~1phone/status").asText()).isNotEqualTo("PREFILLED");

        // erasing all, with the keyboard alone, then the empty state
        browser.tabTo("erase-all");
        browser.keys(Keys.ENTER);
        browser.wait.until(d -> "erase-title".equals(browser.activeId()));
        assertThat(browser.driver.findElement(By.id("erase-title")).getText()).isEqualTo("Xoá tất cả thông tin bạn đã khai?");
        assertThat(browser.driver.findElement(By.id("erase-all-list")).getText()).contains(EMAIL);
        browser.tabTo("erase-yes");
        browser.keys(Keys.ENTER);
        WebElement none = browser.visible(By.id("no-declared"));
        assertThat(none.getText()).startsWith("Bạn chưa lưu thông tin nào.");
        assertThat(browser.driver.findElement(By.id("erased")).getText()).contains("Đã xoá tất cả thông tin bạn đã khai.");
        browser.wait.until(d -> "erased".equals(browser.activeId()));
        assertThat(browser.driver.findElements(By.id("declared"))).isEmpty();
        assertThat(profile(lan)).as("nothing left at the gateway").isEmpty();
        List<JsonNode> empty = browser.violations();
        assertThat(empty).as(PageBrowser.describe(empty)).isEmpty();
        browser.screenshot("declared-values-erased");
        JsonNode next = prefill(FORM_B, lan, null).body();
        assertThat(next.at("/fields/~1applicant~1email/status").asText()).isNotEqualTo("PREFILLED");
        assertThat(next.at("/data/applicant/email").isMissingNode()).isTrue();
    }

    @Test
    void filedWithoutTickingTheBoxNothingIsKept() throws Exception {
        String khoa = token("khoa");
        assertThat(call("DELETE", "/api/v1/me/profile", khoa, null, null).status()).isEqualTo(204);
        browser.signIn("khoa");
        browser.startForm(FORM_A, null);
        browser.answerCriminalRecordRequest();
        browser.driver.findElement(By.id("root_applicant_phone")).sendKeys("0987654321");
        browser.driver.findElement(By.id("to-check")).click();
        WebElement box = browser.visible(By.id("declare-keep"));
        assertThat(box.isSelected()).as("the page never ticks the box").isFalse();
        assertThat(browser.driver.findElement(By.cssSelector("label[for=declare-keep]")).getText())
                .as("names what was typed").isEqualTo("Lưu số điện thoại để lần sau không phải nhập lại");
        browser.js(RECORD_FILINGS);
        browser.driver.findElement(By.id("submit")).click();
        browser.visible(By.id("confirmation"));
        JsonNode sent = sent();
        assertThat(sent).hasSize(1);
        assertThat(sent.at("/0/declare/keep").isBoolean()).isTrue();
        assertThat(sent.at("/0/declare/keep").asBoolean()).isFalse();
        assertThat(browser.driver.findElements(By.id("declared-kept"))).isEmpty();
        assertThat(profile(khoa)).as("nothing kept").isEmpty();

        browser.driver.findElement(By.id("declared-data")).click();
        assertThat(browser.visible(By.id("no-declared")).getText()).startsWith("Bạn chưa lưu thông tin nào.");
        assertThat(browser.driver.findElements(By.id("erase-all"))).isEmpty();
    }

    @Test
    void anAttachmentSlotOffersTheDocumentOnFileAndTheFilingCarriesItsReference() throws Exception {
        String hoa = token("hoa");
        JsonNode offered = prefill("child-health-insurance", hoa, "{\"actingFor\": {\"type\": \"CHILD\", \"citizenId\": \"" + AN + "\"}}")
                .body().at("/attachments/" + SLOT.replace("/", "~1"));
        assertThat(offered.isArray()).as("the gateway offers documents in the slot").isTrue();
        assertThat(offered).as("An's birth certificate on file (the dossiers registry's KQ.GKS 88/2024)").isNotEmpty();
        JsonNode certificate = offered.get(offered.size() - 1);
        String ref = certificate.get("documentRef").asText();

        browser.signIn("hoa");
        browser.startForm("child-health-insurance", AN);
        WebElement slot = browser.visible(By.id(SLOT_ID));
        assertThat(slot.getTagName()).isEqualTo("fieldset");
        assertThat(browser.driver.findElements(By.cssSelector("[id^='root_attachments_birthCertificate_'] input[type=text]")))
                .as("the slot is not an rjsf field").isEmpty();
        List<WebElement> radios = slot.findElements(By.cssSelector("input[type=radio]"));
        assertThat(radios).hasSize(offered.size() + 1);
        assertThat(radios).as("nothing chosen for the citizen").noneMatch(WebElement::isSelected);
        WebElement option = slot.findElement(By.cssSelector("input[data-document-ref='" + ref + "']"));
        WebElement label = slot.findElement(By.cssSelector("label[for='" + option.getAttribute("id") + "']"));
        assertThat(label.getText()).contains(certificate.get("title").asText())
                .contains(LocalDate.parse(certificate.get("issuedOn").asText()).format(SHOWN_DAY))
                .contains(certificate.get("issuedBy").asText());
        assertThat(slot.findElement(By.id(SLOT_ID + "_none")).findElement(By.xpath("following-sibling::label")).getText())
                .isEqualTo("Không dùng giấy tờ có sẵn");
        List<JsonNode> form = browser.violations();
        assertThat(form).as(PageBrowser.describe(form)).isEmpty();
        browser.screenshot("attachment-slot");
        browser.driver.manage().window().setSize(new Dimension(1000, 640));
        browser.js("document.getElementById('attachment-slots').scrollIntoView({block: 'start'});");
        browser.viewport("attachment-slot-view", 1000, 640);
        browser.driver.manage().window().setSize(new Dimension(1000, 1400));

        // chosen with the keyboard: Tab into the group, arrows to the certificate
        browser.tabTo(radios.get(0).getAttribute("id"));
        for (int i = 0; i < radios.size() && !option.isSelected(); i++) {
            browser.keys(i == 0 ? Keys.SPACE : Keys.ARROW_DOWN);
        }
        assertThat(option.isSelected()).isTrue();
        browser.driver.findElement(By.id("to-check")).click();
        WebElement row = browser.visible(By.cssSelector(".summary-row[data-pointer='" + SLOT + "']"));
        assertThat(row.getAttribute("data-document-ref")).isEqualTo(ref);
        assertThat(row.getText()).contains(certificate.get("title").asText());
        assertThat(browser.driver.findElement(By.id("attachments-title")).getText()).isEqualTo("Giấy tờ nộp kèm");

        browser.js(RECORD_FILINGS);
        browser.driver.findElement(By.id("submit")).click();
        String dossierId = browser.visible(By.id("confirmation")).getAttribute("data-dossier-id");
        JsonNode sent = sent();
        assertThat(sent.at("/0/attachments").toString()).isEqualTo("{\"" + SLOT + "\":{\"documentRef\":\"" + ref + "\"}}");
        assertThat(sent.at("/0/data/attachments").isMissingNode()).as("the slot is not data").isTrue();

        // what the handling system received: the reference in ThanhPhanHoSo
        List<LoggedRequest> got = new ArrayList<>();
        browser.wait.until(d -> {
            got.clear();
            got.addAll(mocks.findAll(postRequestedFor(urlPathEqualTo("/handling/v1/hoso")).withHeader("Idempotency-Key", equalTo(dossierId))));
            return !got.isEmpty();
        });
        JsonNode parts = JSON.readTree(got.get(0).getBodyAsString()).get("ThanhPhanHoSo");
        assertThat(parts.isArray()).isTrue();
        assertThat(parts.toString()).as("ThanhPhanHoSo names the chosen document").contains(ref);
    }

    @Test
    void aReferenceTheGatewayRefusesIsShownAtItsSlot() {
        // a page whose offered list was tampered with: a document that is not the person's
        String foreign = "https://kho.example.gov.vn/files/00000000-0000-4000-8000-000000000000";
        browser.js("window.__fetch0 = window.fetch; window.fetch = async (url, init) => {"
                + "  const r = await window.__fetch0(url, init);"
                + "  if (!String(url).endsWith('/prefill')) return r;"
                + "  const body = await r.json();"
                + "  body.attachments = body.attachments || {};"
                + "  (body.attachments['" + SLOT + "'] = body.attachments['" + SLOT + "'] || []).push({documentRef: '" + foreign + "',"
                + "    title: 'Giấy khai sinh', issuedBy: 'UBND xã Không Có', issuedOn: '2020-01-01', source: 'dossiers'});"
                + "  return new Response(JSON.stringify(body), {status: r.status, headers: {'Content-Type': 'application/json'}});"
                + "};");
        browser.signIn("hoa");
        browser.startForm("child-health-insurance", AN);
        browser.visible(By.cssSelector("#" + SLOT_ID + " input[data-document-ref='" + foreign + "']")).click();
        browser.driver.findElement(By.id("to-check")).click();
        browser.visible(By.id("submit")).click();

        WebElement summary = browser.visible(By.id("error-summary"));
        browser.wait.until(d -> "error-summary".equals(browser.activeId()));
        WebElement link = summary.findElement(By.cssSelector("a[href='#" + SLOT_ID + "']"));
        String slotTitle = call("GET", "/api/v1/forms/child-health-insurance", null, null, null).body()
                .at("/properties/attachments/properties/birthCertificate/title").asText();
        assertThat(link.getText()).as("names the slot").startsWith(slotTitle + ": ");
        String refusal = "Giấy tờ đã chọn không phải giấy tờ của bạn loại này trong kho dữ liệu. Hãy chọn lại.";
        assertThat(link.getText()).isEqualTo(slotTitle + ": " + refusal);
        assertThat(browser.driver.findElement(By.id(SLOT_ID + "__error")).getText()).as("at the slot, in Vietnamese").isEqualTo(refusal);
        link.click();
        assertThat(browser.activeId()).isEqualTo(SLOT_ID);
        List<JsonNode> refused = browser.violations();
        assertThat(refused).as(PageBrowser.describe(refused)).isEmpty();
        browser.screenshot("attachment-refused");
    }

    private JsonNode sent() throws IOException {
        return JSON.readTree(String.valueOf(browser.js("return JSON.stringify(window.__sent);")));
    }

    private JsonNode profile(String token) {
        Answer answer = call("GET", "/api/v1/me/profile", token, null, null);
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body().isArray()).isTrue();
        return answer.body();
    }

    private static List<String> keys(JsonNode profile) {
        List<String> out = new ArrayList<>();
        profile.forEach(i -> out.add(i.get("key").asText()));
        return out;
    }

    private static JsonNode item(JsonNode profile, String key) {
        for (JsonNode i : profile) {
            if (i.get("key").asText().equals(key)) {
                return i;
            }
        }
        throw new AssertionError("no " + key + " in " + profile);
    }

    private List<String> rows() {
        return browser.driver.findElements(By.cssSelector("#declared tbody tr")).stream().map(r -> r.getAttribute("data-key")).toList();
    }
}
