package bridgemap.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web view's pages, put together once when the server is created: each {@code web/*.html} page names the parts
 * every page shares ({@code <!--#include head-->}, {@code header}, {@code footer}, from {@code web/partials/}), and
 * the navigation marks the page itself as current. The pages are whole HTML from the server, so they read without
 * JavaScript, and there is still no build step. The pages are the navigation's links.
 */
final class WebPages {

    private static final Pattern INCLUDE = Pattern.compile("(?m)^[ \\t]*<!--#include (\\w+)-->\\n?");
    private static final Pattern NAV_LINK = Pattern.compile(
            "<li class=\"govuk-service-navigation__item\">(\\s*)"
                    + "<a class=\"govuk-service-navigation__link\" href=\"([^\"]*)\" data-nav=\"[^\"]*\">([^<]*)</a>");

    /** Each page's HTML by its path ({@code /}, {@code /gaps.html}, ...), in navigation order. */
    private final Map<String, String> pages = new LinkedHashMap<>();

    WebPages() {
        String header = resource("partials/header.html");
        Matcher links = NAV_LINK.matcher(header);
        while (links.find()) {
            String path = links.group(2);
            String file = path.equals("/") ? "index.html" : path.substring(1);
            pages.put(path, render(resource(file), header, path));
        }
        if (pages.isEmpty()) {
            throw new IllegalStateException("web/partials/header.html links no pages");
        }
    }

    /** The paths of the pages, in navigation order. */
    Iterable<String> paths() {
        return pages.keySet();
    }

    /** The HTML of the page at {@code path}. */
    String page(String path) {
        String page = pages.get(path);
        if (page == null) {
            throw new IllegalArgumentException("no page at " + path);
        }
        return page;
    }

    private static String render(String page, String header, String path) {
        return INCLUDE.matcher(page).replaceAll(include -> Matcher.quoteReplacement(switch (include.group(1)) {
            case "header" -> current(header, path);
            case "head", "footer" -> resource("partials/" + include.group(1) + ".html");
            default -> throw new IllegalStateException("unknown include '" + include.group(1) + "' in the page at " + path);
        }));
    }

    /** The navigation with the link to {@code path} marked as the current page (GOV.UK service navigation). */
    private static String current(String header, String path) {
        return NAV_LINK.matcher(header).replaceAll(link -> Matcher.quoteReplacement(!link.group(2).equals(path)
                ? link.group()
                : "<li class=\"govuk-service-navigation__item govuk-service-navigation__item--active\">" + link.group(1)
                        + "<a class=\"govuk-service-navigation__link\" href=\"" + path + "\" data-nav=\"" + path
                        + "\" aria-current=\"page\"><strong class=\"govuk-service-navigation__active-fallback\">"
                        + link.group(3) + "</strong></a>"));
    }

    private static String resource(String name) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream("web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web/" + name + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
