package bridgemap.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The CSV sections of one kind of result, declared once: each section's name, its headers and how its rows are
 * filled. The names are known before there is a result (for {@code --help}); {@link #of(Object)} fills the
 * sections from a result. Immutable: {@link #section} returns a longer layout.
 *
 * @param <R> the result the rows are read from
 */
public final class CsvLayout<R> {

    /** Adds a section's rows, read from {@code result}, to {@code rows}, each row one value per header. */
    @FunctionalInterface
    public interface Rows<R> {
        void fill(R result, List<List<Object>> rows);
    }

    private record Section<R>(String name, List<String> headers, Rows<R> rows) {}

    private final List<Section<R>> sections;

    private CsvLayout(List<Section<R>> sections) {
        this.sections = List.copyOf(sections);
    }

    /** A layout with no sections yet. */
    public static <R> CsvLayout<R> sections() {
        return new CsvLayout<>(List.of());
    }

    /** This layout and then the section {@code name}; a name already used is an IllegalArgumentException. */
    public CsvLayout<R> section(String name, List<String> headers, Rows<R> rows) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(rows, "rows");
        if (names().contains(name)) {
            throw new IllegalArgumentException("two sections are called " + name);
        }
        List<Section<R>> longer = new ArrayList<>(sections);
        longer.add(new Section<>(name, List.copyOf(headers), rows));
        return new CsvLayout<>(longer);
    }

    /** The sections' names, in order. */
    public List<String> names() {
        return sections.stream().map(Section::name).toList();
    }

    /** The sections filled from {@code result}. */
    public CsvSections of(R result) {
        Objects.requireNonNull(result, "result");
        CsvSections csv = new CsvSections();
        for (Section<R> section : sections) {
            section.rows().fill(result, csv.section(section.name(), section.headers().toArray(String[]::new)));
        }
        return csv;
    }
}
