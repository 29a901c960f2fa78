package vn.gov.prefill.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.gov.prefill.RequiredTool;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driven by Selenium: what a citizen does on the
 * reference page, by mouse or by keyboard alone, with a screenshot of each step and axe-core's verdict.
 */
final class PageBrowser implements AutoCloseable {

    static final Path CHROMIUM = Path.of(System.getProperty("chromium.binary", "/usr/bin/chromium"));
    static final Path CHROMEDRIVER = Path.of(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
    static final Path BUNDLE = Path.of("target/classes/static/index.html");
    static final Path AXE = Path.of("src/main/frontend/node_modules/axe-core/axe.min.js");
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    final WebDriver driver;
    final WebDriverWait wait;

    /** Skips locally without a browser or a built page (-Dfrontend.skip); on CI (CI=true) that is a failure. */
    static void requireBrowserAndPage() {
        String missing = !Files.isExecutable(CHROMIUM) ? CHROMIUM + " (apt-get install chromium)"
                : !Files.isExecutable(CHROMEDRIVER) ? CHROMEDRIVER + " (apt-get install chromium-driver)"
                : !Files.isRegularFile(BUNDLE) ? BUNDLE + " (the page is built by mvn generate-resources without -Dfrontend.skip)"
                : !Files.isRegularFile(AXE) ? AXE + " (npm ci in src/main/frontend)"
                : null;
        if (missing == null) {
            return;
        }
        RequiredTool.missing("the browser tests cannot run: missing " + missing, ".ci/run installs chromium");
    }

    PageBrowser() {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-dev-shm-usage", "--window-size=1000,1400", "--lang=vi");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
    }

    /** A fresh start: the page at its address, Vietnamese (the default), nothing remembered. */
    void open(String url) {
        driver.manage().window().setSize(new Dimension(1000, 1400));
        driver.get(url);
        js("localStorage.clear();");
        driver.navigate().refresh();
        visible(By.id("persona"));
    }

    WebElement visible(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    WebElement present(By by) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(by));
    }

    Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    String activeId() {
        return driver.switchTo().activeElement().getAttribute("id");
    }

    /** Presses Tab until the element with that id has the focus, as a keyboard user would (at most 150 presses). */
    void tabTo(String id) {
        for (int i = 0; i < 150; i++) {
            if (id.equals(activeId())) {
                return;
            }
            new Actions(driver).sendKeys(Keys.TAB).perform();
        }
        fail("Tab never reached #" + id + " (last: #" + activeId() + ")");
    }

    void keys(CharSequence... keys) {
        new Actions(driver).sendKeys(keys).perform();
    }

    /** Signs in as a demo persona, as a tester does: the form choice follows. */
    void signIn(String persona) {
        new Select(visible(By.id("persona"))).selectByValue(persona);
        driver.findElement(By.id("sign-in")).click();
        visible(By.id("start-form"));
        visible(By.id("signed-in"));
    }

    /** Picks a form (and whom it is for), and waits for its prefill. */
    void startForm(String formId, String actingFor) {
        visible(By.cssSelector("input[name=form][value='" + formId + "']")).click();
        if (actingFor != null) {
            visible(By.id("acting-for")).sendKeys(actingFor);
        }
        driver.findElement(By.id("start-form")).click();
        visible(By.id("prefill-counter"));
    }

    /** What no registry holds on the criminal-record request: the purpose and the certificate. */
    void answerCriminalRecordRequest() {
        visible(By.id("root_purpose")).sendKeys("Xin việc");
        new Select(driver.findElement(By.id("root_certificateType"))).selectByVisibleText("Phiếu số 1");
    }

    /** The whole page, not only the window, saved under target/screenshots/. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) js("return Math.min(document.documentElement.scrollHeight, 6000);")).longValue();
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.width, (int) Math.max(height + 140, 600)));
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(before);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a window of that size shows (a phone: 412 × 915), saved under target/screenshots/. */
    Path viewport(String name, int width, int height) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(width, height));
            File shot = ((ChromeDriver) driver).getScreenshotAs(OutputType.FILE);
            driver.manage().window().setSize(before);
            Path target = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** One element of the page as it is now, saved under target/screenshots/. */
    Path element(String name, By by) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path target = SCREENSHOTS.resolve(name + ".png");
            WebElement element = driver.findElement(by);
            // from its top, and with no caret moving the page while it is taken
            js("arguments[0].scrollIntoView({block: 'start'}); document.activeElement.blur();", element);
            Files.copy(element.getScreenshotAs(OutputType.FILE).toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** axe-core's violations on the page as it is now, of every impact (minor and moderate as well as serious and critical). */
    List<JsonNode> violations() {
        try {
            js(Files.readString(AXE, StandardCharsets.UTF_8));
            Object out = ((JavascriptExecutor) driver).executeAsyncScript(
                    "const done = arguments[arguments.length - 1];"
                            + "axe.run(document, {resultTypes: ['violations']})"
                            + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify([{id: 'axe-error', impact: 'critical', help: String(e)}])));");
            List<JsonNode> all = new java.util.ArrayList<>();
            new ObjectMapper().readTree(String.valueOf(out)).forEach(all::add);
            return all;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The line naming where the prefilled answer with that id came from: its group's, in the list of prefilled answers. */
    String sourceLine(String id) {
        return (String) js("return document.getElementById(arguments[0]).closest('.source-group').querySelector('.source-line').textContent;", id);
    }

    /** The first screen of a phone (412 × 915) shows the element: its top is above the bottom of the window, with the page at its top. */
    boolean onFirstScreen(WebElement element) {
        return (Boolean) js("window.scrollTo(0, 0); return arguments[0].getBoundingClientRect().top < window.innerHeight;", element);
    }

    static String describe(List<JsonNode> violations) {
        StringBuilder out = new StringBuilder();
        for (JsonNode v : violations) {
            out.append(v.path("id").asText()).append(" (").append(v.path("impact").asText()).append("): ")
                    .append(v.path("help").asText());
            v.path("nodes").forEach(n -> out.append("\n    ").append(n.path("target")).append(' ').append(n.path("failureSummary").asText()));
            out.append('\n');
        }
        return out.toString();
    }

    @Override
    public void close() {
        driver.quit();
    }
}
