package bridgemap.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.Select;

/**
 * Issue 18: the Research page answers a researcher's question — "what pathways do people with psychosis and
 * substance misuse take, and how long does each step take?" — from the Overview's link, with the API's figures in a
 * sentence, a stepped picture and a table, a comparison with its caveat, downloads, and a researcher's controlled
 * figures in words.
 */
class ResearchPageTest extends BrowserHarness {

    private static final String QUESTION = "need=psychosis&need=substance_misuse&financialYear=2013/14";
    private static final NumberFormat COUNT = NumberFormat.getIntegerInstance(Locale.UK);

    static TokenServer secured;

    @BeforeAll
    static void startServerWithTokens() {
        secured = TokenServer.start("research-tokens");
    }

    @AfterAll
    static void stopServerWithTokens() {
        if (secured != null) {
            secured.close();
        }
        secured = null;
    }

    /** A count as the page writes it: "1,234", or "fewer than 8" for a researcher's "*". */
    private static String count(JsonNode value) {
        return value.isNumber() ? COUNT.format(value.asLong()) : "fewer than 8";
    }

    private static String steps(JsonNode type) {
        List<String> steps = new ArrayList<>();
        type.path("steps").forEach(step -> steps.add(step.asText()));
        return String.join(" → ", steps);
    }

    /** The pathway table's rows as "steps | people | engaged | dead ends | open". */
    private static List<String> tableRows() {
        return findAll("#pathway-table tbody tr").stream().map(row -> {
            List<WebElement> cells = row.findElements(By.cssSelector("th, td"));
            return String.join(" | ", cells.get(0).getText(), cells.get(1).getText(), cells.get(2).getText(),
                    cells.get(3).getText(), cells.get(4).getText());
        }).toList();
    }

    private static List<String> apiRows(JsonNode answer) {
        List<String> rows = new ArrayList<>();
        answer.path("pathways").forEach(type -> rows.add(String.join(" | ", steps(type), count(type.path("people")),
                count(type.path("engaged")), count(type.path("deadEnds")), count(type.path("open")))));
        return rows;
    }

    private static void waitForAnswer() {
        waitForPage();
        waitFor("#pathway-table, .govuk-error-summary", 60);
    }

    @Test
    void theOverviewsQuestionOpensTheAnswerWithTheApisFigures() {
        open("/");
        WebElement link = find("#example-research");
        assertEquals("What pathways do people with psychosis and substance misuse take, and how long does each step take?", link.getText());
        link.click();
        waitForAnswer();
        assertTrue(driver.getCurrentUrl().contains("need=psychosis&need=substance_misuse"), driver.getCurrentUrl());
        assertEquals("Research", text(".govuk-service-navigation__link[aria-current='page']"));
        assertTrue(find("input[name='need'][value='psychosis']").isSelected());
        assertTrue(find("input[name='need'][value='substance_misuse']").isSelected());
        assertFalse(find("input[name='need'][value='alcohol']").isSelected());
        assertEquals("Psychosis", find("label[for='" + find("input[name='need'][value='psychosis']").getDomAttribute("id") + "']").getText(),
                "needs by name, not code");
        assertEquals("2013/14", new Select(find("#financialYear")).getFirstSelectedOption().getDomAttribute("value"));
        assertEquals("2014/15 (to 30 June 2014)", new Select(find("#financialYear")).getOptions().get(0).getText(),
                "the years the data covers, latest first");

        JsonNode answer = api("/api/research/pathways?" + QUESTION, null);
        assertEquals(count(answer.path("people")) + " people with psychosis and substance (drug) misuse entered in 2013/14: "
                + count(answer.path("engaged")) + " engaged, " + count(answer.path("deadEnds")) + " dead ends, "
                + count(answer.path("open")) + " still open.", text("#answer-sentence"));
        assertEquals(apiRows(answer), tableRows(), "the table says what the API says");
        assertTrue(text("#pathway-table tbody").contains("FMHP → dual diagnosis service: 16 days (9.5 to 20.75)"),
                "days per step as the median and quartiles");
        assertEquals(count(answer.path("people")), find("#pathway-table tfoot td").getText());

        List<WebElement> rows = findAll("#pathway-picture > li");
        assertEquals(answer.path("pathways").size(), rows.size(), "a row of the picture per pathway type");
        for (int i = 0; i < rows.size(); i++) {
            JsonNode type = answer.path("pathways").get(i);
            List<String> boxes = rows.get(i).findElements(By.cssSelector(".bm-step")).stream().map(WebElement::getText).toList();
            List<String> expected = new ArrayList<>();
            type.path("steps").forEach(step -> expected.add(step.asText()));
            assertEquals(expected, boxes, "row " + i + "'s steps");
            assertEquals(steps(type) + ": " + count(type.path("people")) + " people",
                    rows.get(i).findElement(By.cssSelector(".bm-pathway__said")).getDomProperty("textContent").split(";")[0],
                    "row " + i + " reads as its steps and people");
        }
        WebElement other = rows.get(rows.size() - 1);
        assertEquals("other pathways", other.getDomAttribute("data-steps"));
        assertTrue(other.getDomAttribute("class").contains("bm-pathway--other"));
        double full = ((Number) js("return document.querySelector('#pathway-picture .bm-pathway__track').getBoundingClientRect().width")).doubleValue();
        double widest = ((Number) js("return Math.max(...[...document.querySelectorAll('#pathway-picture .bm-pathway__bar')]"
                + ".map(b => b.getBoundingClientRect().width))")).doubleValue();
        assertEquals(full * answer.path("pathways").get(rows.size() - 1).path("people").asDouble() / answer.path("people").asDouble(),
                widest, 2.0, "the bar is the type's share of the cohort");
        scrollTo("#pathways");
        screenshot("research-pathways");
        scrollTo("#pathway-figures");
        screenshot("research-table");
        assertNoConsoleErrors();
    }

    @Test
    void aComparisonShowsBothCohortsWithTheApisFiguresAndTheCaveat() {
        open("/research.html?" + QUESTION);
        waitForAnswer();
        assertTrue(findAll("#compare-table").isEmpty(), "no comparison until one is asked for");
        find("#versus input[name='versus.need'][value='psychosis']").click();
        find("#versus-match-exactly").click();
        find("#versus-submit").click();
        waitFor("#compare-table", 60);
        assertTrue(driver.getCurrentUrl().contains("versus.need=psychosis&versus.match=exactly"), driver.getCurrentUrl());
        JsonNode comparison = api("/api/research/compare?" + QUESTION + "&versus.need=psychosis&versus.match=exactly", null);
        assertEquals(comparison.path("caveat").asText(), text("#caveat-text"));
        assertTrue(find("#caveat-text").isDisplayed(), "the caveat is in plain view");
        assertTrue(text("#caveat").contains("an association, not a cause"), text("#caveat"));
        String table = text("#compare-table");
        assertTrue(table.contains("First: People with psychosis and substance (drug) misuse, 2013/14"), table);
        assertTrue(table.contains("Second: People with psychosis and no other recorded need, 2013/14"), table);
        for (String side : List.of("first", "second")) {
            List<WebElement> rows = findAll("#compare-table tbody[data-side='" + side + "'] tr");
            assertEquals(3, rows.size());
            List<String> routes = List.of("all", "brokered", "direct");
            for (int i = 0; i < 3; i++) {
                JsonNode o = comparison.path(side).path(routes.get(i));
                List<String> cells = rows.get(i).findElements(By.cssSelector("td")).stream().map(WebElement::getText).toList();
                assertEquals(List.of(count(o.path("people")), count(o.path("engaged")), count(o.path("deadEnds")), count(o.path("open"))),
                        cells.subList(0, 4), side + " " + routes.get(i));
                assertTrue(cells.get(4).matches("\\d+\\.\\d% \\(\\d+\\.\\d% to \\d+\\.\\d%\\)"), cells.get(4));
            }
        }
        String differences = text("#compare-differences");
        double engagement = comparison.path("engagement").path("estimate").asDouble() * 100;
        assertTrue(differences.contains(String.format(Locale.UK, "Engagement, first cohort minus second: −%.1f percentage points (95%% interval −",
                -engagement)), differences);
        assertTrue(new Select(find("#versus-financialYear")).getFirstSelectedOption().getText().equals("As in the first cohort"));
        scrollTo("#compare");
        screenshot("research-compare");

        find("#versus-clear").click();
        waiting().until(d -> findAll("#compare-table").isEmpty() && !findAll("#pathway-table").isEmpty());
        assertFalse(driver.getCurrentUrl().contains("versus."), driver.getCurrentUrl());
        driver.navigate().back();
        waitFor("#compare-table", 60);
        assertTrue(driver.getCurrentUrl().contains("versus.need=psychosis"), "back brings the comparison back");
        assertNoConsoleErrors();
    }

    @Test
    void theFormIsAnsweredFromTheKeyboardAndTheQuestionGoesIntoTheUrl() {
        open("/research.html?" + QUESTION);
        waitForAnswer();
        js("document.activeElement.blur(); window.scrollTo(0, 0)");
        List<String> reached = new ArrayList<>();
        for (int i = 0; i < 60 && !"cohort-submit".equals(active().getDomAttribute("id")); i++) {
            new Actions(driver).sendKeys(Keys.TAB).perform();
            reached.add(active().getDomAttribute("id"));
        }
        for (String id : List.of("need", "need-2", "need-9", "match", "borough", "entry", "ageBand", "gender", "financialYear", "level", "top",
                "cohort-submit")) {
            assertTrue(reached.contains(id), "Tab reaches #" + id + ": " + reached);
        }
        assertTrue(reached.indexOf("need") < reached.indexOf("borough") && reached.indexOf("top") < reached.indexOf("cohort-submit"), reached.toString());

        find("input[name='need'][value='psychosis']").click(); // untick: psychosis or not, with substance misuse
        js("document.getElementById('need').focus()");
        new Actions(driver).sendKeys(Keys.SPACE).perform(); // tick alcohol misuse from the keyboard
        js("document.getElementById('match-any').focus()");
        new Actions(driver).sendKeys(Keys.SPACE).perform();
        choose("#level", "sector");
        js("document.getElementById('top').focus(); document.getElementById('top').select()");
        new Actions(driver).sendKeys("5").sendKeys(Keys.ENTER).perform();
        waiting().until(d -> driver.getCurrentUrl().contains("level=sector"));
        waitForText("#answer-heading", "alcohol misuse or substance (drug) misuse", 60);
        String url = driver.getCurrentUrl();
        assertTrue(url.contains("need=alcohol&need=substance_misuse&match=any&financialYear=2013%2F14&level=sector&top=5"), url);
        JsonNode answer = api("/api/research/pathways?need=alcohol&need=substance_misuse&match=any&financialYear=2013/14&level=sector&top=5", null);
        waiting().until(d -> apiRows(answer).equals(tableRows()));
        assertEquals(6, findAll("#pathway-picture > li").size(), "five types and the others");

        driver.navigate().back();
        waitForText("#answer-heading", "psychosis and substance (drug) misuse", 60);
        assertTrue(find("input[name='need'][value='psychosis']").isSelected(), "the form follows the URL back");
        assertEquals("kind", new Select(find("#level")).getFirstSelectedOption().getDomAttribute("value"));
        assertNoConsoleErrors();
    }

    @Test
    void aQuestionTheApiRefusesIsNamedAtItsFieldAndAComparisonMustDiffer() {
        open("/research.html?need=psychosis&top=99");
        String summary = waitForText(".govuk-error-summary", "top \"99\" is not a whole number from 1 to 50", 30);
        assertTrue(summary.startsWith("There is a problem"), summary);
        assertEquals("#top", find(".govuk-error-summary a").getDomAttribute("href"));
        assertTrue(text("#top-error").contains("is not a whole number from 1 to 50"));
        assertEquals("99", find("#top").getDomProperty("value"), "the form shows the question asked");

        open("/research.html?need=psychosis&need=nonsense");
        waitForText(".govuk-error-summary", "unknown need \"nonsense\"", 30);
        assertEquals("#need", find(".govuk-error-summary a").getDomAttribute("href"), "linked to the first need");
        assertTrue(find("#need-group").getDomAttribute("class").contains("govuk-form-group--error"));

        open("/research.html?" + QUESTION);
        waitForAnswer();
        find("#versus-submit").click();
        waitForText(".govuk-error-summary", "Say how the second cohort differs", 30);
        assertFalse(driver.getCurrentUrl().contains("versus."), "nothing asked: " + driver.getCurrentUrl());
        assertNoConsoleErrorsExcept(message -> message.contains("status of 400"));
    }

    @Test
    void onAPhoneSizedScreenThePictureWrapsWithoutSidewaysScrolling() {
        try {
            resize(375, 800);
            open("/research.html?" + QUESTION);
            waitForAnswer();
            long overflow = ((Number) js("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).longValue();
            assertTrue(overflow <= 0, "page scrolls sideways by " + overflow + " px");
            for (WebElement step : findAll("#pathway-picture .bm-step")) {
                assertTrue(step.getRect().getX() + step.getRect().getWidth() <= 375, step.getText());
            }
            scrollTo("#pathways");
            screenshot("research-narrow");
            assertNoConsoleErrors();
        } finally {
            resize(1280, 800);
        }
    }

    @Test
    void theQuestionDownloadsAsCsvAndGraphml() throws Exception {
        open("/research.html?" + QUESTION);
        waitForAnswer();
        scrollTo("#downloads");
        find("#downloads button[data-format='graphml']").click();
        waitForText("#download-status", "Downloaded bridgemap-research-pathways.graphml", 60);
        Path graphml = downloads.resolve("bridgemap-research-pathways.graphml");
        waiting().until(d -> Files.exists(graphml));
        assertTrue(Files.readString(graphml).contains("dual diagnosis service"), "the pathway graph's steps");
        find("#downloads button[data-format='csv']").click();
        waitForText("#download-status", "Downloaded bridgemap-research-pathways.zip", 60);
        Path zip = downloads.resolve("bridgemap-research-pathways.zip");
        waiting().until(d -> Files.exists(zip));
        byte[] bytes = Files.readAllBytes(zip);
        assertTrue(bytes.length > 4 && bytes[0] == 'P' && bytes[1] == 'K', "a zip");
        assertNoConsoleErrors();
    }

    @Test
    void aResearcherEntersATokenAndSeesControlledFiguresInWordsButNotNamedServices() throws Exception {
        openWithToken(secured, "/research.html?" + QUESTION + "&borough=E09000022", null);
        waitFor("#token-prompt", 30);
        find("#api-token").sendKeys(secured.token(Role.RESEARCHER), Keys.ENTER);
        waitFor("#pathway-table", 60);
        JsonNode answer = apiAsResearcher("/api/research/pathways?" + QUESTION + "&borough=E09000022");
        assertEquals("*", answer.path("people").asText(), "a small cohort");
        assertEquals(apiRows(answer), tableRows());
        String page = text("#content");
        assertTrue(text("#answer-sentence").startsWith("Fewer than 8 people of Lambeth with psychosis and substance (drug) misuse entered in 2013/14"),
                text("#answer-sentence"));
        assertTrue(page.contains("fewer than 8"), page);
        assertFalse(page.contains("NaN") || page.contains("undefined") || page.contains("Infinity") || page.contains("*"), page);
        screenshot("research-researcher-small");

        openWithToken(secured, "/research.html?" + QUESTION, secured.token(Role.RESEARCHER));
        waitFor("#pathway-table", 60);
        JsonNode london = apiAsResearcher("/api/research/pathways?" + QUESTION);
        assertEquals(apiRows(london), tableRows(), "the researcher's controlled figures");
        assertTrue(text("#pathway-table").contains("fewer than 8"), text("#pathway-table"));
        find("#versus input[name='versus.need'][value='psychosis']").click();
        find("#versus-match-exactly").click();
        find("#versus-submit").click();
        waitFor("#compare-table", 60);
        page = text("#content");
        assertTrue(page.contains("not shown (fewer than 8 people)"), "a withheld rate in words");
        assertFalse(page.contains("NaN") || page.contains("undefined") || page.contains("Infinity"), page);
        scrollTo("#pathways");
        screenshot("research-researcher");

        choose("#level", "service");
        find("#cohort-submit").click();
        String summary = waitForText(".govuk-error-summary", "Named services are for analysts", 60);
        assertTrue(summary.startsWith("There is a problem"), summary);
        assertEquals("#level", find(".govuk-error-summary a").getDomAttribute("href"), "the summary links to the level");
        assertTrue(text("#level-error").contains("The researcher role may group pathways by sector or kind."));
        assertTrue(findAll("#token-prompt").isEmpty(), "a 403 does not ask for another token");
        screenshot("research-researcher-refused");
        assertNoConsoleErrorsExcept(message -> message.contains("status of 401") || message.contains("status of 403"));
    }

    private static WebElement active() {
        return driver.switchTo().activeElement();
    }

    private static JsonNode apiAsResearcher(String path) throws Exception {
        return secured.json(Role.RESEARCHER, path);
    }
}
