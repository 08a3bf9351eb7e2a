package bridgemap.openreferral;

import bridgemap.model.Borough;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the boroughs a service area names: by ONS GSS code anywhere in it, or by its whole text being a
 * borough's name (or a list of names). Names compare without case, punctuation, "&" against "and", and
 * with the usual wrappers ("London Borough of Camden", "Royal Borough of Greenwich", "City of Westminster",
 * "Camden Council"). The boroughs known are those stored, then the reference list shipped with Bridgemap.
 */
final class BoroughMatcher {

    /** The reference list on the classpath. */
    static final String REFERENCE = "data/reference/london-boroughs.csv";
    private static final Pattern GSS_TOKEN = Pattern.compile("(?<![A-Za-z0-9])[ENSW]\\d{8}(?![A-Za-z0-9])");
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[,;/|\\n]");

    private final Map<String, Borough> byId = new LinkedHashMap<>();
    private final Set<String> stored = new LinkedHashSet<>();
    private final Map<String, String> idByKey = new HashMap<>();

    BoroughMatcher(List<Borough> storedBoroughs, List<Borough> reference) {
        for (Borough b : storedBoroughs) {
            byId.put(b.id(), b);
            stored.add(b.id());
        }
        for (Borough b : reference) {
            byId.putIfAbsent(b.id(), b);
        }
        for (Borough b : byId.values()) {
            for (String alias : aliases(b.name())) {
                idByKey.putIfAbsent(key(alias), b.id());
            }
        }
    }

    /** The reference boroughs shipped with Bridgemap. */
    static List<Borough> reference() {
        try (InputStream in = BoroughMatcher.class.getClassLoader().getResourceAsStream(REFERENCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + REFERENCE + " on the classpath");
            }
            List<Borough> boroughs = new ArrayList<>();
            List<bridgemap.ingest.Problem> problems = new ArrayList<>();
            for (CsvRows.Row row : CsvRows.parse(REFERENCE, in.readAllBytes(), (char) 0, List.of("id", "name"), problems)) {
                boroughs.add(new Borough(row.get("id"), row.get("name"), row.get("region")));
            }
            return boroughs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The borough with this GSS code, stored or in the reference list. */
    Optional<Borough> byCode(String code) {
        return Optional.ofNullable(byId.get(code));
    }

    boolean isStored(String id) {
        return stored.contains(id);
    }

    /** Every GSS code written in {@code text}. */
    static List<String> codesIn(String text) {
        List<String> codes = new ArrayList<>();
        if (text != null) {
            Matcher m = GSS_TOKEN.matcher(text);
            while (m.find()) {
                codes.add(m.group());
            }
        }
        return codes;
    }

    /**
     * The boroughs {@code text} names: the one whose name it is, or, for a list ("Camden, Islington",
     * "Camden and Islington"), one for each item; empty unless every item names a borough.
     */
    List<Borough> byName(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        String whole = idByKey.get(key(text));
        if (whole != null) {
            return List.of(byId.get(whole));
        }
        List<Borough> found = new ArrayList<>();
        for (String item : LIST_SEPARATORS.split(text)) {
            if (item.isBlank()) {
                continue;
            }
            String id = idByKey.get(key(item));
            if (id != null) {
                found.add(byId.get(id));
                continue;
            }
            for (String part : item.split("(?i)\\s+(?:and|&)\\s+")) {
                String partId = idByKey.get(key(part));
                if (partId == null) {
                    return List.of();
                }
                found.add(byId.get(partId));
            }
        }
        return found.stream().distinct().toList();
    }

    private static List<String> aliases(String name) {
        List<String> aliases = new ArrayList<>(List.of(name, "London Borough of " + name, "Royal Borough of " + name,
                "Borough of " + name, name + " Council", name + " Borough Council", name + " City Council",
                name + " London Borough Council"));
        if (!name.toLowerCase(Locale.ROOT).startsWith("city of ")) {
            aliases.add("City of " + name);
        }
        return aliases;
    }

    /** Lower case, "&" as "and", punctuation as space, single spaces, no leading "the". */
    static String key(String text) {
        String key = text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
        return key.startsWith("the ") ? key.substring(4) : key;
    }
}
