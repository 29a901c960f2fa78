package vn.gov.prefill.it;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.test.context.TestPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;

/**
 * Filing from the reference page and following the dossier, in headless Chromium against the gateway and its
 * mocks, the demo handling system calling back (mocks/handling-progress.json): a double click and a retry after a
 * lost answer file one dossier (one Idempotency-Key), the receipt names it, "Hồ sơ của tôi" lists it in Vietnam
 * time, and its page, open, follows it by itself from a failed delivery, through the operator's redelivery and
 * the handling system's code, to its result, which the next request's attachment slot then offers.
 */
// the properties of HandlingEventsIT, so that both share one application context
@TestPropertySource(properties = {
        "spring.datasource.url=jdbc:h2:mem:handling-events;MODE=PostgreSQL;DB_CLOSE_DELAY=-1",
        "gateway.mocks.handling-progress=mocks/handling-progress.json",
        "gateway.handling.reconcile-after=4s", "gateway.handling.reconcile-sweep=1s"})
class FilingPageIT extends ReferencePageTestSupport {

    static final String FORM = "criminal-record-request";
    static final String FORM_TITLE = "Tờ khai yêu cầu cấp Phiếu lý lịch tư pháp";
    static final String HOA = "027190001234";
    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/uuuu HH:mm");
    static final DateTimeFormatter SHOWN_DAY = DateTimeFormatter.ofPattern("dd/MM/uuuu");

    /** Records each filing the page sends (its key and token); the first one's answer is lost on its way back. */
    static final String LOSE_FIRST_ANSWER = "window.__filings = []; window.__fetch = window.fetch;"
            + "window.fetch = async (url, init) => {"
            + "  if (!String(url).endsWith('/dossiers')) return window.__fetch(url, init);"
            + "  const sent = {key: init.headers['Idempotency-Key'], token: init.headers.Authorization.replace('Bearer ', '')};"
            + "  window.__filings.push(sent);"
            + "  const response = await window.__fetch(url, init);"
            + "  if (window.__filings.length > 1) return response;"
            + "  sent.lostAnswer = await response.json();"
            + "  throw new TypeError('Failed to fetch');"
            + "};";

    @Test
    void aDoubleClickAndALostAnswerFileOnceAndTheOpenDossierFollowsItToItsResult() throws Exception {
        long before = total(token("hoa"));
        // the handling system is down for Hoa's dossiers until the test says otherwise
        StubMapping down = mocks.stubFor(post(urlPathEqualTo("/handling/v1/hoso")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.NguoiNop[?(@.SoDinhDanh == '" + HOA + "')]"))
                .willReturn(aResponse().withStatus(503).withHeader("Content-Type", "application/json").withBody("{}")));
        try {
            browser.signIn("hoa");
            browser.startForm(FORM, null);
            browser.answerCriminalRecordRequest();
            browser.driver.findElement(By.id("to-check")).click();
            browser.visible(By.id("submit"));
            browser.js(LOSE_FIRST_ANSWER);

            // a double click: the second click sends nothing while the first is out; its answer never comes back
            browser.js("const b = document.getElementById('submit'); b.click(); b.click();");
            WebElement problem = browser.visible(By.id("filing-problem"));
            browser.wait.until(d -> "filing-problem".equals(browser.activeId()));
            assertThat(problem.getText()).contains("Chưa nhận được xác nhận nộp hồ sơ").contains("chỉ được nộp một lần");
            assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Kiểm tra lại câu trả lời");
            JsonNode filings = filings();
            assertThat(filings).as("a double click sends one filing").hasSize(1);
            String filed = filings.at("/0/lostAnswer/dossierId").asText();
            assertThat(filed).as("the lost answer was a receipt").matches("[0-9A-Z]{26}");
            assertThat(total(token("hoa"))).isEqualTo(before + 1);
            List<JsonNode> lost = browser.violations();
            assertThat(lost).as(PageBrowser.describe(lost)).isEmpty();
            browser.screenshot("filing-answer-lost");

            // the citizen presses again: the same key, so the gateway answers the first filing's receipt
            browser.driver.findElement(By.id("submit")).click();
            WebElement confirmation = browser.visible(By.id("confirmation"));
            filings = filings();
            assertThat(filings).hasSize(2);
            String key = filings.at("/0/key").asText();
            assertThat(key).matches("[\\x21-\\x7e]{1,64}");
            assertThat(filings.at("/1/key").asText()).isEqualTo(key);
            assertThat(confirmation.getAttribute("data-dossier-id")).isEqualTo(filed);
            assertThat(browser.driver.findElement(By.id("dossier-reference")).getText()).isEqualTo(filed);
            assertThat(confirmation.getText()).contains("Đã nộp hồ sơ").contains("Số tham chiếu hồ sơ của bạn");
            assertThat(browser.driver.switchTo().activeElement().getText()).as("the focus on the panel's heading").isEqualTo("Đã nộp hồ sơ");
            assertThat(browser.driver.findElement(By.id("main")).getText()).contains("Điều gì sẽ xảy ra tiếp theo")
                    .contains("Theo dõi tình trạng và nhận kết quả tại Hồ sơ của tôi");
            assertThat(total(token("hoa"))).as("one dossier for a double click and a retry").isEqualTo(before + 1);

            // the gateway has it, for the very token the page used
            String pageToken = filings.at("/1/token").asText();
            Answer mine = call("GET", "/api/v1/me/dossiers/" + filed, pageToken, null, null);
            assertThat(mine.status()).isEqualTo(200);
            assertThat(mine.body().get("formId").asText()).isEqualTo(FORM);
            String filedAt = mine.body().get("filedAt").asText();
            String shownFiledAt = OffsetDateTime.parse(filedAt).atZoneSameInstant(VIETNAM).format(SHOWN);
            assertThat(confirmation.getText()).contains("Nộp lúc " + shownFiledAt);
            List<JsonNode> receipt = browser.violations();
            assertThat(receipt).as(PageBrowser.describe(receipt)).isEmpty();
            browser.screenshot("filing-confirmation");

            browser.driver.findElement(By.id("confirmation-my-dossiers")).click();
            WebElement table = browser.visible(By.id("dossiers"));
            assertThat(browser.activeId()).isEqualTo("my-dossiers-title");
            WebElement row = table.findElement(By.cssSelector("tbody tr"));
            assertThat(row.getAttribute("data-dossier-id")).as("newest first").isEqualTo(filed);
            assertThat(row.getText()).contains(FORM_TITLE).contains(filed).contains(shownFiledAt);
            assertThat(row.findElement(By.cssSelector(".tag")).getText()).isIn("Đã nộp", "Chuyển không thành công");
            List<JsonNode> list = browser.violations();
            assertThat(list).as(PageBrowser.describe(list)).isEmpty();
            browser.screenshot("my-dossiers");
            browser.viewport("my-dossiers-phone", 412, 915);

            row.findElement(By.id("dossier-" + filed)).click();
            WebDriverWait patient = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
            patient.until(d -> "DELIVERY_FAILED".equals(d.findElement(By.id("dossier")).getAttribute("data-status")));
            assertThat(browser.activeId()).isEqualTo("dossier-title");
            assertThat(browser.driver.findElement(By.id("dossier-title")).getText()).isEqualTo(FORM_TITLE);
            WebElement dossier = browser.driver.findElement(By.id("dossier"));
            assertThat(dossier.findElement(By.cssSelector(".tag")).getText()).isEqualTo("Chuyển không thành công");
            assertThat(dossier.getText()).contains("bạn không cần nộp lại").contains("Chưa có");
            // the gateway's note on a failed delivery is for operators, not shown to the citizen
            assertThat(dossier.getText()).doesNotContain("HTTP_503").doesNotContain("attempts");
            List<JsonNode> failed = browser.violations();
            assertThat(failed).as(PageBrowser.describe(failed)).isEmpty();
            browser.screenshot("dossier-delivery-failed");

            // the handling system is back; an operator sends it again; the open page follows by itself: delivered,
            // then the demo handling system's steps (in progress after 2 s, the result after 5 s)
            mocks.removeStub(down);
            assertThat(call("POST", "/api/v1/admin/dossiers/" + filed + "/redeliver", operatorToken(), null, null).status()).isEqualTo(202);
            patient.until(d -> "RESULT_READY".equals(d.findElement(By.id("dossier")).getAttribute("data-status")));
            JsonNode ready = call("GET", "/api/v1/me/dossiers/" + filed, pageToken, null, null).body();
            assertThat(ready.get("status").asText()).isEqualTo("RESULT_READY");
            String handlingCode = ready.get("handlingCode").asText();
            assertThat(handlingCode).isNotBlank();
            JsonNode result = ready.get("result");
            assertThat(result.get("url").asText()).startsWith("https://");
            dossier = browser.driver.findElement(By.id("dossier"));
            assertThat(dossier.findElement(By.cssSelector(".tag")).getText()).isEqualTo("Đã có kết quả");
            assertThat(browser.driver.findElement(By.id("handling-code")).getText()).isEqualTo(handlingCode);
            assertThat(browser.driver.findElement(By.id("dossier-news")).getText()).isEqualTo("Tình trạng mới của hồ sơ: Đã có kết quả");
            WebElement shownResult = browser.driver.findElement(By.id("result"));
            assertThat(shownResult.getText()).contains(result.get("title").asText()).contains(result.get("number").asText())
                    .contains(LocalDate.parse(result.get("issuedOn").asText()).format(SHOWN_DAY));
            WebElement link = browser.driver.findElement(By.id("result-link"));
            assertThat(link.getText()).isEqualTo("Mở văn bản kết quả");
            assertThat(link.getAttribute("href")).isEqualTo(result.get("url").asText());
            assertThat(browser.driver.findElements(By.cssSelector("#timeline > li")).stream().map(li -> li.getAttribute("data-status")).toList())
                    .as("newest first").containsExactly("RESULT_READY", "IN_PROGRESS", "DELIVERED", "RECEIVED", "DELIVERY_FAILED", "RECEIVED");
            assertThat(browser.driver.findElement(By.id("timeline")).getText())
                    .contains("Đã chuyển đến cơ quan giải quyết").contains("Chuyển lại đến cơ quan giải quyết")
                    .contains("Chuyển không thành công").contains("Đã nộp")
                    .contains("Hồ sơ đang được cán bộ thụ lý xem xét").contains("Đã có kết quả, nhận bản điện tử trên cổng");
            assertThat(mocks.findAll(postRequestedFor(urlPathEqualTo("/handling/v1/hoso")).withHeader("Idempotency-Key", equalTo(filed))))
                    .as("delivered under the dossier's id").isNotEmpty();
            assertThat(browser.activeId()).as("a refresh leaves the focus where it was").isEqualTo("dossier-title");
            List<JsonNode> detail = browser.violations();
            assertThat(detail).as(PageBrowser.describe(detail)).isEmpty();
            browser.screenshot("dossier-result-ready");

            browser.driver.findElement(By.id("language")).click();
            browser.wait.until(d -> d.findElement(By.cssSelector("#dossier .tag")).getText().equals("Result ready"));
            assertThat(browser.driver.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("en");
            assertThat(browser.driver.findElement(By.cssSelector("#dossier-title span")).getAttribute("lang")).isEqualTo("vi");
            assertThat(browser.driver.findElement(By.id("result-link")).getText()).isEqualTo("Open the result document");
            assertThat(browser.driver.findElement(By.id("timeline")).getText()).contains("Sent to the handling agency")
                    .contains("Sending failed").contains("In progress").contains("Submitted");
            // the agency's notes stay as written, marked Vietnamese
            assertThat(browser.driver.findElements(By.cssSelector("#timeline .timeline-note span")).stream()
                    .map(n -> n.getAttribute("lang")).toList()).containsExactly("vi", "vi");
            browser.screenshot("dossier-result-ready-en");

            // the result handed back is offered in the next request's slot, as the result of her own dossier
            browser.driver.findElement(By.id("language")).click();
            browser.driver.findElement(By.id("sign-out")).click();
            browser.signIn("hoa");
            browser.startForm(FORM, null);
            String ref = result.get("documentRef").asText();
            assertThat(ref).isNotBlank();
            WebElement offered = browser.visible(By.cssSelector("#root_attachments_previousCertificate input[data-document-ref='" + ref + "']"));
            assertThat(offered.isSelected()).as("offered, not chosen for her").isFalse();
            assertThat(browser.driver.findElement(By.cssSelector("label[for='" + offered.getAttribute("id") + "']")).getText())
                    .contains(result.get("title").asText())
                    .contains(LocalDate.parse(result.get("issuedOn").asText()).format(SHOWN_DAY))
                    .contains("kết quả hồ sơ bạn đã nộp");
        } finally {
            mocks.removeStub(down);
        }
    }

    /**
     * After filing, one question (a radio group in a fieldset, its legend the question) is enough: Send with nothing
     * chosen is the page's error summary, a score chosen with the keyboard is sent and thanked for, and the dossier's
     * view says FILING is rated. Once the result is ready, the dossier's page asks about it (and not the filing again):
     * a comment one character too long is stopped on the page, the rest sent with the optional answers, masked for
     * operators.
     */
    @Test
    void theCitizenAnswersOneQuestionAfterFilingAndAnotherOnceTheResultIsReady() {
        browser.signIn("hoa");
        browser.startForm(FORM, null);
        browser.answerCriminalRecordRequest();
        browser.driver.findElement(By.id("to-check")).click();
        browser.visible(By.id("submit")).click();
        String id = browser.visible(By.id("confirmation")).getAttribute("data-dossier-id");
        WebElement question = browser.visible(By.id("rating-filing"));
        assertThat(question.findElement(By.cssSelector("#rating-filing-score legend")).getText())
                .isEqualTo("Bạn có hài lòng với việc nộp hồ sơ này không?");
        assertThat(question.findElements(By.cssSelector("#rating-filing-score label")).stream().map(WebElement::getText).toList())
                .containsExactly("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng", "Rất không hài lòng");
        assertThat(question.getText()).contains("Cho chúng tôi biết thêm (không bắt buộc)").contains("Bạn còn 1.200 ký tự");
        assertThat(browser.driver.findElements(By.id("rating-filing-staff"))).as("no officer online").isEmpty();
        assertThat(browser.driver.findElements(By.id("rating-filing-easy"))).hasSize(1);
        List<JsonNode> asked = browser.violations();
        assertThat(asked).as(PageBrowser.describe(asked)).isEmpty();
        browser.screenshot("rating-filing");

        // with the keyboard: Send with nothing chosen, the summary's link back to the question, a score, Send
        browser.tabTo("rating-filing-send");
        browser.keys(Keys.ENTER);
        browser.wait.until(d -> "rating-filing-errors".equals(browser.activeId()));
        assertThat(browser.driver.findElement(By.id("rating-filing-errors")).getText())
                .contains("Hãy chọn mức độ hài lòng của bạn với việc nộp hồ sơ");
        assertThat(question.findElement(By.cssSelector("#rating-filing-score .field-error")).getText())
                .isEqualTo("Hãy chọn mức độ hài lòng của bạn với việc nộp hồ sơ");
        List<JsonNode> summary = browser.violations();
        assertThat(summary).as(PageBrowser.describe(summary)).isEmpty();
        browser.keys(Keys.TAB);
        browser.keys(Keys.ENTER);
        assertThat(browser.activeId()).isEqualTo("rating-filing-score-5");
        browser.keys(Keys.ARROW_DOWN);
        assertThat(browser.driver.findElement(By.id("rating-filing-score-4")).isSelected()).isTrue();
        String hoa = token("hoa");
        assertThat(call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body().get("rated")).as("nothing sent yet").isEmpty();
        browser.tabTo("rating-filing-send");
        browser.keys(Keys.ENTER);
        WebElement thanks = browser.visible(By.id("rating-filing-thanks"));
        assertThat(thanks.getText()).contains("Cảm ơn bạn đã góp ý");
        browser.wait.until(d -> "Cảm ơn bạn đã góp ý".equals(d.switchTo().activeElement().getText()));
        assertThat(browser.driver.findElements(By.id("rating-filing"))).as("the thanks in place of the question").isEmpty();
        List<JsonNode> thanked = browser.violations();
        assertThat(thanked).as(PageBrowser.describe(thanked)).isEmpty();
        browser.screenshot("rating-thanks");
        JsonNode view = call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body();
        assertThat(view.get("rated").toString()).isEqualTo("[\"FILING\"]");
        assertThat(view.get("canRate").toString()).doesNotContain("FILING");
        String operator = operatorToken();
        String period = "?from=" + today().minusDays(1) + "&to=" + today().plusDays(1) + "&size=5";
        JsonNode first = call("GET", "/api/v1/admin/ratings" + period, operator, null, null).body().at("/items/0");
        assertThat(first.get("stage").asText()).isEqualTo("FILING");
        assertThat(first.get("score").asInt()).isEqualTo(4);

        // the dossier's page, once its result is ready: the question about the result, the filing's not asked again
        browser.driver.findElement(By.id("confirmation-my-dossiers")).click();
        browser.visible(By.id("dossier-" + id)).click();
        WebDriverWait patient = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
        patient.until(d -> "RESULT_READY".equals(d.findElement(By.id("dossier")).getAttribute("data-status")));
        WebElement result = browser.visible(By.id("rating-result"));
        assertThat(browser.driver.findElements(By.id("rating-filing"))).isEmpty();
        assertThat(result.findElement(By.cssSelector("#rating-result-score legend")).getText())
                .isEqualTo("Bạn có hài lòng với việc giải quyết hồ sơ này không?");
        browser.driver.findElement(By.cssSelector("label[for=rating-result-score-5]")).click();
        browser.driver.findElement(By.cssSelector("label[for=rating-result-easy-4]")).click();
        browser.driver.findElement(By.cssSelector("label[for=rating-result-time-3]")).click();
        WebElement comment = browser.driver.findElement(By.id("rating-result-comment"));
        String praise = "Nhanh chóng, cán bộ hướng dẫn rõ ràng.";
        comment.sendKeys(praise);
        browser.wait.until(d -> ("Bạn còn " + String.format(java.util.Locale.GERMANY, "%,d", 1200 - praise.length()) + " ký tự")
                .equals(d.findElement(By.id("rating-result-comment-count")).getText()));
        List<JsonNode> resultAsked = browser.violations();
        assertThat(resultAsked).as(PageBrowser.describe(resultAsked)).isEmpty();
        browser.element("rating-result", By.id("rating-result"));
        comment.sendKeys("x".repeat(1201 - praise.length()));
        browser.wait.until(d -> "Bạn đã nhập quá 1 ký tự".equals(d.findElement(By.id("rating-result-comment-count")).getText()));
        browser.driver.findElement(By.id("rating-result-send")).click();
        browser.wait.until(d -> "rating-result-errors".equals(browser.activeId()));
        assertThat(browser.driver.findElement(By.id("rating-result-errors")).getText()).contains("Góp ý chỉ được tối đa 1.200 ký tự");
        assertThat(call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body().get("rated").size()).as("not sent").isEqualTo(1);
        comment.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        comment.sendKeys("Nhanh, cán bộ gọi lại số 0912345678");
        List<JsonNode> refused = browser.violations();
        assertThat(refused).as(PageBrowser.describe(refused)).isEmpty();
        browser.driver.findElement(By.id("rating-result-send")).click();
        browser.visible(By.id("rating-result-thanks"));
        // the page's next readings of the dossier leave the thanks where they are
        browser.wait.until(d -> call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body().get("canRate").isEmpty());
        assertThat(browser.driver.findElement(By.id("rating-result-thanks")).isDisplayed()).isTrue();
        view = call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body();
        assertThat(view.get("rated").toString()).isEqualTo("[\"FILING\",\"RESULT\"]");
        JsonNode rated = call("GET", "/api/v1/admin/ratings" + period, operator, null, null).body().at("/items/0");
        assertThat(rated.get("stage").asText()).isEqualTo("RESULT");
        assertThat(rated.get("score").asInt()).isEqualTo(5);
        assertThat(rated.at("/items/easy").asInt()).isEqualTo(4);
        assertThat(rated.at("/items/time").asInt()).isEqualTo(3);
        assertThat(rated.at("/items/staff").isMissingNode() || rated.at("/items/staff").isNull()).isTrue();
        assertThat(rated.get("comment").asText()).isEqualTo("Nhanh, cán bộ gọi lại số [phone]");
    }

    @Test
    void somebodyWhoFiledNothingIsToldSo() {
        browser.signIn("tam");
        browser.driver.findElement(By.id("my-dossiers")).click();
        WebElement none = browser.visible(By.id("no-dossiers"));
        assertThat(none.getText()).isEqualTo("Bạn chưa nộp hồ sơ nào.");
        assertThat(browser.activeId()).isEqualTo("my-dossiers-title");
        assertThat(browser.driver.findElements(By.id("dossiers"))).isEmpty();
        browser.driver.findElement(By.cssSelector("#main .actions button")).click();
        browser.visible(By.id("start-form"));
    }

    private JsonNode filings() {
        try {
            return JSON.readTree(String.valueOf(browser.js("return JSON.stringify(window.__filings);")));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private long total(String token) {
        Answer page = call("GET", "/api/v1/me/dossiers?size=1", token, null, null);
        assertThat(page.status()).isEqualTo(200);
        return page.body().get("total").asLong();
    }
}
