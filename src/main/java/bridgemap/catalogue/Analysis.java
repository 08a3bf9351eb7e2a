package bridgemap.catalogue;

import bridgemap.model.NetworkSnapshot;
import bridgemap.report.CsvLayout;
import bridgemap.report.CsvSections;
import bridgemap.report.Names;
import java.io.PrintWriter;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.regex.Pattern;

/**
 * One analysis as every interface offers it: its name, a one-line summary, how it is computed from a snapshot and
 * a borough, and how its result is written as tables for people and as CSV sections for tools. Its JSON is the
 * result record itself, written by Jackson the same way by {@code analyze NAME --format json} and
 * {@code GET /api/analysis/NAME} (and, for researchers, through {@code privacy.Disclosure.control}); so there is no
 * JSON renderer to declare. The descriptors are in {@link Analyses}; each is its own identity (the result cache's
 * key), so there is one per analysis.
 *
 * @param <R> the analysis's result, an immutable record
 */
public final class Analysis<R> {

    private static final Pattern NAME = Pattern.compile("[a-z]+(-[a-z]+)*");

    private final String name;
    private final String summary;
    private final BiFunction<NetworkSnapshot, String, R> compute;
    private final Table<R> table;
    private final CsvLayout<R> csv;

    /**
     * @param name the subcommand ({@code analyze NAME}), the route ({@code /api/analysis/NAME}) and the prefix of
     *     the exported CSV files ({@code NAME-SECTION.csv}): lower-case words joined by hyphens
     * @param summary one line: the subcommand's {@code --help} and the route's OpenAPI summary
     * @param compute the pure analysis of a snapshot, over every borough (null) or one borough's cases (its GSS code)
     * @param table the result as tables for people ({@code analyze NAME})
     * @param csv the result as CSV sections for tools ({@code --format csv}, {@code export --format csv})
     */
    public Analysis(String name, String summary, BiFunction<NetworkSnapshot, String, R> compute,
            Table<R> table, CsvLayout<R> csv) {
        this.name = Objects.requireNonNull(name, "name");
        this.summary = Objects.requireNonNull(summary, "summary");
        this.compute = Objects.requireNonNull(compute, "compute");
        this.table = Objects.requireNonNull(table, "table");
        this.csv = Objects.requireNonNull(csv, "csv");
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("an analysis's name is lower-case words joined by hyphens: " + name);
        }
        if (summary.isBlank() || summary.lines().count() != 1) {
            throw new IllegalArgumentException("the summary of " + name + " is one line");
        }
    }

    /** An analysis whose tables name nothing from the bundle (no needs, no borough in the heading). */
    public Analysis(String name, String summary, BiFunction<NetworkSnapshot, String, R> compute,
            BiConsumer<PrintWriter, R> table, CsvLayout<R> csv) {
        this(name, summary, compute, plain(table), csv);
    }

    private static <R> Table<R> plain(BiConsumer<PrintWriter, R> table) {
        Objects.requireNonNull(table, "table");
        return (out, result, names) -> table.accept(out, result);
    }

    public String name() {
        return name;
    }

    public String summary() {
        return summary;
    }

    /** Runs the analysis on {@code snapshot}; {@code borough} (a GSS code, or null for all) is already checked. */
    public R compute(NetworkSnapshot snapshot, String borough) {
        return compute.apply(snapshot, borough);
    }

    /** Prints {@code result} as tables for people, needs and boroughs by the names in {@code names}. */
    public void table(PrintWriter out, R result, Names names) {
        table.print(out, result, names);
    }

    /** How a result is printed for people: its codes (needs, boroughs) written as {@code names} gives them. */
    @FunctionalInterface
    public interface Table<R> {
        void print(PrintWriter out, R result, Names names);
    }

    /** {@code result} as CSV sections. */
    public CsvSections csv(R result) {
        return csv.of(result);
    }

    /** The names of the CSV sections, in order. */
    public List<String> csvSections() {
        return csv.names();
    }

    @Override
    public String toString() {
        return name;
    }
}
