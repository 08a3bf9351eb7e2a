package bridgemap.bench;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Issue 17, item 2: how long each page takes to show its first answer in headless Chromium, against a running server
 * ({@code bench/pages/run.sh}). For each page: the milliseconds from navigation start to the page's ready mark (the
 * network drawn, the first table rendered), once with the server's answer not yet prepared (its analysis already
 * computed: {@code run.sh} asks for it first) and once again with a fresh browser cache. Not a test: it prints.
 *
 * <p>{@code java -cp … bridgemap.bench.PageDrawBenchmark http://127.0.0.1:7070 [rounds]}
 */
public final class PageDrawBenchmark {

    /** A page, and the CSS selector that is there once it has drawn its first answer. */
    record Page(String path, String ready) {}

    static final List<Page> PAGES = List.of(
            new Page("/network.html", "#graph[data-ready='true']"),
            new Page("/gaps.html", "#stools-table, #stools-table-pages"),
            new Page("/bottlenecks.html", "#measures-table"),
            new Page("/coverage.html", "#content table, #content svg"),
            new Page("/", "#content h2"));

    private PageDrawBenchmark() {}

    public static void main(String[] args) throws Exception {
        String base = args.length > 0 ? args[0] : "http://127.0.0.1:7070";
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 2;
        Path profile = Files.createTempDirectory("bridgemap-bench-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1280,800", "--user-data-dir=" + profile, "--disable-application-cache");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        try {
            // A person's browser is already running: one untimed page first, so round 1 does not time Chromium's start.
            driver.get(base + "/favicon.svg");
            System.out.printf("%-20s %-6s %10s %14s%n", "page", "round", "ready ms", "answers bytes");
            for (Page page : PAGES) {
                for (int round = 1; round <= rounds; round++) {
                    driver.manage().deleteAllCookies();
                    driver.executeCdpCommand("Network.clearBrowserCache", java.util.Map.of());
                    driver.get(base + page.path());
                    new WebDriverWait(driver, Duration.ofSeconds(120))
                            .until(d -> !d.findElements(By.cssSelector(page.ready())).isEmpty());
                    Number ms = (Number) driver.executeScript("return performance.now()");
                    Number bytes = (Number) driver.executeScript("return performance.getEntriesByType('resource')"
                            + ".filter(e => e.name.includes('/api/')).reduce((s, e) => s + (e.decodedBodySize || 0), 0)");
                    System.out.printf("%-20s %-6d %10.0f %14d%n", page.path(), round, ms.doubleValue(), bytes.longValue());
                }
            }
        } finally {
            driver.quit();
        }
    }
}
