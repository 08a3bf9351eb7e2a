package bridgemap.ingest;

import java.util.Comparator;
import java.util.Objects;

/**
 * One thing wrong with an import, located as {@code file:line: column: message}. Line 1 is the header;
 * {@code column} is a column name, or a word in parentheses such as {@code (csv)} when no column applies.
 * A JSON input has no lines: there {@code line} is {@link #NO_LINE}, {@code column} a JSON pointer, and the
 * problem reads {@code file: /pointer: message}.
 */
public record Problem(String file, int line, String column, String message) {

    /** The line of a problem located by a JSON pointer instead. */
    public static final int NO_LINE = -1;

    /** Problems in bundle-file order, then by line; a stable sort keeps a line's problems in column order. */
    public static final Comparator<Problem> ORDER = Comparator.comparingInt((Problem p) -> BundleFile.order(p.file()))
            .thenComparing(Problem::file)
            .thenComparingInt(Problem::line);

    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return line == NO_LINE ? file + ": " + column + ": " + message
                : file + ":" + line + ": " + column + ": " + message;
    }
}
