package vn.gov.prefill.it;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;

/** The reference page's browser tests: one Chromium a test class, the page opened afresh before each test. */
abstract class ReferencePageTestSupport extends GatewayTestSupport {

    static PageBrowser browser;

    @BeforeEach
    void openPage() {
        PageBrowser.requireBrowserAndPage();
        if (browser == null) {
            browser = new PageBrowser();
        }
        browser.open("http://localhost:" + port + "/");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
            browser = null;
        }
    }
}
