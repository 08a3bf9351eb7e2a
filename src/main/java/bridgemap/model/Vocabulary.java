package bridgemap.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A closed set of values written in bundles and stored in the graph as lower-case codes. */
public interface Vocabulary {

    /** The code as written in CSV files and stored in Neo4j, e.g. {@code criminal_justice}. */
    String code();

    /** Finds the constant of {@code type} whose code is {@code code}, if any. */
    static <E extends Enum<E> & Vocabulary> Optional<E> parse(Class<E> type, String code) {
        for (E value : type.getEnumConstants()) {
            if (value.code().equals(code)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }

    /** All codes of {@code type}, in declaration order. */
    static <E extends Enum<E> & Vocabulary> List<String> codes(Class<E> type) {
        return Arrays.stream(type.getEnumConstants()).map(Vocabulary::code).toList();
    }

    /** The default code of an enum constant: its name in lower case. */
    static String codeOf(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
