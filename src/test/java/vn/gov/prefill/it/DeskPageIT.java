package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The one-stop desk on the reference page, in headless Chromium, with the keyboard alone: the desk's officer signs in,
 * the citizen signs in beside them, the form is prefilled and filed with both tokens on every citizen's call, the
 * desk named on the receipt; the citizen is changed (the officer stays), the officer signs out; then Hoa, alone, sees
 * the desk in "Ai đã đọc dữ liệu của tôi" and her dossier as filed at the desk. axe-core finds nothing on each step.
 */
class DeskPageIT extends ReferencePageTestSupport {

    static final String FORM = "criminal-record-request";
    static final String OFFICER = "CB.27.0042";
    static final String UNIT = "000.27.31.H09";
    static final String UNIT_NAME = "Bộ phận Một cửa phường Kinh Bắc";
    static final String AT_DESK = "tại " + UNIT_NAME + " (" + UNIT + "), cán bộ " + OFFICER;

    /** Records the method, address and the two authorisation headers of every call the page makes. */
    static final String RECORD_CALLS = "window.__calls = []; window.__fetch = window.fetch;"
            + "window.fetch = (url, init) => { const h = (init && init.headers) || {};"
            + "  window.__calls.push({url: String(url), method: (init && init.method) || 'GET',"
            + "    auth: h.Authorization || null, citizen: h['X-Citizen-Authorization'] || null});"
            + "  return window.__fetch(url, init); };";

    static void axeFindsNothing() {
        List<JsonNode> violations = browser.violations();
        assertThat(violations).as(PageBrowser.describe(violations)).isEmpty();
    }

    @Test
    void anOfficerAndTheCitizenBesideThemFileByKeyboardAndTheCitizenAloneSeesTheDesk() {
        String hoaName = call("GET", "/api/v1/demo/personas", null, null, null).body().findParents("id").stream()
                .filter(p -> p.get("id").asText().equals("hoa")).findFirst().orElseThrow().get("fullName").asText();
        browser.js(RECORD_CALLS);

        // the officer signs in: the desk's banner, and the page asks the citizen to sign in beside them
        browser.tabTo("sign-in-officer");
        assertThat(browser.driver.findElement(By.id("officer-title")).getText()).isEqualTo("Cán bộ Bộ phận Một cửa (thử nghiệm)");
        browser.keys(Keys.ENTER);
        WebElement banner = browser.visible(By.id("desk-banner"));
        assertThat(banner.getText()).contains(UNIT_NAME + " — cán bộ " + OFFICER).contains("Chưa có người dân đăng nhập");
        browser.wait.until(d -> "Người dân đăng nhập".equals(d.switchTo().activeElement().getText()));
        assertThat(browser.driver.findElements(By.id("sign-in-officer"))).as("one officer at a time").isEmpty();
        assertThat(browser.driver.findElements(By.id("signed-in"))).isEmpty();
        axeFindsNothing();
        browser.screenshot("desk-citizen-sign-in");

        // the citizen signs in beside the officer (Hoa, the first choice)
        browser.tabTo("persona");
        browser.tabTo("sign-in");
        browser.keys(Keys.ENTER);
        browser.present(By.id("start-form"));
        browser.wait.until(d -> ("Người dân: " + hoaName).equals(d.findElement(By.id("desk-citizen")).getText()));
        assertThat(browser.driver.findElement(By.id("desk-banner")).getText()).contains("cán bộ " + OFFICER);
        for (int i = 0; i < 150 && !String.valueOf(browser.activeId()).startsWith("form-choice-"); i++) {
            browser.keys(Keys.TAB);
        }
        for (int i = 0; i < 10 && !browser.driver.findElement(By.cssSelector("input[value=" + FORM + "]")).isSelected(); i++) {
            browser.keys(Keys.ARROW_DOWN);
        }
        browser.tabTo("start-form");
        browser.keys(Keys.ENTER);

        // prefilled as hers, answered and filed
        browser.visible(By.id("root_purpose"));
        assertThat(browser.driver.findElement(By.id("prefill-counter")).getText()).contains("Đã điền sẵn");
        axeFindsNothing();
        browser.tabTo("root_purpose");
        browser.keys("Xin việc");
        browser.tabTo("root_certificateType");
        browser.keys(Keys.ARROW_DOWN);
        browser.tabTo("to-check");
        browser.keys(Keys.ENTER);
        browser.visible(By.id("submit"));
        browser.tabTo("submit");
        browser.keys(Keys.ENTER);
        WebElement confirmation = browser.visible(By.id("confirmation"));
        String id = confirmation.getAttribute("data-dossier-id");
        browser.wait.until(d -> d.findElement(By.id("confirmation")).getText().contains("Nộp " + AT_DESK));
        // at a desk the verdict asks about the officer too
        assertThat(browser.visible(By.id("rating-filing-staff")).getText()).contains("Cán bộ Bộ phận Một cửa hướng dẫn có tận tình không?");
        axeFindsNothing();
        browser.screenshot("desk-confirmation");
        browser.js("window.scrollTo(0, 0);");
        browser.viewport("desk-confirmation-first-screen", 1000, 1500);

        // every call with the citizen's token carried the officer's as the caller and hers beside it
        List<JsonNode> calls = calls();
        List<JsonNode> personal = calls.stream().filter(c -> c.get("citizen").isTextual()).toList();
        assertThat(personal).extracting(c -> c.get("method").asText() + " " + c.get("url").asText().replaceAll("\\?.*", ""))
                .contains("GET /api/v1/me/suggestions", "POST /api/v1/forms/" + FORM + "/prefill", "POST /api/v1/forms/" + FORM + "/dossiers",
                        "GET /api/v1/me/dossiers/" + id);
        assertThat(calls).filteredOn(c -> c.get("url").asText().matches(".*/(me|prefill|dossiers).*"))
                .as("no citizen's call without both").allMatch(c -> c.get("citizen").isTextual() && c.get("auth").isTextual());
        String officer = personal.get(0).get("auth").asText().replace("Bearer ", "");
        String citizen = personal.get(0).get("citizen").asText().replace("Bearer ", "");
        assertThat(personal).allMatch(c -> c.get("auth").asText().equals("Bearer " + officer) && c.get("citizen").asText().equals("Bearer " + citizen));
        // the caller is the officer, who alone reads nobody's data; the citizen's token is Hoa's own
        assertThat(call("GET", "/api/v1/me/dossiers", officer, null, null).status()).isEqualTo(400);
        JsonNode filed = call("GET", "/api/v1/me/dossiers/" + id, citizen, null, null).body();
        assertThat(filed.get("channel").asText()).isEqualTo("DESK");
        assertThat(filed.at("/desk/officer").asText()).isEqualTo(OFFICER);
        assertThat(filed.at("/desk/unit").asText()).isEqualTo(UNIT);

        // a stage rated already (here through the API, as from another device) is a 409 in the page's error summary
        assertThat(call("POST", "/api/v1/me/dossiers/" + id + "/rating", citizen, "application/json",
                "{\"stage\": \"FILING\", \"score\": 5}").status()).isEqualTo(201);
        browser.tabTo("rating-filing-score-5");
        browser.keys(Keys.SPACE);
        browser.tabTo("rating-filing-send");
        browser.keys(Keys.ENTER);
        browser.wait.until(d -> "rating-filing-errors".equals(browser.activeId()));
        assertThat(browser.driver.findElement(By.id("rating-filing-errors")).getText())
                .contains("Có vấn đề cần sửa").contains("Bạn đã gửi ý kiến cho bước này của hồ sơ; mỗi bước chỉ đánh giá một lần.");
        axeFindsNothing();

        // the next citizen: Hoa signs out, the officer stays
        browser.tabTo("sign-out-citizen");
        browser.keys(Keys.ENTER);
        browser.wait.until(d -> "Người dân đăng nhập".equals(d.switchTo().activeElement().getText()));
        assertThat(browser.driver.findElement(By.id("desk-banner")).getText()).contains("cán bộ " + OFFICER).contains("Chưa có người dân đăng nhập");
        assertThat(browser.driver.findElements(By.id("signed-in"))).isEmpty();
        // the officer signs out: the plain sign-in, and no call carries a citizen's authorisation any more
        browser.tabTo("sign-out");
        browser.keys(Keys.ENTER);
        browser.visible(By.id("sign-in-officer"));
        assertThat(browser.driver.findElements(By.id("desk-banner"))).isEmpty();
        int before = calls().size();

        // Hoa alone: the read made at the desk, and the dossier filed there
        browser.signIn("hoa");
        browser.driver.findElement(By.id("who-read")).click();
        WebElement reads = browser.visible(By.id("disclosures"));
        assertThat(reads.findElements(By.cssSelector(".desk-read")).stream().map(WebElement::getText).toList()).contains(AT_DESK);
        JsonNode disclosures = call("GET", "/api/v1/me/disclosures?size=50", citizen, null, null).body();
        assertThat(disclosures.get("items").findValuesAsText("text")).contains(AT_DESK);
        axeFindsNothing();
        browser.screenshot("desk-disclosures");
        browser.driver.findElement(By.id("my-dossiers")).click();
        WebElement row = browser.visible(By.cssSelector("#dossiers tr[data-dossier-id='" + id + "']"));
        assertThat(row.findElement(By.cssSelector(".desk-filed")).getText()).isEqualTo("Nộp " + AT_DESK);
        axeFindsNothing();
        row.findElement(By.id("dossier-" + id)).click();
        browser.wait.until(d -> "DESK".equals(d.findElement(By.id("dossier-channel")).getAttribute("data-channel")));
        assertThat(browser.driver.findElement(By.id("dossier-channel")).getText()).isEqualTo("Nộp " + AT_DESK);
        // the filing is rated already: not asked again
        assertThat(browser.driver.findElements(By.id("rating-filing"))).isEmpty();
        axeFindsNothing();
        assertThat(calls().subList(before, calls().size())).as("alone, no call names a citizen beside an officer")
                .allMatch(c -> c.get("citizen").isNull());
    }

    @Test
    void anOfficerAloneIsAskedForTheCitizenAndOffersNoCitizensPages() {
        browser.driver.findElement(By.id("sign-in-officer")).click();
        browser.visible(By.id("desk-banner"));
        assertThat(browser.driver.findElement(By.tagName("h1")).getText()).isEqualTo("Người dân đăng nhập");
        assertThat(browser.driver.findElements(By.id("my-dossiers"))).isEmpty();
        assertThat(browser.driver.findElements(By.id("who-read"))).isEmpty();
        assertThat(browser.driver.findElement(By.id("sign-out")).getText()).isEqualTo("Cán bộ đăng xuất");
        browser.driver.findElement(By.id("language")).click();
        browser.wait.until(d -> d.findElement(By.tagName("h1")).getText().equals("The citizen signs in"));
        assertThat(browser.driver.findElement(By.id("desk-banner")).getText()).contains("officer " + OFFICER).contains("No citizen signed in yet");
        assertThat(browser.driver.findElement(By.cssSelector("#desk-banner span[lang=vi]")).getText()).isEqualTo(UNIT_NAME);
        axeFindsNothing();
    }

    private List<JsonNode> calls() {
        try {
            List<JsonNode> out = new ArrayList<>();
            JSON.readTree(String.valueOf(browser.js("return JSON.stringify(window.__calls);"))).forEach(out::add);
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
