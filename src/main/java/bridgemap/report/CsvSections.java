package bridgemap.report;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV output of an analysis: one table per section. With no section chosen every table is printed,
 * each after a {@code # name} line and a blank line between; with one chosen, just that table.
 * {@link #files(String)} gives one CSV file per section instead. Written through {@link SpreadsheetCsv}: these
 * files are for people too, so no text cell can start a spreadsheet formula.
 */
public final class CsvSections {

    private record Section(String name, List<String> headers, List<List<Object>> rows) {}

    private final List<Section> sections = new ArrayList<>();

    /** Starts a section and returns its row list to fill. */
    public List<List<Object>> section(String name, String... headers) {
        List<List<Object>> rows = new ArrayList<>();
        sections.add(new Section(name, List.of(headers), rows));
        return rows;
    }

    public List<String> names() {
        return sections.stream().map(Section::name).toList();
    }

    /** Prints every section, or only {@code only} when not null; an unknown name is an IllegalArgumentException. */
    public void print(PrintWriter out, String only) {
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
                SpreadsheetCsv printer = new SpreadsheetCsv(out, "\n");
                printer.printRecord(section.headers());
                for (List<Object> row : section.rows()) {
                    printer.printRecord(row.stream().map(CsvSections::cell).toList());
                }
                out.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One RFC 4180 file per section, named {@code prefix + section + ".csv"}, in section order. */
    public Map<String, byte[]> files(String prefix) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Section section : sections) {
            StringWriter text = new StringWriter();
            PrintWriter out = new PrintWriter(text);
            print(out, section.name());
            out.flush();
            files.put(prefix + section.name() + ".csv", text.toString().getBytes(StandardCharsets.UTF_8));
        }
        return files;
    }

    private static Object cell(Object value) {
        if (value instanceof bridgemap.model.Tally t) {
            return t.value();
        }
        if (value instanceof bridgemap.model.Ratio r) {
            return cell(r.value());
        }
        if (value instanceof bridgemap.model.PerUnit p) {
            return cell(p.value());
        }
        if (value instanceof Double d && !Double.isFinite(d)) {
            return "";
        }
        if (value instanceof bridgemap.model.Vocabulary v) {
            return v.code();
        }
        return value;
    }
}
