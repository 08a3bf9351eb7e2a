package bridgemap.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV output of an analysis: one table per section. With no section chosen every table is printed,
 * each after a {@code # name} line and a blank line between; with one chosen, just that table.
 */
final class CsvSections {

    private record Section(String name, List<String> headers, List<List<Object>> rows) {}

    private final List<Section> sections = new ArrayList<>();

    /** Starts a section and returns its row list to fill. */
    List<List<Object>> section(String name, String... headers) {
        List<List<Object>> rows = new ArrayList<>();
        sections.add(new Section(name, List.of(headers), rows));
        return rows;
    }

    List<String> names() {
        return sections.stream().map(Section::name).toList();
    }

    /** Prints every section, or only {@code only} when not null; an unknown name is an IllegalArgumentException. */
    void print(PrintWriter out, String only) {
        if (only != null && !names().contains(only)) {
            throw new IllegalArgumentException("unknown section \"" + only + "\"; sections: " + String.join(", ", names()));
        }
        try {
            boolean first = true;
            for (Section section : sections) {
                if (only != null && !only.equals(section.name())) {
                    continue;
                }
                if (only == null) {
                    if (!first) {
                        out.println();
                    }
                    out.println("# " + section.name());
                }
                first = false;
                CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get());
                printer.printRecord(section.headers());
                for (List<Object> row : section.rows()) {
                    printer.printRecord(row.stream().map(CsvSections::cell).toList());
                }
                printer.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Object cell(Object value) {
        if (value instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        if (value instanceof bridgemap.model.Vocabulary v) {
            return v.code();
        }
        return value;
    }
}
