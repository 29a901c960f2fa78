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
        assertThat(name.getText()).contains("NGUYỄN THỊ HOA");
        assertThat(browser.driver.findElements(By.cssSelector("input#root_applicant_fullName"))).isEmpty();
        // one source line for the group, not a badge at each answer
        assertThat(browser.sourceLine("root_applicant_fullName")).contains("Nguồn: CSDL quốc gia về dân cư").contains("01/07/2025");
        assertThat(browser.driver.findElements(By.cssSelector("#prefilled .source-line"))).hasSize(1);
        assertThat(browser.driver.findElements(By.cssSelector("#prefilled .badge"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("root_applicant_sex")).getText()).contains("Nữ");
        assertThat(browser.driver.findElement(By.id("root_applicant_ethnicity")).getText()).contains("Kinh");
        assertThat(browser.driver.findElement(By.id("root_applicant_permanentResidence")).getText())
                .contains("Số 8 đường Lý Thái Tổ, Phường Kinh Bắc, Tỉnh Bắc Ninh");
        assertThat(browser.driver.findElement(By.id("root_spouse_fullName")).getText()).contains("TRẦN VĂN BÌNH");
        // the current residence is prefilled but the citizen's to change: "Thay đổi" opens pickers in the units of 2025
        assertThat(browser.driver.findElement(By.id("root_applicant_currentResidence")).getText()).contains("Phường Vũ Ninh");
        assertThat(browser.driver.findElements(By.id("root_applicant_fullName__change"))).as("a locked value has no change button").isEmpty();
        browser.driver.findElement(By.id("root_applicant_currentResidence__change")).click();
        browser.wait.until(d -> "root_applicant_currentResidence_provinceCode".equals(browser.activeId()));
        assertThat(new Select(browser.driver.findElement(By.id("root_applicant_currentResidence_provinceCode")))
                .getFirstSelectedOption().getText()).isEqualTo("Tỉnh Bắc Ninh");
        assertThat(new Select(browser.driver.findElement(By.id("root_applicant_currentResidence_communeCode")))
                .getFirstSelectedOption().getText()).isEqualTo("Phường Vũ Ninh");
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("Đã điền sẵn 15 trên 17 trường từ dữ liệu nhà nước");
        assertThat(browser.driver.findElements(By.cssSelector(".notice"))).isEmpty();
        browser.screenshot("complete-persona");
        browser.viewport("complete-persona-desktop", 1000, 1100);

        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> browser.sourceLine("root_applicant_fullName").contains("Source: National Population Database"));
        assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("15 of 17 fields were prefilled from state records");
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
        assertThat(browser.sourceLine("root_owner_fullName")).contains("Nguồn: CSDL quốc gia về dân cư");
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
        assertThat(child.getText()).contains("TRẦN MINH AN");
        assertThat(browser.sourceLine("root_child_fullName")).contains("CSDL quốc gia về dân cư");
        assertThat(browser.driver.findElement(By.id("root_parent_fullName")).getText()).contains("NGUYỄN THỊ HOA");
        assertThat(browser.driver.findElement(By.id("root_birthCertificate_number")).getText()).contains("88/2024");
        assertThat(browser.sourceLine("root_birthCertificate_number")).contains("Kho kết quả giải quyết thủ tục hành chính");
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
        List<JsonNode> violations = browser.violations();
        assertThat(violations).as(PageBrowser.describe(violations)).isEmpty();

        card.findElement(By.cssSelector("button[data-suggestion='CHILD_HEALTH_INSURANCE:" + AN + "']")).click();
        WebElement child = browser.visible(By.id("root_child_fullName"));
        assertThat(child.getAttribute("data-locked")).isEqualTo("true");
        assertThat(child.getText()).contains("TRẦN MINH AN");
        assertThat(browser.sourceLine("root_child_fullName")).contains("Nguồn: CSDL quốc gia về dân cư");
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
        List<JsonNode> violations = browser.violations();
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

    /** axe-core finds nothing on the page as it is now, of any impact. */
    static void axeFindsNothing() {
        List<JsonNode> violations = browser.violations();
        assertThat(violations).as(PageBrowser.describe(violations)).isEmpty();
    }

    @Test
    void aCitizenGoesFromSignInToFilingWithTheKeyboardAlone() {
        // sign-in: the persona's situation in the page's language
        browser.tabTo("persona");
        assertThat(browser.driver.findElement(By.id("persona-situation")).getText()).startsWith("Hồ sơ đầy đủ");
        axeFindsNothing();
        browser.tabTo("sign-in");
        browser.keys(Keys.ENTER);
        browser.present(By.id("start-form"));
        // suggestions first, each a Tab stop on the way to the catalogue
        browser.present(By.id("suggestions"));
        for (int i = 0; i < 150 && !String.valueOf(browser.driver.switchTo().activeElement().getAttribute("data-suggestion")).startsWith("CHILD_HEALTH_INSURANCE"); i++) {
            browser.keys(Keys.TAB);
        }
        assertThat(browser.driver.switchTo().activeElement().getText()).startsWith("Mở biểu mẫu");
        axeFindsNothing();
        // the catalogue: the radios are one Tab stop; the arrow keys choose within them
        for (int i = 0; i < 150 && !String.valueOf(browser.activeId()).startsWith("form-choice-"); i++) {
            browser.keys(Keys.TAB);
        }
        for (int i = 0; i < 10 && !browser.driver.findElement(By.cssSelector("input[value=criminal-record-request]")).isSelected(); i++) {
            browser.keys(Keys.ARROW_DOWN);
        }
        browser.tabTo("start-form");
        browser.keys(Keys.ENTER);
        // the prefill: what she must answer comes first, the first Tab stop after the heading
        browser.visible(By.id("root_purpose"));
        assertThat(browser.driver.switchTo().activeElement().getTagName()).isEqualTo("h1");
        browser.keys(Keys.TAB);
        assertThat(browser.activeId()).isEqualTo("root_purpose");
        axeFindsNothing();
        // Enter with the required answers empty: the page's summary, not the browser's bubble
        browser.keys(Keys.ENTER);
        browser.visible(By.id("error-summary"));
        browser.wait.until(d -> "error-summary".equals(browser.activeId()));
        axeFindsNothing();
        browser.keys(Keys.TAB);
        assertThat(browser.driver.switchTo().activeElement().getAttribute("href")).endsWith("#root_purpose");
        browser.keys(Keys.ENTER);
        assertThat(browser.activeId()).isEqualTo("root_purpose");
        // answering
        browser.keys("Đi du học");
        browser.tabTo("root_certificateType");
        browser.keys(Keys.ARROW_DOWN);
        assertThat(new Select(browser.driver.findElement(By.id("root_certificateType"))).getFirstSelectedOption().getText()).isEqualTo("Phiếu số 1");
        browser.tabTo("to-check");
        browser.keys(Keys.ENTER);
        // checking
        browser.visible(By.id("submit"));
        assertThat(browser.driver.findElement(By.cssSelector("[data-pointer='/purpose']")).getText()).contains("Đi du học");
        assertThat(browser.driver.findElement(By.cssSelector("[data-pointer='/certificateType']")).getText()).contains("Phiếu số 1");
        axeFindsNothing();
        // filing
        browser.tabTo("submit");
        browser.keys(Keys.ENTER);
        String id = browser.visible(By.id("confirmation")).getAttribute("data-dossier-id");
        assertThat(browser.driver.findElement(By.id("confirmation")).getText()).contains("Đã nộp hồ sơ").contains(id);
        axeFindsNothing();
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
    void enterOnEmptyRequiredAnswersShowsThePagesErrorSummaryWithLinksToTheFields() {
        browser.signIn("hoa");
        browser.startForm("criminal-record-request", null);
        assertThat((Boolean) browser.js("return document.querySelector('#main form').noValidate;")).as("the browser's own check is off").isTrue();
        browser.tabTo("root_purpose");
        browser.keys(Keys.ENTER);

        WebElement summary = browser.visible(By.id("error-summary"));
        browser.wait.until(d -> "error-summary".equals(browser.activeId()));
        assertThat(summary.findElement(By.tagName("h2")).getText()).isEqualTo("Có vấn đề cần sửa");
        List<WebElement> links = summary.findElements(By.tagName("a"));
        assertThat(links).extracting(l -> l.getAttribute("href").replaceAll(".*#", "#")).containsExactly("#root_purpose", "#root_certificateType");
        assertThat(links.get(0).getText()).isEqualTo("Mục đích yêu cầu cấp Phiếu: Hãy nhập thông tin này");
        assertThat(links.get(1).getText()).isEqualTo("Loại Phiếu (số 1 hoặc số 2): Hãy chọn một mục");
        // and at each field
        assertThat(errorAt("root_purpose")).isEqualTo("Hãy nhập thông tin này");
        assertThat(errorAt("root_certificateType")).isEqualTo("Hãy chọn một mục");
        assertThat(browser.driver.findElements(By.id("submit"))).as("still on the form").isEmpty();
        axeFindsNothing();
        browser.screenshot("required-answers-empty");
        browser.js("window.scrollTo(0, 0);");
        browser.viewport("required-answers-empty-phone", 412, 915);

        // each link moves the focus to its field
        links.get(1).sendKeys(Keys.ENTER);
        assertThat(browser.activeId()).isEqualTo("root_certificateType");
        links.get(0).sendKeys(Keys.ENTER);
        assertThat(browser.activeId()).isEqualTo("root_purpose");

        // in English when the page is
        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> d.findElement(By.id("error-summary")).getText().contains("There is a problem"));
        assertThat(browser.driver.findElement(By.id("error-summary")).getText())
                .contains("Mục đích yêu cầu cấp Phiếu: Enter this information").contains("Loại Phiếu (số 1 hoặc số 2): Choose an option");
        assertThat(errorAt("root_purpose")).isEqualTo("Enter this information");
        axeFindsNothing();
        browser.driver.findElement(By.id("language")).click();

        // answered, Enter goes on to the check page
        browser.answerCriminalRecordRequest();
        browser.driver.findElement(By.id("root_purpose")).sendKeys(Keys.ENTER);
        browser.visible(By.id("submit"));
        assertThat(browser.driver.findElements(By.id("error-summary"))).isEmpty();
    }

    /** The message at a field: in its form group, under its label. */
    static String errorAt(String id) {
        return browser.driver.findElement(By.xpath("//*[@id='" + id + "']/ancestor::div[contains(@class,'form-group')][1]"
                + "//*[contains(@class,'error-detail')]")).getText();
    }

    @Test
    void onAPhoneTheQuestionsToAnswerComeOnTheFirstScreenAndThePrefilledAnswersFold() {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(412, 915));
        browser.signIn("hoa");
        browser.startForm("criminal-record-request", null);
        assertThat(browser.onFirstScreen(browser.visible(By.id("root_purpose")))).as("the purpose on the first screen").isTrue();
        assertThat(browser.onFirstScreen(browser.driver.findElement(By.id("root_certificateType")))).as("the certificate on the first screen").isTrue();
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("Đã điền sẵn 15 trên 17");
        // the prefilled answers after the questions, in the DOM as on the screen: folded, and opened from the keyboard
        assertThat((Boolean) browser.js("return !!(document.getElementById('root_certificateType').compareDocumentPosition("
                + "document.getElementById('prefilled')) & Node.DOCUMENT_POSITION_FOLLOWING);")).isTrue();
        WebElement details = browser.driver.findElement(By.id("prefilled-details"));
        assertThat(details.getAttribute("open")).isNull();
        assertThat(browser.driver.findElement(By.id("root_applicant_fullName")).isDisplayed()).isFalse();
        browser.viewport("phone-first-screen", 412, 915);
        axeFindsNothing();
        WebElement toggle = details.findElement(By.tagName("summary"));
        assertThat(toggle.getText()).isEqualTo("Xem 15 thông tin đã điền sẵn");
        toggle.sendKeys(Keys.ENTER);
        browser.wait.until(d -> d.findElement(By.id("root_applicant_fullName")).isDisplayed());
        assertThat(browser.sourceLine("root_applicant_fullName")).contains("CSDL quốc gia về dân cư");
        axeFindsNothing();
        browser.screenshot("phone-prefilled-opened");
    }

    @Test
    void promptsMarksAndHintsAreThere() {
        // the persona's situation in Vietnamese, in English when switched
        assertThat(browser.visible(By.id("persona-situation")).getText()).startsWith("Hồ sơ đầy đủ");
        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> d.findElement(By.id("persona-situation")).getText().startsWith("Complete, recent record"));
        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> d.findElement(By.id("persona-situation")).getText().startsWith("Hồ sơ đầy đủ"));
        // a favicon, and the banner in a landmark
        assertThat((String) browser.js("return document.querySelector('link[rel=icon]').href;")).startsWith("data:image/svg+xml");
        assertThat((Boolean) browser.js("return !!document.querySelector('.banner').closest('header, main, nav, footer');")).isTrue();

        browser.signIn("hoa");
        browser.startForm("criminal-record-request", null);
        // the heading has the focus, without a ring
        WebElement h1 = browser.driver.findElement(By.tagName("h1"));
        assertThat(browser.driver.switchTo().activeElement()).isEqualTo(h1);
        assertThat(h1.getCssValue("outline-style")).isEqualTo("none");
        assertThat(h1.getCssValue("box-shadow")).isEqualTo("none");
        // every select opens on a prompt
        for (String id : List.of("root_certificateType", "root_delivery")) {
            Select select = new Select(browser.driver.findElement(By.id(id)));
            assertThat(select.getFirstSelectedOption().getText()).as(id).isEqualTo("— Chọn —");
        }
        browser.driver.findElement(By.id("root_applicant_currentResidence__change")).click();
        for (WebElement select : browser.driver.findElements(By.cssSelector("#main select"))) {
            assertThat(select.findElement(By.tagName("option")).getText()).as(select.getAttribute("id")).isEqualTo("— Chọn —");
        }
        // no "*" anywhere: the optional questions say so, the required ones and the headings carry no mark
        assertThat(browser.driver.findElement(By.id("main")).getText()).doesNotContain("*");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=root_applicant_otherNames]")).getText()).isEqualTo("Tên gọi khác (không bắt buộc)");
        assertThat(browser.driver.findElement(By.cssSelector("label[for=root_purpose]")).getText()).isEqualTo("Mục đích yêu cầu cấp Phiếu");
        assertThat(browser.driver.findElement(By.cssSelector("#root_applicant > legend")).getText()).isEqualTo("Người yêu cầu cấp Phiếu");
        // the list of places says what to add
        WebElement history = browser.driver.findElement(By.id("root_residenceHistory"));
        assertThat(history.getText()).contains("Quá trình cư trú (không bắt buộc)").contains("từ khi đủ 14 tuổi").contains("+ Thêm mục");
        axeFindsNothing();
        browser.screenshot("prompts-and-marks");
    }

    @Test
    void axeFindsNothingOnThePages() {
        List<JsonNode> signIn = browser.violations();
        assertThat(signIn).as(PageBrowser.describe(signIn)).isEmpty();
        browser.signIn("cam");
        List<JsonNode> choose = browser.violations();
        assertThat(choose).as(PageBrowser.describe(choose)).isEmpty();
        browser.startForm("criminal-record-request", null);
        // cam's old commune was split in 2025: the address is explained, and the citizen picks the new commune
        WebElement address = browser.driver.findElement(By.id("root_applicant_permanentResidence"));
        assertThat(address.getText()).contains("Xã Chiềng Bôm").contains("Xã Thuận Châu").contains("Xã Nậm Lầu");
        List<JsonNode> form = browser.violations();
        browser.screenshot("ambiguous-address");
        assertThat(form).as(PageBrowser.describe(form)).isEmpty();
    }
}
