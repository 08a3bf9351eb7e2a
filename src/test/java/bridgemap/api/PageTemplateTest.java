package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The web view's template language: includes with arguments, values with defaults, sections; and what it refuses. */
class PageTemplateTest {

    private static String render(Map<String, String> partials, String text, Map<String, String> context) {
        return new PageTemplate(partials::get).render(text, context, "web/page.html");
    }

    private static IllegalStateException refused(Map<String, String> partials, String text) {
        return assertThrows(IllegalStateException.class, () -> render(partials, text, Map.of("path", "/page.html")));
    }

    @Test
    void textWithoutDirectivesIsLeftAsItIs() {
        assertEquals("", render(Map.of(), "", Map.of()));
        String html = "<p class=\"govuk-body\">No {braces} and no <!-- comment --> changed</p>\n";
        assertEquals(html, render(Map.of(), html, Map.of()));
    }

    @Test
    void anIncludeLineBecomesThePartialWithItsOwnIndentation() {
        Map<String, String> partials = Map.of("footer", "<footer>\n  <p>Small print</p>\n</footer>\n");
        assertEquals("<main></main>\n<footer>\n  <p>Small print</p>\n</footer>\n</body>\n",
                render(partials, "<main></main>\n  <!--#include footer-->\n</body>\n", Map.of()));
        assertEquals("<footer>\n  <p>Small print</p>\n</footer>\n", render(partials, "<!--#include footer-->", Map.of()),
                "the last line, without a line break");
    }

    @Test
    void argumentsFillValuesAndDefaultsStandForTheMissingOnes() {
        Map<String, String> partials = Map.of("button", "<button>{{text|Show}}</button> for {{path}}\n");
        assertEquals("<button>Show</button> for /gaps.html\n",
                render(partials, "<!--#include button-->\n", Map.of("path", "/gaps.html")));
        assertEquals("<button>Use this date</button> for /planner.html\n",
                render(partials, "<!--#include button text=\"Use this date\"-->\n", Map.of("path", "/planner.html")));
        assertEquals("<button></button> for /\n", render(partials, "<!--#include button text=\"\"-->\n", Map.of("path", "/")),
                "an empty value is a value");
    }

    @Test
    void aFlagKeepsItsSectionAndDropsTheInvertedOne() {
        Map<String, String> partials = Map.of("form", """
                <form>
                {{#borough}}
                  <select id="borough"></select>
                {{/borough}}
                {{^borough}}
                  <p>All of London</p>
                {{/borough}}
                {{#sector}}
                  <select id="sector"></select>
                {{/sector}}
                </form>
                """);
        assertEquals("<form>\n  <p>All of London</p>\n</form>\n", render(partials, "<!--#include form-->\n", Map.of()));
        assertEquals("<form>\n  <select id=\"borough\"></select>\n</form>\n",
                render(partials, "<!--#include form borough-->\n", Map.of()));
        assertEquals("<form>\n  <select id=\"borough\"></select>\n  <select id=\"sector\"></select>\n</form>\n",
                render(partials, "  <!--#include form borough sector-->\n", Map.of()));
    }

    @Test
    void sectionsNestAndHoldIncludes() {
        Map<String, String> partials = Map.of(
                "outer", "{{#a}}\nA\n{{#b}}\nB\n{{/b}}\n<!--#include inner label=\"{{a|none}}\"-->\n{{/a}}\nend\n",
                "inner", "[{{label}} {{path}}]\n");
        assertEquals("end\n", render(partials, "<!--#include outer-->\n", Map.of("path", "/")));
        assertEquals("A\n[x /]\nend\n", render(partials, "<!--#include outer a=\"x\"-->\n", Map.of("path", "/")));
        assertEquals("A\nB\n[ /]\nend\n", render(partials, "<!--#include outer a b-->\n", Map.of("path", "/")));
    }

    @Test
    void aPartialSeesItsOwnArgumentsAndThePagesValuesOnly() {
        Map<String, String> partials = Map.of("outer", "{{hint}}\n<!--#include inner-->\n", "inner", "{{path}} {{hint|no hint}}\n");
        assertEquals("Outer hint\n/gaps.html no hint\n",
                render(partials, "<!--#include outer hint=\"Outer hint\"-->\n", Map.of("path", "/gaps.html")));
    }

    @Test
    void aMisspeltArgumentIsRefusedRatherThanDroppingAField() {
        Map<String, String> partials = Map.of("filters", "{{#borough}}\n<select id=\"borough\"></select>\n{{/borough}}\n");
        IllegalStateException e = refused(partials, "<!--#include filters borugh-->\n");
        assertEquals("web/page.html: web/partials/filters.html takes no argument 'borugh'", e.getMessage());
    }

    @Test
    void aValueWithNeitherArgumentNorDefaultIsRefused() {
        IllegalStateException e = refused(Map.of("button", "<button>{{text}}</button>\n"), "<!--#include button-->\n");
        assertEquals("web/partials/button.html: nothing to put in {{text}}", e.getMessage());
    }

    @Test
    void anUnknownPartialIsRefused() {
        IllegalStateException e = refused(Map.of(), "<!--#include nav-->\n");
        assertEquals("web/page.html: no partial web/partials/nav.html", e.getMessage());
    }

    @Test
    void partialsThatIncludeEachOtherInACircleAreRefused() {
        IllegalStateException e = refused(Map.of("a", "<!--#include b-->\n", "b", "<!--#include a-->\n"), "<!--#include a-->\n");
        assertTrue(e.getMessage().contains("include each other in a circle"), e.getMessage());
    }

    @Test
    void argumentsThatAreNotFlagsOrQuotedPairsAreRefused() {
        Map<String, String> partials = Map.of("button", "{{text|Show}}\n");
        IllegalStateException e = refused(partials, "<!--#include button text='Go'-->\n");
        assertTrue(e.getMessage().startsWith("web/page.html: cannot read the include's arguments 'text='Go''"), e.getMessage());
        assertEquals("Show\n", render(partials, "<!--#include button -->\n", Map.of()), "a space before --> is fine");
    }

    @Test
    void aSectionMarkNotOnALineOfItsOwnIsRefused() {
        IllegalStateException e = refused(Map.of("item", "<li{{#current}} class=\"active\"{{/current}}>\n"),
                "<!--#include item current-->\n");
        assertTrue(e.getMessage().startsWith("web/partials/item.html: {{#current}} opens or closes no section"), e.getMessage());
        e = refused(Map.of(), "{{#open}}\nnever closed\n");
        assertTrue(e.getMessage().startsWith("web/page.html: {{#open}} opens or closes no section"), e.getMessage());
    }
}
