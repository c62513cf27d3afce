package ir.nix.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ir.nix.adapters.simulator.CraSimulator;
import ir.nix.core.exchange.OutcomeCode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The operator dashboard at {@code /} in a real headless Chromium: it shows the traffic sent, counted
 * right, in English and in right-to-left Persian; on the demo it opens as the operator with no query string.
 * Leaves {@code target/screenshots/dashboard.png} and {@code dashboard-demo-root.png}.
 * Needs Debian's {@code chromium} and {@code chromium-driver} ({@code .ci/run} installs them); Selenium
 * Manager never downloads a browser or driver here.
 */
class DashboardTest extends BusUnderTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    static final String SHAHKAR = "{\"nationalCode\":\"%s\",\"mobile\":\"09121234567\"}";

    static ChromeDriverService service;
    static ChromeDriver browser;

    @BeforeAll
    static void startBrowser() throws IOException {
        // A developer's machine may lack the browser: skip there. CI (.ci/run installs it) must not skip.
        assumeTrue(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER) || System.getenv("CI") != null,
                "Debian chromium and chromium-driver are not installed (apt-get install chromium chromium-driver)");
        service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1440,1900", "--user-data-dir=" + Files.createTempDirectory("nix-chromium-"));
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
        }
        if (service != null) {
            service.stop();
        }
    }

    /** A number the page shows for the shahkar service, read from the cell's raw value (0 when there is no row yet). */
    long shahkar(String field) {
        // The page re-renders every two seconds: a cell found just before a render is stale, so look again.
        for (int attempt = 1; ; attempt++) {
            try {
                List<WebElement> cells = browser.findElements(By.cssSelector("#services tr[data-code='shahkar'] td[data-field='" + field + "']"));
                return cells.isEmpty() ? 0 : Long.parseLong(cells.get(0).getDomAttribute("data-value"));
            } catch (StaleElementReferenceException rendered) {
                if (attempt == 5) {
                    throw rendered;
                }
            }
        }
    }

    void openDashboard(String query) {
        browser.get("http://127.0.0.1:" + port + "/?role=OPERATOR&" + query);
        await().atMost(Duration.ofSeconds(15)).until(() -> "start".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-range")));
    }

    @Test
    void countsTheExchangesSentAsTheyHappenAndSpeaksPersianRightToLeft() throws IOException {
        openDashboard("lang=en&range=start");
        long answeredBefore = shahkar("answered");
        long deniedBefore = shahkar("denied");
        int answered = 6;
        int denied = 3;

        for (int i = 0; i < answered; i++) {
            assertThat(inquire("shahkar", i % 2 == 0 ? "MOE" : "IHIO", SHAHKAR.formatted("0499370899")).status()).isEqualTo(200);
        }
        for (int i = 0; i < denied; i++) {
            assertThat(inquire("shahkar", "IRCS", SHAHKAR.formatted("0499370899")).status()).isEqualTo(403);
        }
        inquire("shahkar", "MOE", SHAHKAR.formatted(CraSimulator.FAILING_NATIONAL_CODE));

        // the page re-renders its tables every 2 s: a row read mid-render is read again at the next poll
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250))
                .ignoreException(StaleElementReferenceException.class).untilAsserted(() -> {
            assertThat(shahkar("answered")).isEqualTo(answeredBefore + answered);
            assertThat(shahkar("denied")).isEqualTo(deniedBefore + denied);
        });
        assertThat(browser.findElement(By.cssSelector("[data-reason='NO_GRANT'] .count")).getDomAttribute("data-value"))
                .isNotEqualTo("0");
        assertThat(browser.findElement(By.cssSelector("[data-reason='NO_GRANT']")).getText())
                .as("the reason's title comes from the server").contains(OutcomeCode.NO_GRANT.title());
        assertThat(browser.findElement(By.cssSelector("#health [data-provider='CRA']")).getText()).contains("CRA");
        // the cluster panel, from the store: this node with its exchanges (polled every 10 s)
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                !browser.findElements(By.cssSelector("#cluster tr[data-node]")).isEmpty());
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("ltr");

        browser.findElement(By.id("range-window")).click();
        browser.findElement(By.id("lang-fa")).click();
        await().atMost(Duration.ofSeconds(10)).until(() -> "window".equals(browser.findElement(By.tagName("body")).getDomAttribute("data-range")));

        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("dir")).isEqualTo("rtl");
        assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fa");
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("پایش مرکز ملی تبادل اطلاعات");
        assertThat(shahkar("answered")).isGreaterThanOrEqualTo(answered);
        saveScreenshot("dashboard.png");
    }

    @Test
    void opensAsTheDemoOperatorWithNoQueryStringAndShowsLiveFigures() throws IOException {
        assertThat(inquire("shahkar", "MOE", SHAHKAR.formatted("0499370899")).status()).isEqualTo(200);

        browser.get("http://127.0.0.1:" + port + "/");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() -> {
            assertThat(browser.findElement(By.id("role-operator")).getDomAttribute("class")).contains("on");
            assertThat(Long.parseLong(browser.findElement(By.id("kpi-exchanges")).getDomAttribute("data-value"))).isPositive();
        });
        assertThat(browser.findElement(By.id("problem")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("roles")).isDisplayed()).as("the role switch is visible").isTrue();
        assertThat(Double.parseDouble(browser.findElement(By.id("y-max")).getDomAttribute("data-value"))).isPositive();
        assertThat(browser.findElement(By.id("axis-zone")).getText()).contains("Asia/Tehran");
        saveScreenshot("dashboard-demo-root.png");
    }

    @Test
    void showsPersianServiceTitlesOnThePersianDashboard() {
        assertThat(inquire("shahkar", "MOE", SHAHKAR.formatted("0499370899")).status()).isEqualTo(200);

        browser.get("http://127.0.0.1:" + port + "/?lang=fa&range=start");

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(250)).untilAsserted(() ->
                assertThat(browser.findElement(By.cssSelector("#services tr[data-code='shahkar'] .name")).getText())
                        .matches(".*[\\u0600-\\u06FF].*"));
    }

    @Test
    void tellsAViewerWithoutAValidRoleToIdentify() {
        browser.get("http://127.0.0.1:" + port + "/?lang=en&role=NOBODY");

        await().atMost(Duration.ofSeconds(10)).until(() -> browser.findElement(By.id("problem")).isDisplayed());
        assertThat(browser.findElement(By.id("problem")).getText()).contains("Not identified");
    }

    static void saveScreenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = browser.getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
