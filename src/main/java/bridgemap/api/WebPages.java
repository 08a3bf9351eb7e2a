package bridgemap.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The web view's pages, put together once when the server is created, so that they read without JavaScript and
 * there is still no build step. {@link #PAGES} lists them; each page's file under {@code web/} holds only what is its
 * own: a {@code <head>} part (its title, {@code <!--#include head-->} and its script) and a {@code <main>} part (its
 * heading, its lead paragraph and, where it has one, the filters form, its fields named as flags:
 * {@code <!--#include filters borough sector-->}; {@code hint="…"} and {@code button="…"} change its words).
 * {@code web/partials/layout.html} puts both into the document every page shares: the header with the navigation
 * (one {@code navigation-item.html} a page, the page itself marked current), the error summary, the status line and
 * {@code #content} that {@code web/js/page.js} fills, and the footer. The template language is {@link PageTemplate}'s.
 * {@code web/swagger.html} is not one of these pages: it is served whole at {@code /swagger}.
 */
final class WebPages {

    /** A page: the path it is served at, its file under {@code web/}, its label in the navigation. */
    record Page(String path, String file, String label) {

        Page {
            Objects.requireNonNull(path, "path");
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(label, "label");
            if (!path.startsWith("/")) {
                throw new IllegalArgumentException("a page's path starts with /: " + path);
            }
        }
    }

    /**
     * Every page, in the navigation's order. A new page is one line here, its {@code web/NAME.html} and its
     * {@code web/js/NAME.js} (which calls {@code startPage} from {@code page.js}).
     */
    static final List<Page> PAGES = List.of(
            new Page("/", "index.html", "Overview"),
            new Page("/coverage.html", "coverage.html", "Coverage map"),
            new Page("/network.html", "network.html", "Network"),
            new Page("/gaps.html", "gaps.html", "Gaps"),
            new Page("/bottlenecks.html", "bottlenecks.html", "Bottlenecks"),
            new Page("/timeline.html", "timeline.html", "Timeline"),
            new Page("/planner.html", "planner.html", "Planner"),
            new Page("/research.html", "research.html", "Research"));

    /** A page's file: its {@code <head>} part, then its {@code <main>} part, each tag on a line of its own. */
    private static final Pattern PARTS = Pattern.compile("(?s)<head>\\n(.*?\\n)</head>\\n<main>\\n(.*?\\n)</main>\\n?");

    /** Each page's HTML by the paths it answers at, in navigation order. */
    private final Map<String, String> routes = new LinkedHashMap<>();

    /** The pages of {@link #PAGES}, from the classpath. */
    WebPages() {
        this(PAGES, WebPages::resource);
    }

    /** {@code pages} from {@code files} (a file's text by its name under {@code web/}, null when there is none). */
    WebPages(List<Page> pages, Function<String, String> files) {
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no pages");
        }
        Function<String, String> file = name -> {
            String text = files.apply(name);
            if (text == null) {
                throw new IllegalStateException("web/" + name + " is missing");
            }
            return text;
        };
        PageTemplate template = new PageTemplate(name -> files.apply("partials/" + name + ".html"));
        String layout = file.apply("partials/layout.html");
        String item = file.apply("partials/navigation-item.html");
        for (Page page : pages) {
            Matcher parts = PARTS.matcher(file.apply(page.file()));
            if (!parts.matches()) {
                throw new IllegalStateException("web/" + page.file() + " must be a <head> part then a <main> part,"
                        + " each tag on a line of its own");
            }
            Map<String, String> context = Map.of("path", page.path(),
                    "navigation", navigation(pages, page, item, template));
            Map<String, String> values = new HashMap<>(context);
            values.put("head", lines(template.render(parts.group(1), context, "web/" + page.file())));
            values.put("main", lines(template.render(parts.group(2), context, "web/" + page.file())));
            String html = template.render(layout, values, "web/partials/layout.html");
            serve(page.path(), html);
            if (!page.path().equals("/" + page.file())) {
                serve("/" + page.file(), html);
            }
        }
    }

    /** Every path a page answers at and its HTML: each page at its path, and at {@code /FILE} too ({@code /index.html}). */
    Map<String, String> routes() {
        return Collections.unmodifiableMap(routes);
    }

    private void serve(String path, String html) {
        if (routes.putIfAbsent(path, html) != null) {
            throw new IllegalStateException("two pages at " + path);
        }
    }

    /** The navigation's items, one a page, the link to {@code current} marked as the current page. */
    private static String navigation(List<Page> pages, Page current, String item, PageTemplate template) {
        return lines(pages.stream().map(page -> {
            Map<String, String> values = new HashMap<>(Map.of("href", page.path(), "label", page.label()));
            if (page.equals(current)) {
                values.put("current", "");
            }
            return template.render(item, values, "web/partials/navigation-item.html");
        }).collect(Collectors.joining()));
    }

    /** Lines without the last one's line break, to stand in a line of their own in the layout. */
    private static String lines(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    private static String resource(String name) {
        try (InputStream in = WebPages.class.getClassLoader().getResourceAsStream("web/" + name)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
