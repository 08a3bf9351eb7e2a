package bridgemap.api;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The web view's small template language, read once when the server is created (there is no build step and no
 * template library):
 * <ul>
 *   <li>{@code <!--#include NAME ARGUMENTS-->}, on a line of its own, is replaced by the partial
 *       {@code web/partials/NAME.html} rendered with the arguments: a bare word is a flag ({@code borough}), a
 *       {@code key="text"} pair a value ({@code button="Use this date"});</li>
 *   <li>in the text, {@code {{key}}} is the value of {@code key}, {@code {{key|words}}} the same with a default;</li>
 *   <li>a line {@code {{#key}}} up to a line {@code {{/key}}} is kept only when {@code key} is given,
 *       {@code {{^key}}} … {@code {{/key}}} only when it is not (as in Mustache).</li>
 * </ul>
 * A partial sees its include's arguments and the page's own values (the context: its path, say), nothing else.
 * Values go in as written: they are the site's own markup, never data from a request or the store. Whatever cannot
 * be filled fails when the server is created, naming the file: an unknown partial, an argument the partial never
 * reads (a misspelt flag would otherwise drop a field without a word), a placeholder with neither value nor default.
 */
final class PageTemplate {

    private static final Pattern INCLUDE = Pattern.compile("(?m)^[ \\t]*<!--#include ([\\w-]+)(.*?)-->\\n?");
    private static final Pattern ARGUMENT = Pattern.compile("\\s+([\\w-]+)(?:=\"([^\"]*)\")?");
    private static final Pattern SECTION = Pattern.compile("(?ms)^[ \\t]*\\{\\{([#^])([\\w-]+)}}\\n(.*?)^[ \\t]*\\{\\{/\\2}}\\n");
    private static final Pattern STRAY = Pattern.compile("\\{\\{[#^/][\\w-]*}}");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([\\w-]+)(?:\\|([^}]*))?}}");
    private static final Pattern NAME = Pattern.compile("\\{\\{[#^/]?([\\w-]+)");
    /** Deeper than this, partials include each other in a circle. */
    private static final int MAX_DEPTH = 8;

    private final Function<String, String> partials;

    /** {@code partials}: a partial's text by its name ({@code header} for {@code web/partials/header.html}). */
    PageTemplate(Function<String, String> partials) {
        this.partials = Objects.requireNonNull(partials, "partials");
    }

    /** {@code text} (from the file {@code source}, named in errors) with its includes, sections and values filled in. */
    String render(String text, Map<String, String> context, String source) {
        return render(text, context, context, source, 0);
    }

    /** {@code values}: what {@code text} may read; {@code context}: the page's own values, which every partial sees. */
    private String render(String text, Map<String, String> context, Map<String, String> values, String source, int depth) {
        String kept = sections(text, values, source);
        String filled = PLACEHOLDER.matcher(kept).replaceAll(placeholder -> {
            String value = values.getOrDefault(placeholder.group(1), placeholder.group(2));
            if (value == null) {
                throw new IllegalStateException(source + ": nothing to put in {{" + placeholder.group(1) + "}}");
            }
            return Matcher.quoteReplacement(value);
        });
        return INCLUDE.matcher(filled).replaceAll(include -> Matcher.quoteReplacement(
                include(include.group(1), include.group(2), context, source, depth)));
    }

    private static String sections(String text, Map<String, String> values, String source) {
        String kept = SECTION.matcher(text).replaceAll(section -> {
            boolean wanted = values.containsKey(section.group(2)) == section.group(1).equals("#");
            return Matcher.quoteReplacement(wanted ? sections(section.group(3), values, source) : "");
        });
        Matcher stray = STRAY.matcher(kept);
        if (stray.find()) {
            throw new IllegalStateException(source + ": " + stray.group() + " opens or closes no section"
                    + " (each {{#key}} or {{^key}} and its {{/key}} stand on lines of their own)");
        }
        return kept;
    }

    private String include(String name, String arguments, Map<String, String> context, String source, int depth) {
        String where = "web/partials/" + name + ".html";
        if (depth >= MAX_DEPTH) {
            throw new IllegalStateException(source + ": partials include each other in a circle at " + where);
        }
        String partial = partials.apply(name);
        if (partial == null) {
            throw new IllegalStateException(source + ": no partial " + where);
        }
        Map<String, String> given = arguments(arguments, source);
        Set<String> read = names(partial);
        for (String key : given.keySet()) {
            if (!read.contains(key)) {
                throw new IllegalStateException(source + ": " + where + " takes no argument '" + key + "'");
            }
        }
        Map<String, String> values = new HashMap<>(context);
        values.putAll(given);
        return render(partial, context, values, where, depth + 1);
    }

    /** {@code  borough button="Show"} → {borough=, button=Show}. */
    private static Map<String, String> arguments(String text, String source) {
        Map<String, String> arguments = new HashMap<>();
        Matcher argument = ARGUMENT.matcher(text);
        int end = 0;
        while (argument.find() && argument.start() == end) {
            arguments.put(argument.group(1), argument.group(2) == null ? "" : argument.group(2));
            end = argument.end();
        }
        if (!text.substring(end).isBlank()) {
            throw new IllegalStateException(source + ": cannot read the include's arguments '" + text.strip()
                    + "' (flags and key=\"text\" pairs, separated by spaces)");
        }
        return arguments;
    }

    /** The keys a text reads, in placeholders and sections. */
    private static Set<String> names(String text) {
        Set<String> names = new HashSet<>();
        Matcher name = NAME.matcher(text);
        while (name.find()) {
            names.add(name.group(1));
        }
        return names;
    }
}
