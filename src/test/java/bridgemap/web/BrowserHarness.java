package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bridgemap.api.ApiServer;
import bridgemap.testing.TestStore;
import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One in-process server over the London demo and one headless Chromium per test class. Pages are
 * checked for console errors; screenshots go to {@code target/screenshots/}.
 */
abstract class BrowserHarness {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = "/usr/bin/chromium";
    private static final String CHROMEDRIVER = "/usr/bin/chromedriver";

    static Javalin server;
    static ChromeDriver driver;
    static Path profile;

    @BeforeAll
    static void startBrowserAndServer() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            fail("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        TestStore.demo();
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0).start();
        profile = Files.createTempDirectory("bridgemap-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--window-size=1280,800", "--user-data-dir=" + profile);
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        resize(1280, 800);
        Files.createDirectories(SCREENSHOTS);
    }

    /** Each test starts with an empty console log. */
    @BeforeEach
    void forgetEarlierConsoleMessages() {
        driver.manage().logs().get(LogType.BROWSER);
    }

    @AfterAll
    static void stopBrowserAndServer() {
        try {
            if (driver != null) {
                driver.quit();
            }
        } finally {
            driver = null;
            if (server != null) {
                server.stop();
            }
            server = null;
            TestStore.deleteTree(profile);
        }
    }

    static String url(String path) {
        return "http://127.0.0.1:" + server.port() + path;
    }

    static WebDriverWait waiting() {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(30));
        wait.ignoring(StaleElementReferenceException.class);
        return wait;
    }

    /** Opens a page and waits until it has shown its content (or an error summary). */
    static void open(String path) {
        driver.get(url(path));
        waitForPage();
    }

    static void waitForPage() {
        waiting().until(d -> Boolean.TRUE.equals(js("return document.getElementById('content').children.length > 0"
                + " || document.getElementById('error-summary').children.length > 0")));
    }

    static Object js(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    static WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    static List<WebElement> findAll(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    static String text(String css) {
        return find(css).getText();
    }

    /** Fails on any SEVERE console message since the last call (the log is drained). */
    static void assertNoConsoleErrors() {
        assertNoConsoleErrorsExcept(entry -> false);
    }

    static void assertNoConsoleErrorsExcept(Predicate<String> expected) {
        List<LogEntry> severe = driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue())
                .filter(e -> !expected.test(e.getMessage()))
                .toList();
        assertTrue(severe.isEmpty(), () -> "console errors:\n" + severe.stream().map(LogEntry::getMessage)
                .collect(Collectors.joining("\n")));
    }

    /** Makes the page's viewport exactly {@code width} × {@code height} CSS pixels. */
    static void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        @SuppressWarnings("unchecked")
        List<Number> inner = (List<Number>) js("return [window.innerWidth, window.innerHeight]");
        int dw = width - inner.get(0).intValue();
        int dh = height - inner.get(1).intValue();
        if (dw != 0 || dh != 0) {
            driver.manage().window().setSize(new Dimension(width + dw, height + dh));
        }
    }

    /** Saves what the browser shows to {@code target/screenshots/NAME.png}. */
    static void screenshot(String name) {
        File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        try {
            Files.copy(file.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            file.delete();
        }
    }

    /** Scrolls so that the element's top is at the top of the window. */
    static void scrollTo(String css) {
        js("document.querySelector(arguments[0]).scrollIntoView({block: 'start'}); window.scrollBy(0, -10);", css);
    }
}
