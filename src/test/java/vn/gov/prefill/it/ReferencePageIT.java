package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The reference page at / in headless Chromium, against the gateway and its mocks: what a citizen sees of a
 * prefill (locked values as text with their registry, a failed registry's notice, acting for a child), the
 * filing's errors at their fields, a form completed and filed with the keyboard alone, the suggestions shown first and
 * opening their form prefilled, and axe-core's check.
 */
class ReferencePageIT extends ReferencePageTestSupport {

    static final String AN = "027224009876";
    static final LocalDate AN_BORN = LocalDate.of(2024, 3, 28);

    @Test
    void theAddressServesThePageAndOtherUnknownPathsStayProblems() throws Exception {
        HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
        assertThat(page.body()).contains("<div id=\"app\">").contains("app.js");
        Answer unknown = call("GET", "/no-such-page", null, null, null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        Answer provinces = call("GET", "/api/v1/codelists/provinces-2025", null, null, null);
        assertThat(provinces.status()).isEqualTo(200);
        assertThat(provinces.body().get("codes")).hasSize(34);
        assertThat(provinces.body().at("/codes/0/code").asText()).isEqualTo("01");
        assertThat(provinces.body().at("/codes/0/name").asText()).isEqualTo("Thành phố Hà Nội");
        Answer noList = call("GET", "/api/v1/codelists/no-such-list", null, null, null);
        assertThat(noList.status()).isEqualTo(404);
        assertThat(noList.contentType()).startsWith("application/problem+json");
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
    }

    @Test
    void aCompletePersonaSeesLockedValuesAsTextWithTheirRegistry() {
        browser.signIn("hoa");
        browser.startForm("criminal-record-request", null);

        WebElement name = browser.visible(By.id("root_applicant_fullName"));
        assertThat(name.getAttribute("data-locked")).isEqualTo("true");
        assertThat(name.getTagName()).isEqualTo("div");
        assertThat(name.getText()).contains("NGUYỄN THỊ HOA").contains("Nguồn: CSDL quốc gia về dân cư").contains("01/07/2025");
        assertThat(browser.driver.findElements(By.cssSelector("input#root_applicant_fullName"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("root_applicant_sex")).getText()).contains("Nữ");
        assertThat(browser.driver.findElement(By.id("root_applicant_ethnicity")).getText()).contains("Kinh");
        assertThat(browser.driver.findElement(By.id("root_applicant_permanentResidence")).getText())
                .contains("Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(browser.driver.findElement(By.id("root_spouse_fullName")).getText()).contains("TRẦN VĂN BÌNH");
        // the current residence is prefilled but the citizen's to change: pickers in the units of 2025
        assertThat(new Select(browser.driver.findElement(By.id("root_applicant_currentResidence_provinceCode")))
                .getFirstSelectedOption().getText()).isEqualTo("Tỉnh Bắc Ninh");
        assertThat(new Select(browser.driver.findElement(By.id("root_applicant_currentResidence_communeCode")))
                .getFirstSelectedOption().getText()).isEqualTo("Phường Vũ Ninh");
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("Đã điền sẵn 15 trên 17 trường");
        assertThat(browser.driver.findElements(By.cssSelector(".notice"))).isEmpty();
        browser.screenshot("complete-persona");
        browser.viewport("complete-persona-desktop", 1000, 1100);

        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("root_applicant_fullName"),
                "Source: National Population Database"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("15 of 17 fields were prefilled");
        browser.screenshot("complete-persona-en");
    }

    @Test
    void aFailedRegistryLeavesOneNoticeAndTheOtherFieldsFilled() {
        browser.signIn("insurance-fault");
        browser.startForm("household-business-registration", null);

        List<WebElement> notices = browser.driver.findElements(By.cssSelector(".notice"));
        assertThat(notices).hasSize(1);
        assertThat(notices.get(0).getAttribute("data-source")).isEqualTo("insurance");
        assertThat(notices.get(0).getText()).isEqualTo("Hệ thống BHXH chưa phản hồi — bạn có thể nhập thủ công.");
        WebElement owner = browser.driver.findElement(By.id("root_owner_fullName"));
        assertThat(owner.getAttribute("data-locked")).isEqualTo("true");
        assertThat(owner.getText()).contains("Nguồn: CSDL quốc gia về dân cư");
        assertThat(browser.driver.findElement(By.id("root_owner_citizenId")).getText()).contains("001090000004");
        // what no registry gives stays an input
        assertThat(browser.driver.findElement(By.id("root_business_name")).getTagName()).isEqualTo("input");
        browser.screenshot("fault-persona");
    }

    @Test
    void aLockedValueTheRegistriesDisagreeOnSaysWhatTheOtherRegistryHolds() {
        browser.signIn("lan");
        browser.startForm("household-business-registration", null);
        WebElement owner = browser.visible(By.id("root_owner_fullName"));
        assertThat(owner.getAttribute("data-locked")).isEqualTo("true");
        assertThat(owner.getText()).contains("ĐỖ THỊ LAN").contains("Các hệ thống ghi khác nhau")
                .contains("Bảo hiểm xã hội Việt Nam (BHXH) cũng ghi: «ĐỖ THỊ LÂN»");
        browser.screenshot("conflict");
    }

    @Test
    void actingForAChildTheNumberMayBeTypedAndIsCheckedByTheGateway() {
        browser.signIn("hoa");
        // besides the suggestions, any form for a child may be started by typing the child's number
        browser.visible(By.cssSelector("input[name=form][value=child-health-insurance]")).click();
        WebElement number = browser.visible(By.id("acting-for"));
        number.sendKeys("12345");
        browser.driver.findElement(By.id("start-form")).click();

        WebElement summary = browser.visible(By.id("error-summary"));
        assertThat(browser.activeId()).isEqualTo("error-summary");
        assertThat(summary.findElement(By.cssSelector("a")).getAttribute("href")).endsWith("#acting-for");
        assertThat(browser.visible(By.id("acting-for-error")).getText()).isNotBlank();
        browser.screenshot("acting-for-malformed");

        number.clear();
        number.sendKeys("027224009876");
        browser.driver.findElement(By.id("start-form")).click();
        WebElement child = browser.visible(By.id("root_child_fullName"));
        assertThat(child.getText()).contains("TRẦN MINH AN").contains("CSDL quốc gia về dân cư");
        assertThat(browser.driver.findElement(By.id("root_parent_fullName")).getText()).contains("NGUYỄN THỊ HOA");
        assertThat(browser.driver.findElement(By.id("root_birthCertificate_number")).getText())
                .contains("88/2024").contains("Kho kết quả giải quyết thủ tục hành chính");
        browser.screenshot("acting-for-child");
    }

    @Test
    void aSuggestionIsListedFirstAndOpensItsFormPrefilledForTheChild() {
        // the rule's meaning: An (born 2024-03-28, no insurance record) is suggested while he is under 6
        assertThat(today()).as("the gateway's clock is on a day An is under six").isBefore(AN_BORN.plusYears(6));
        JsonNode suggestion = null;
        for (JsonNode s : call("GET", "/api/v1/me/suggestions", token("hoa"), null, null).body().get("suggestions")) {
            if (s.get("lifeEvent").asText().equals("CHILD_HEALTH_INSURANCE")) {
                suggestion = s;
            }
        }
        assertThat(suggestion).as("hoa's suggestion for An from the API").isNotNull();
        String readiness = "điền sẵn được " + suggestion.at("/readiness/prefilled").asInt() + "/" + suggestion.at("/readiness/bound").asInt() + " trường";
        browser.signIn("hoa");

        WebElement section = browser.visible(By.id("suggestions"));
        assertThat(section.findElement(By.tagName("h2")).getText()).isEqualTo("Việc bạn có thể cần làm");
        // first: above the list of every procedure
        assertThat((Boolean) browser.js("return !!(arguments[0].compareDocumentPosition(document.getElementById('form-choice')) "
                + "& Node.DOCUMENT_POSITION_FOLLOWING);", section)).isTrue();
        WebElement card = section.findElement(By.cssSelector("[data-life-event=CHILD_HEALTH_INSURANCE]"));
        assertThat(card.findElement(By.tagName("h3")).getText()).isEqualTo("Cấp thẻ BHYT cho trẻ em dưới 6 tuổi");
        assertThat(card.getText()).contains("Con của bạn sinh ngày 28/03/2024 chưa có thẻ BHYT").contains(readiness)
                .contains("hạn: " + AN_BORN.plusYears(6).minusDays(1).format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/uuuu")));
        browser.screenshot("suggestions");
        List<JsonNode> violations = browser.seriousViolations();
        assertThat(violations).as(PageBrowser.describe(violations)).isEmpty();

        card.findElement(By.cssSelector("button[data-suggestion='CHILD_HEALTH_INSURANCE:" + AN + "']")).click();
        WebElement child = browser.visible(By.id("root_child_fullName"));
        assertThat(child.getAttribute("data-locked")).isEqualTo("true");
        assertThat(child.getText()).contains("TRẦN MINH AN").contains("Nguồn: CSDL quốc gia về dân cư");
        assertThat(browser.driver.findElement(By.id("root_parent_fullName")).getText()).contains("NGUYỄN THỊ HOA");
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).containsIgnoringCase("bảo hiểm y tế");
        // the readiness told the truth: the form came as filled as the suggestion said
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("Đã điền sẵn "
                + suggestion.at("/readiness/prefilled").asInt() + " trên " + suggestion.at("/readiness/bound").asInt() + " trường");
        browser.screenshot("suggestion-opened");
    }

    @Test
    void aPersonaWithoutSuggestionsIsShownNone() {
        // Tám: a year-only birth date, no insurance record, no births, no enterprise: no rule fires
        assertThat(call("GET", "/api/v1/me/suggestions", token("tam"), null, null).body().get("suggestions")).isEmpty();
        browser.signIn("tam");
        browser.wait.until(d -> !"loading".equals(d.findElement(By.tagName("h1")).getAttribute("data-suggestions")));

        assertThat(browser.driver.findElement(By.tagName("h1")).getAttribute("data-suggestions")).isEqualTo("0");
        assertThat(browser.driver.findElements(By.id("suggestions"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("main")).getText()).doesNotContain("Việc bạn có thể cần làm");
        browser.screenshot("no-suggestions");
    }

    @Test
    void aTamperedLockedValueIsBlockedAtItsFieldAndTheHonestOneIsAccepted() {
        browser.signIn("hoa");
        browser.startForm("criminal-record-request", null);
        browser.answerCriminalRecordRequest();
        browser.driver.findElement(By.id("to-check")).click();
        browser.visible(By.id("submit"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-pointer='/purpose']")).getText()).contains("Xin việc");
        browser.screenshot("check-answers");

        // what devtools would do: change a locked value in the request the page sends
        browser.js("window.__fetch = window.fetch;"
                + "window.fetch = (url, init) => {"
                + "  if (String(url).endsWith('/dossiers')) {"
                + "    const body = JSON.parse(init.body); body.data.applicant.fullName = 'NGUYỄN THỊ HOÀ';"
                + "    init = {...init, body: JSON.stringify(body)};"
                + "  }"
                + "  return window.__fetch(url, init);"
                + "};");
        browser.driver.findElement(By.id("submit")).click();

        WebElement summary = browser.visible(By.id("error-summary"));
        browser.wait.until(d -> "error-summary".equals(browser.activeId()));
        WebElement link = summary.findElement(By.cssSelector("a[href='#root_applicant_fullName']"));
        assertThat(link.getText()).contains("Họ và tên").contains("không thể nộp giá trị khác với hồ sơ gốc");
        WebElement atField = browser.driver.findElement(By.xpath(
                "//*[@id='root_applicant_fullName']/ancestor::div[contains(@class,'form-group')][1]//*[contains(@class,'error-detail')]"));
        assertThat(atField.getText()).contains("không thể nộp giá trị khác với hồ sơ gốc");
        browser.screenshot("tampered-value-blocked");
        browser.js("window.scrollTo(0, 0);");
        browser.viewport("tampered-value-blocked-phone", 412, 915);
        List<JsonNode> violations = browser.seriousViolations();
        assertThat(violations).as(PageBrowser.describe(violations)).isEmpty();
        link.click();
        assertThat(browser.activeId()).isEqualTo("root_applicant_fullName");

        browser.js("window.fetch = window.__fetch;");
        browser.driver.findElement(By.id("to-check")).click();
        browser.visible(By.id("submit")).click();
        WebElement done = browser.visible(By.id("confirmation"));
        assertThat(done.getText()).contains("Đã nộp hồ sơ");
        assertThat(browser.driver.findElement(By.id("reuse")).getText()).contains("Đã dùng lại 15 trên 15");
        browser.screenshot("submission-accepted");

        browser.driver.findElement(By.id("who-read")).click();
        WebElement table = browser.visible(By.id("disclosures"));
        assertThat(table.getText()).contains("Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp").contains("dân cư: đã đọc");
        browser.screenshot("who-read-my-data");
    }

    @Test
    void aFormIsCompletedWithTheKeyboardAlone() {
        browser.tabTo("persona");
        browser.tabTo("sign-in");
        browser.keys(Keys.ENTER);
        browser.present(By.id("start-form"));
        // the radios are one Tab stop; the arrow keys choose within them
        for (int i = 0; i < 150 && !String.valueOf(browser.activeId()).startsWith("form-choice-"); i++) {
            browser.keys(Keys.TAB);
        }
        for (int i = 0; i < 10 && !browser.driver.findElement(By.cssSelector("input[value=criminal-record-request]")).isSelected(); i++) {
            browser.keys(Keys.ARROW_DOWN);
        }
        browser.tabTo("start-form");
        browser.keys(Keys.ENTER);
        browser.visible(By.id("root_purpose"));
        browser.tabTo("root_purpose");
        browser.keys("Đi du học");
        browser.tabTo("root_certificateType");
        browser.keys(Keys.ARROW_DOWN);
        browser.tabTo("to-check");
        browser.keys(Keys.ENTER);
        browser.visible(By.id("submit"));
        browser.tabTo("submit");
        browser.keys(Keys.ENTER);
        String id = browser.visible(By.id("confirmation")).getAttribute("data-dossier-id");
        assertThat(browser.driver.findElement(By.id("confirmation")).getText()).contains("Đã nộp hồ sơ").contains(id);
        browser.screenshot("keyboard-only");
        // on to the dossier: the link under "what happens next", then its row in the list
        browser.tabTo("confirmation-my-dossiers");
        browser.keys(Keys.ENTER);
        browser.visible(By.id("dossiers"));
        assertThat(browser.activeId()).isEqualTo("my-dossiers-title");
        browser.tabTo("dossier-" + id);
        browser.keys(Keys.ENTER);
        browser.wait.until(d -> id.equals(d.findElement(By.id("dossier-id")).getText()));
        assertThat(browser.activeId()).isEqualTo("dossier-title");
        browser.tabTo("back-to-dossiers");
        browser.keys(Keys.ENTER);
        browser.visible(By.id("dossier-" + id));
    }

    @Test
    void axeFindsNothingSeriousOnThePages() {
        List<JsonNode> signIn = browser.seriousViolations();
        assertThat(signIn).as(PageBrowser.describe(signIn)).isEmpty();
        browser.signIn("cam");
        List<JsonNode> choose = browser.seriousViolations();
        assertThat(choose).as(PageBrowser.describe(choose)).isEmpty();
        browser.startForm("criminal-record-request", null);
        // cam's old commune was split in 2025: the address is explained, and the citizen picks the new commune
        WebElement address = browser.driver.findElement(By.id("root_applicant_permanentResidence"));
        assertThat(address.getText()).contains("Xã Chiềng Bôm").contains("Xã Thuận Châu").contains("Xã Nậm Lầu");
        List<JsonNode> form = browser.seriousViolations();
        browser.screenshot("ambiguous-address");
        assertThat(form).as(PageBrowser.describe(form)).isEmpty();
    }
}
