package bridgemap.service;

import bridgemap.model.Borough;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A borough as people write it: its GSS code ({@code E09000022}) or its name in any case, with "&amp;" for "and"
 * and any spacing or punctuation ("hammersmith and fulham", "Kingston upon Thames"), or the start of one name
 * ("Kingston"). An unknown or ambiguous borough is an {@link InvalidInputException} naming the field.
 */
final class BoroughNames {

    private BoroughNames() {}

    /** The GSS code of the borough {@code given} names, among {@code boroughs}. */
    static String resolve(List<Borough> boroughs, String given, String field) {
        Objects.requireNonNull(given, "given");
        String wanted = normal(given);
        for (Borough b : boroughs) {
            if (b.id().equalsIgnoreCase(given.strip()) || normal(b.name()).equals(wanted)) {
                return b.id();
            }
        }
        List<Borough> starting = wanted.isEmpty() ? List.of()
                : boroughs.stream().filter(b -> normal(b.name()).startsWith(wanted + " ")).toList();
        if (starting.size() == 1) {
            return starting.get(0).id();
        }
        if (starting.size() > 1) {
            throw new InvalidInputException(field, "borough \"" + given.strip() + "\" is ambiguous: it could be "
                    + starting.stream().map(Borough::name).collect(Collectors.joining(" or ")) + "; give the whole name");
        }
        throw new InvalidInputException(field, "unknown borough \"" + given.strip()
                + "\": give the name or GSS code of a stored borough, e.g. " + example(boroughs));
    }

    /** The borough's name, or its code when it is not among {@code boroughs}. */
    static String name(List<Borough> boroughs, String id) {
        return boroughs.stream().filter(b -> b.id().equals(id)).map(Borough::name).findFirst().orElse(id);
    }

    private static String example(List<Borough> boroughs) {
        return boroughs.isEmpty() ? "Islington or E09000019" : boroughs.get(0).name() + " or " + boroughs.get(0).id();
    }

    /** Lower case, "&" as "and", every run of other characters one space. */
    private static String normal(String text) {
        return text.toLowerCase(Locale.ROOT).replace("&", " and ").replaceAll("[^\\p{L}\\p{N}]+", " ").strip();
    }
}
