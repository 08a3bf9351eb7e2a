package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bridgemap.api.ApiServer;
import bridgemap.report.Json;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
    /** Where the browser saves downloads. */
    static Path downloads;

    @BeforeAll
    static void startBrowserAndServer() throws IOException {
        if (!Files.isExecutable(Path.of(CHROMIUM)) || !Files.isExecutable(Path.of(CHROMEDRIVER))) {
            fail("The browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
                    + " (Debian packages chromium and chromium-driver; .ci/run installs them)");
        }
        TestStore.demo();
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0).start();
        profile = Files.createTempDirectory("bridgemap-chromium");
        downloads = Files.createTempDirectory("bridgemap-downloads");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.setExperimentalOption("prefs", java.util.Map.of("download.default_directory", downloads.toString(),
                "download.prompt_for_download", false));
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
            TestStore.deleteTree(downloads);
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

    /**
     * The API's own answer, to hold the page against: {@code POST path} with a JSON body (or GET when the body is
     * null) on the test server, without a token. Fails unless the answer is 2xx.
     */
    static JsonNode api(String path, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).header("Accept", "application/json");
        if (body != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
            assertTrue(response.statusCode() / 100 == 2, () -> path + " answered " + response.statusCode() + ": " + response.body());
            return Json.mapper().readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The texts of the elements matching {@code css}, in page order. */
    static List<String> texts(String css) {
        return findAll(css).stream().map(WebElement::getText).toList();
    }

    /** Opens a page and waits until it has shown its content (or an error summary). */
    static void open(String path) {
        driver.get(url(path));
        waitForPage();
    }

    /**
     * Opens a page of {@code secured}, a server with tokens, as a new visitor (no token kept) unless {@code token} is
     * given, which the page then finds kept for the tab.
     */
    static void openWithToken(TokenServer secured, String path, String token) {
        driver.get(secured.url("/favicon.svg"));
        js(token == null ? "sessionStorage.clear()" : "sessionStorage.setItem('bridgemap.token', arguments[0])", token);
        driver.manage().logs().get(LogType.BROWSER); // the bare SVG page's own favicon.ico request is not the page's
        driver.get(secured.url(path));
        waitForPage();
    }

    /** Waits until the page shows its content, an error summary or the token prompt. */
    static void waitForPage() {
        waiting().until(d -> Boolean.TRUE.equals(js("return document.getElementById('content').children.length > 0"
                + " || document.getElementById('error-summary').children.length > 0"
                + " || document.getElementById('token-prompt') !== null")));
    }

    /** Waits (up to {@code seconds}) until an element matching {@code css} exists. */
    static WebElement waitFor(String css, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream().findFirst().orElse(null));
    }

    /** Waits (up to {@code seconds}) until the text of {@code css} contains {@code part}. */
    static String waitForText(String css, String part, int seconds) {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(seconds));
        wait.ignoring(StaleElementReferenceException.class);
        wait.withMessage(() -> css + " to contain \"" + part + "\"; it shows: "
                + driver.findElements(By.cssSelector(css)).stream().map(WebElement::getText).findFirst().orElse("(nothing)"));
        return wait.until(d -> d.findElements(By.cssSelector(css)).stream().map(WebElement::getText)
                .filter(t -> t.contains(part)).findFirst().orElse(null));
    }

    /** Chooses an option of a select by its value. */
    static void choose(String css, String value) {
        new org.openqa.selenium.support.ui.Select(find(css)).selectByValue(value);
    }

    /** The page's whole visible text. */
    static String pageText() {
        return find("body").getText();
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
        // Let the browser paint what a scroll or a change just exposed (else a long jump can shoot a blank page).
        ((JavascriptExecutor) driver).executeAsyncScript(
                "const done = arguments[0]; requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(done, 50)));");
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

    /** The coverage map's tiles that stand for a setting: borough → status (the tiles of no setting left out). */
    static java.util.Map<String, String> mapStatuses() {
        java.util.Map<String, String> out = new java.util.TreeMap<>();
        for (WebElement tile : findAll("#map .bm-tile")) {
            if (!"none".equals(tile.getDomAttribute("data-status"))) {
                out.put(tile.getDomAttribute("data-borough"), tile.getDomAttribute("data-status"));
            }
        }
        return out;
    }
}
