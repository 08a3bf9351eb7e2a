package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The pages put together from their list, their files and the layout (a small made-up site here; the real pages are
 * checked as served in {@code ApiRoutesTest} and in the browser tests of {@code bridgemap.web}).
 */
class WebPagesTest {

    private static final String LAYOUT = "<html>\n<head>\n{{head}}\n</head>\n<nav>\n{{navigation}}\n</nav>\n<main>\n{{main}}\n</main>\n</html>\n";
    private static final String ITEM = """
            {{^current}}
            <a href="{{href}}">{{label}}</a>
            {{/current}}
            {{#current}}
            <a href="{{href}}" aria-current="page">{{label}}</a>
            {{/current}}
            """;
    private static final List<WebPages.Page> TWO = List.of(new WebPages.Page("/", "index.html", "Home"),
            new WebPages.Page("/maps.html", "maps.html", "Maps"));

    private static Map<String, String> site() {
        Map<String, String> files = new HashMap<>();
        files.put("partials/layout.html", LAYOUT);
        files.put("partials/navigation-item.html", ITEM);
        files.put("partials/form.html", "<form action=\"{{path}}\">{{button|Show}}</form>\n");
        files.put("index.html", "<head>\n<title>Home</title>\n</head>\n<main>\n<h1>Home</h1>\n<!--#include form-->\n</main>\n");
        files.put("maps.html", "<head>\n<title>Maps</title>\n</head>\n<main>\n<h1>Maps</h1>\n</main>\n");
        return files;
    }

    @Test
    void eachPageIsItsPartsInTheLayoutWithTheNavigationInListOrderAndItselfCurrent() {
        WebPages pages = new WebPages(TWO, site()::get);
        assertEquals(List.of("/", "/index.html", "/maps.html"), List.copyOf(pages.routes().keySet()));
        assertEquals("""
                <html>
                <head>
                <title>Home</title>
                </head>
                <nav>
                <a href="/" aria-current="page">Home</a>
                <a href="/maps.html">Maps</a>
                </nav>
                <main>
                <h1>Home</h1>
                <form action="/">Show</form>
                </main>
                </html>
                """, pages.routes().get("/"));
        assertEquals(pages.routes().get("/"), pages.routes().get("/index.html"), "the page at / answers at its file too");
        assertEquals("""
                <html>
                <head>
                <title>Maps</title>
                </head>
                <nav>
                <a href="/">Home</a>
                <a href="/maps.html" aria-current="page">Maps</a>
                </nav>
                <main>
                <h1>Maps</h1>
                </main>
                </html>
                """, pages.routes().get("/maps.html"));
    }

    @Test
    void theNavigationFollowsTheListsOrder() {
        WebPages pages = new WebPages(List.of(TWO.get(1), TWO.get(0)), site()::get);
        String maps = pages.routes().get("/maps.html");
        assertTrue(maps.indexOf(">Maps<") < maps.indexOf(">Home<"), maps);
    }

    @Test
    void thePagesOfTheWebViewAreEachAFileBesideTheirScript() {
        WebPages pages = new WebPages();
        for (WebPages.Page page : WebPages.PAGES) {
            String html = pages.routes().get(page.path());
            assertTrue(html.startsWith("<!doctype html>\n"), page.path());
            assertTrue(html.contains("<script type=\"module\" src=\"/js/"), page.path() + " has its script");
            assertTrue(!html.contains("{{") && !html.contains("<!--#"), page.path() + " is filled in");
        }
        assertEquals(WebPages.PAGES.size() + 1, pages.routes().size(), "the pages and /index.html");
    }

    @Test
    void aPageFileThatIsNotAHeadPartThenAMainPartIsRefused() {
        Map<String, String> files = site();
        files.put("maps.html", "<!doctype html>\n<html>\n<head>\n<title>Maps</title>\n</head>\n<body></body>\n</html>\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new WebPages(TWO, files::get));
        assertEquals("web/maps.html must be a <head> part then a <main> part, each tag on a line of its own", e.getMessage());
    }

    @Test
    void aListedPageWithoutItsFileIsRefused() {
        List<WebPages.Page> three = List.of(TWO.get(0), TWO.get(1), new WebPages.Page("/people.html", "people.html", "People"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new WebPages(three, site()::get));
        assertEquals("web/people.html is missing", e.getMessage());
    }

    @Test
    void twoPagesAtOnePathAreRefused() {
        List<WebPages.Page> twice = List.of(TWO.get(0), new WebPages.Page("/index.html", "maps.html", "Maps"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new WebPages(twice, site()::get));
        assertEquals("two pages at /index.html", e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new WebPages.Page("maps.html", "maps.html", "Maps"));
        assertThrows(IllegalArgumentException.class, () -> new WebPages(List.of(), site()::get));
    }
}
