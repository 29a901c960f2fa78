package vn.gov.prefill.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.gov.prefill.RequiredTool;

/**
 * /dashboard in headless Chromium (Debian's chromium and chromium-driver, which .ci/run installs):
 * the demo sign-in, and the charts' series for a known replay, read from ECharts itself. Skipped
 * without chromium, except on CI ({@code CI=true}). Saves target/screenshots/dashboard.png (and dashboard-journey.png).
 */
class DashboardBrowserIT extends GatewayTestSupport {

    static final String CHROMEDRIVER = "/usr/bin/chromedriver";
    static final String FORM = "criminal-record-request";
    /** A month of its own, far from the days the other tests record on. */
    static final int DAYS_AGO = 2000;
    /** Names the dashboard takes from the source catalogue (schemas/sources) and the rules (rules/life-events). */
    static final String POPULATION = "CSDLQG về dân cư";
    static final String CHANGE_NOTICE = "Cập nhật giấy tờ của người đại diện theo pháp luật (CMND cũ)";
    static final String CHILD_INSURANCE = "Cấp thẻ BHYT cho trẻ em dưới 6 tuổi";
    static ChromeDriver browser;

    @BeforeAll
    static void chromium() {
        if (!new File(CHROMEDRIVER).canExecute()) {
            RequiredTool.missing(CHROMEDRIVER + " is missing: the dashboard is not tested in a browser here",
                    ".ci/run installs chromium and chromium-driver");
        }
        ChromeOptions options = new ChromeOptions().addArguments("--headless", "--no-sandbox", "--disable-gpu",
                "--disable-background-networking", "--window-size=1400,1800", "--lang=vi");
        File binary = new File("/usr/bin/chromium");
        if (binary.canExecute()) {
            options.setBinary(binary);
        }
        browser = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(new File(CHROMEDRIVER)).build(), options);
    }

    @AfterAll
    static void quit() {
        if (browser != null) {
            browser.quit();
        }
    }

    Answer replay(String method, String path, String token, String body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                    .header("Authorization", "Bearer " + token).header("X-Demo-Days-Ago", String.valueOf(DAYS_AGO));
            if (body != null) {
                request.header("Content-Type", "application/json");
            }
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(r.statusCode(), "", JSON.readTree(r.body()), r);
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * hoa prefills twice; submits once as prefilled (15 of 15 kept), once with her residence re-entered (14 kept);
     * quang sees a suggestion twice and follows it once.
     */
    void knownReplay() {
        String hoa = token("hoa");
        // a first read of a cold gateway may time out (1 s in the tests): warm it up, today
        prefill(FORM, hoa, null);
        for (boolean move : new boolean[] {false, true}) {
            Answer p = replay("POST", "/api/v1/forms/" + FORM + "/prefill", hoa, null);
            ObjectNode data = (ObjectNode) p.body().get("data").deepCopy();
            data.put("purpose", "Xin việc");
            data.put("certificateType", 1);
            if (move) {
                ((ObjectNode) data.get("applicant")).putObject("currentResidence").put("text", "Số 1 phố Mới, Tỉnh Bắc Ninh");
            }
            ObjectNode body = JSON.createObjectNode();
            body.set("data", data);
            body.put("prefillToken", p.body().get("prefillToken").asText());
            assertThat(replay("POST", "/api/v1/forms/" + FORM + "/submissions", hoa, body.toString()).status()).isEqualTo(200);
        }
        // quang is shown his change notice twice and follows the second showing: 2 shown, 1 followed
        String quang = token("quang");
        for (int i = 0; i < 2; i++) {
            assertThat(replay("GET", "/api/v1/me/suggestions", quang, null).body().findValuesAsText("lifeEvent"))
                    .containsExactly("ENTERPRISE_REPRESENTATIVE_UPDATE");
        }
        assertThat(replay("POST", "/api/v1/forms/enterprise-change-notice/prefill", quang,
                "{\"actingFor\": {\"type\": \"ENTERPRISE\", \"enterpriseCode\": \"0108881233\"}}").status()).isEqualTo(200);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> option(String chart) {
        return (Map<String, Object>) ((JavascriptExecutor) browser).executeScript(
                "return echarts.getInstanceByDom(document.getElementById(arguments[0])).getOption();", chart);
    }

    @SuppressWarnings("unchecked")
    static List<Object> series(Map<String, Object> option, int index, String expectedName) {
        Map<String, Object> s = ((List<Map<String, Object>>) option.get("series")).get(index);
        assertThat(s.get("name")).isEqualTo(expectedName);
        return (List<Object>) s.get("data");
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> yAxisLabel(Map<String, Object> option) {
        return (Map<String, Object>) ((List<Map<String, Object>>) option.get("yAxis")).get(0).get("axisLabel");
    }

    @SuppressWarnings("unchecked")
    static List<Object> axis(Map<String, Object> option, String name) {
        return (List<Object>) ((List<Map<String, Object>>) option.get(name)).get(0).get("data");
    }

    @Test
    void theDashboardShowsTheKnownReplayAgainstTheTargets() throws Exception {
        knownReplay();
        String month = today().minusDays(DAYS_AGO).toString().substring(0, 7);
        String title = call("GET", "/api/v1/forms", null, null, null).body().findValues("id").stream()
                .filter(id -> id.asText().equals(FORM)).findFirst().map(id -> FORM).orElseThrow();
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));

        browser.get("http://localhost:" + port + "/dashboard");
        assertThat(browser.getTitle()).contains("Chỉ số");
        wait.until(d -> d.findElement(By.id("demo-signin")).isDisplayed());
        browser.findElement(By.id("demo-signin")).click();
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        ((JavascriptExecutor) browser).executeScript(
                "var m = document.getElementById('month'); m.value = arguments[0]; m.dispatchEvent(new Event('change'));", month);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));

        Map<String, Object> forms = option("chart-forms");
        List<Object> names = axis(forms, "yAxis");
        int row = -1;
        for (int i = 0; i < names.size(); i++) {
            if (String.valueOf(names.get(i)).toLowerCase().contains("lý lịch") || String.valueOf(names.get(i)).equals(title)) {
                row = i;
            }
        }
        assertThat(row).as("the criminal-record form among " + names).isNotNegative();
        assertThat(((Number) series(forms, 0, "Tái sử dụng").get(row)).doubleValue()).isEqualTo(85.3); // 29 / 34
        assertThat(((Number) series(forms, 1, "Độ phủ").get(row)).doubleValue()).isEqualTo(88.2); // 30 / 34
        assertThat(((Number) series(forms, 2, "Không nhập lại").get(row)).doubleValue()).isEqualTo(50.0); // 1 of 2
        // a form nobody used: no bar (a null share), not a zero
        int idle = row == 0 ? 1 : 0;
        assertThat(series(forms, 0, "Tái sử dụng").get(idle)).isNull();

        Map<String, Object> trend = option("chart-trend");
        assertThat(axis(trend, "xAxis")).hasSize(6).last().isEqualTo(month);
        List<Object> reuse = series(trend, 0, "Tái sử dụng");
        assertThat(((Number) reuse.get(5)).doubleValue()).isEqualTo(85.3);
        assertThat(reuse.get(4)).isNull();

        // registries by their names in the source catalogue, not their ids
        Map<String, Object> sources = option("chart-sources");
        List<Object> sourceNames = axis(sources, "yAxis");
        assertThat(sourceNames).contains(POPULATION).doesNotContain("population");
        assertThat(((Number) series(sources, 0, "Sẵn sàng").get(sourceNames.indexOf(POPULATION))).doubleValue()).isEqualTo(100.0);
        assertThat(series(option("chart-time"), 0, "Đăng nhập → nộp").get(row)).isNotNull();

        Map<String, Object> suggestions = option("chart-suggestions");
        // life events by their rules' titles, not their codes
        List<Object> lifeEvents = axis(suggestions, "yAxis");
        int change = lifeEvents.indexOf(CHANGE_NOTICE);
        assertThat(change).as("the change notice among " + lifeEvents).isNotNegative();
        assertThat(lifeEvents).contains(CHILD_INSURANCE).doesNotContain("CHILD_HEALTH_INSURANCE");
        assertThat(((Number) series(suggestions, 0, "Đã hiển thị").get(change)).intValue()).isEqualTo(2);
        assertThat(((Number) series(suggestions, 1, "Đã làm theo").get(change)).intValue()).isEqualTo(1);
        assertThat(((Number) series(suggestions, 0, "Đã hiển thị").get(lifeEvents.indexOf(CHILD_INSURANCE))).intValue()).isZero();
        assertThat(browser.findElement(By.cssSelector("#suggestions-table tr[data-life-event=ENTERPRISE_REPRESENTATIVE_UPDATE]")).getText())
                .contains(CHANGE_NOTICE + " 2 1 50 %");
        assertThat(browser.findElement(By.cssSelector("#suggestions-table tr[data-life-event=CHILD_HEALTH_INSURANCE]")).getText())
                .endsWith("0 0 –");
        assertThat(browser.findElement(By.id("card-reuse")).getText()).contains("85,3");
        assertThat(browser.findElement(By.id("card-reuse")).getAttribute("class")).contains("met");
        assertThat(browser.findElement(By.id("card-nothing")).getAttribute("class")).contains("missed");
        // names wrap on the axes rather than being cut off; the month picker speaks Vietnamese
        for (String chart : List.of("chart-forms", "chart-time", "chart-journey", "chart-sources", "chart-suggestions")) {
            assertThat(yAxisLabel(option(chart))).as(chart).containsEntry("overflow", "break");
        }
        assertThat(new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("month"))).getFirstSelectedOption().getText())
                .isEqualTo("Tháng " + month.substring(5) + "/" + month.substring(0, 4));
        assertThat(browser.findElement(By.id("report-status")).getText()).startsWith("Số liệu tháng " + month.substring(5) + "/" + month.substring(0, 4));

        if (!Files.isRegularFile(PageBrowser.AXE)) {
            RequiredTool.missing("axe-core is missing: " + PageBrowser.AXE, "npm ci in src/main/frontend (mvn verify runs it)");
        }
        String violations = (String) browser.executeAsyncScript(Files.readString(PageBrowser.AXE)
                + ";const done = arguments[arguments.length - 1];"
                + "axe.run(document, {resultTypes: ['violations']}).then(r => done(JSON.stringify(r.violations.map(v => "
                + "({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' '))})))));");
        assertThat(violations).as("axe-core on the dashboard, every impact").isEqualTo("[]");

        Path shot = Path.of("target/screenshots/dashboard.png");
        Files.createDirectories(shot.getParent());
        Files.copy(((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isGreaterThan(10_000);
    }

    /** Hoa files a dossier today; the journey chart and table of this month show the figures the API reports. */
    @Test
    void theJourneyChartShowsThisMonthsDossiersPerForm() throws Exception {
        String hoa = token("hoa");
        ObjectNode body = criminalRecordRequestAnswered(prefill(FORM, hoa, null));
        Answer filed = call("POST", "/api/v1/forms/" + FORM + "/dossiers", hoa, "application/json", body.toString());
        assertThat(filed.status()).isEqualTo(201);
        String id = filed.body().get("dossierId").asText();
        long until = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (call("GET", "/api/v1/me/dossiers/" + id, hoa, null, null).body().get("status").asText().equals("RECEIVED")
                && System.nanoTime() < until) {
            Thread.sleep(100);
        }
        JsonNode report = thisMonthOnTheDashboard();

        Map<String, Object> journey = option("chart-journey");
        List<Object> names = axis(journey, "yAxis");
        assertThat(names).hasSize(report.get("forms").size());
        int row = formRow(report);
        JsonNode form = report.get("forms").get(row);
        assertThat(form.get("dossiers").asLong()).isPositive();
        assertThat(form.get("delivered").asLong()).isPositive();
        assertThat(((Number) series(journey, 0, "Hồ sơ nộp").get(row)).longValue()).isEqualTo(form.get("dossiers").asLong());
        assertThat(((Number) series(journey, 1, "Đã chuyển").get(row)).longValue()).isEqualTo(form.get("delivered").asLong());
        assertThat(((Number) series(journey, 2, "Chuyển thất bại").get(row)).longValue()).isEqualTo(form.get("deliveryFailed").asLong());
        assertThat(((Number) series(journey, 3, "Có kết quả").get(row)).longValue()).isEqualTo(form.get("resultsReady").asLong());
        JsonNode online = report.get("channels").get(0);
        assertThat(browser.findElement(By.cssSelector("#journey-table tr[data-channel=ONLINE]")).getText())
                .startsWith("Nộp trực tuyến " + online.get("dossiers").asLong() + " " + online.get("delivered").asLong() + " "
                        + online.get("deliveryFailed").asLong() + " ");
        assertThat(browser.findElement(By.cssSelector("#journey-table tr[data-form=" + FORM + "]")).getText())
                .endsWith(" " + form.get("resultsReady").asLong());

        Path shot = Path.of("target/screenshots/dashboard-journey.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.findElement(By.id("journey")).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    /** The dashboard signed in (the demo operator) on this month; the API's report of the same month. */
    JsonNode thisMonthOnTheDashboard() {
        String month = today().toString().substring(0, 7);
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get("http://localhost:" + port + "/dashboard");
        wait.until(d -> d.findElement(By.id("demo-signin")).isDisplayed() || d.findElement(By.id("report")).isDisplayed());
        if (browser.findElement(By.id("demo-signin")).isDisplayed()) {
            browser.findElement(By.id("demo-signin")).click();
        }
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        ((JavascriptExecutor) browser).executeScript(
                "var m = document.getElementById('month'); m.value = arguments[0]; m.dispatchEvent(new Event('change'));", month);
        wait.until(d -> "true".equals(d.findElement(By.tagName("body")).getAttribute("data-ready")));
        return call("GET", "/api/v1/admin/indicators?from=" + month + "-01&to=" + today().withDayOfMonth(today().lengthOfMonth()),
                operatorToken(), null, null).body();
    }

    /** A share as the dashboard shows it: a percentage with one decimal in Vietnamese ("66,7 %"), "–" for null. */
    static String shown(JsonNode share) {
        if (share == null || share.isNull()) {
            return "–";
        }
        double value = Math.round(share.asDouble() * 1000) / 10.0;
        return (value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value).replace('.', ',')) + " %";
    }

    /**
     * Hoa files at the demo desk, with the officer, and rates the filing: the satisfied share is drawn per channel and
     * form against the targets of 2025 and 2026 (0.9 and 0.95, from ECharts), and the desks' table and the verdict's
     * card show what the API reports.
     */
    @Test
    @SuppressWarnings("unchecked")
    void theSatisfiedShareIsDrawnAgainstTheTargetsAndTheDesksAreTabled() throws Exception {
        String hoa = token("hoa");
        String officer = officerToken();
        Map<String, String> beside = Map.of("X-Citizen-Authorization", "Bearer " + hoa);
        Answer p = call("POST", "/api/v1/forms/" + FORM + "/prefill", officer, null, null, beside);
        assertThat(p.status()).isEqualTo(200);
        Answer filed = call("POST", "/api/v1/forms/" + FORM + "/dossiers", officer, "application/json",
                criminalRecordRequestAnswered(p).toString(), beside);
        assertThat(filed.status()).isEqualTo(201);
        String id = filed.body().get("dossierId").asText();
        assertThat(call("POST", "/api/v1/me/dossiers/" + id + "/rating", hoa, "application/json",
                "{\"stage\": \"FILING\", \"score\": 4, \"items\": {\"staff\": 5}}").status()).isEqualTo(201);

        JsonNode report = thisMonthOnTheDashboard();
        List<List<Object>> targets = (List<List<Object>>) ((JavascriptExecutor) browser).executeScript("return echarts.getInstanceByDom("
                + "document.getElementById('chart-satisfaction')).getOption().series[0].markLine.data.map(d => [d.name, d.xAxis]);");
        assertThat(targets).hasSize(2);
        assertThat(targets.get(0).get(0)).isEqualTo("Mục tiêu 2025");
        assertThat(((Number) targets.get(0).get(1)).doubleValue()).isEqualTo(0.9);
        assertThat(targets.get(1).get(0)).isEqualTo("Mục tiêu 2026");
        assertThat(((Number) targets.get(1).get(1)).doubleValue()).isEqualTo(0.95);

        Map<String, Object> satisfaction = option("chart-satisfaction");
        List<Object> rows = axis(satisfaction, "yAxis");
        assertThat(rows).hasSize(report.get("channels").size() + report.get("forms").size());
        assertThat(rows.subList(0, 2)).containsExactly("Nộp trực tuyến", "Tại bộ phận một cửa");
        JsonNode desk = report.get("channels").get(1);
        assertThat(desk.get("channel").asText()).isEqualTo("DESK");
        assertThat(desk.get("ratings").asLong()).isPositive();
        assertThat(((Number) series(satisfaction, 0, "Hài lòng").get(1)).doubleValue()).isEqualTo(desk.get("satisfiedShare").asDouble());
        assertThat(((Number) series(satisfaction, 1, "Tỉ lệ phản hồi").get(1)).doubleValue()).isEqualTo(desk.get("responseRate").asDouble());

        JsonNode units = report.get("units");
        assertThat(units.findValuesAsText("unit")).contains("000.27.31.H09");
        List<String> shownRows = browser.findElements(By.cssSelector("#units-table tbody tr")).stream().map(r -> r.getText()).toList();
        assertThat(shownRows).hasSize(units.size());
        for (int i = 0; i < units.size(); i++) {
            JsonNode u = units.get(i);
            assertThat(shownRows.get(i)).isEqualTo(String.join(" ", u.get("unit").asText(), u.get("dossiers").asText(), u.get("ratings").asText(),
                    shown(u.get("responseRate")), shown(u.get("satisfiedShare")), u.get("assistedFilers").asText(), shown(u.get("laterFiledAloneShare"))));
        }
        assertThat(browser.findElement(By.id("units-empty")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.cssSelector("#card-satisfied .value")).getText()).isEqualTo(shown(report.at("/total/satisfiedShare")));
        int row = formRow(report);
        JsonNode form = report.get("forms").get(row);
        assertThat(browser.findElement(By.cssSelector("#forms-table tbody tr:nth-child(" + (row + 1) + ")")).getText())
                .as("the verdict in the figures").endsWith(String.join(" ", form.get("ratings").asText(), shown(form.get("responseRate")),
                        shown(form.get("satisfiedShare")), form.get("assistedFilers").asText(), shown(form.get("laterFiledAloneShare"))));

        Path shot = Path.of("target/screenshots/dashboard-verdict.png");
        Files.createDirectories(shot.getParent());
        Files.copy(browser.findElement(By.id("verdict")).getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
    }

    static int formRow(JsonNode report) {
        for (int i = 0; i < report.get("forms").size(); i++) {
            if (report.get("forms").get(i).get("formId").asText().equals(FORM)) {
                return i;
            }
        }
        throw new AssertionError(FORM + " not in the report");
    }

    @Test
    void staticPagesAndTheChartLibraryAreServedWithoutAToken() {
        assertThat(statusOf("/dashboard/", null)).isEqualTo(200);
        assertThat(statusOf("/dashboard/dashboard.js", null)).isEqualTo(200);
        assertThat(statusOf("/webjars/echarts/5.3.1/dist/echarts.min.js", null)).isEqualTo(200);
    }
}
