package bridgemap.openreferral;

import bridgemap.ingest.CsvTable;
import bridgemap.ingest.Problem;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file read leniently about columns (a directory table has many Bridgemap does not use) and strictly
 * about text: UTF-8, a header, every row with the line it starts on. Problems are collected, not thrown.
 */
final class CsvRows {

    /** One data row: where it starts and its non-empty cells by lower-case column name. */
    record Row(Origin origin, Map<String, String> values) {

        String get(String column) {
            return values.get(column);
        }
    }

    private CsvRows() {}

    /**
     * Parses {@code bytes} as the CSV file {@code file}; lines starting with {@code comment} (when not 0) are
     * skipped. Reports a missing {@code required} column and returns null when the file cannot be read at all.
     */
    static List<Row> parse(String file, byte[] bytes, char comment, List<String> required, List<Problem> problems) {
        String text = CsvTable.readText(file, bytes, problems);
        if (text == null) {
            return null;
        }
        int[] lineStarts = CsvTable.lineStarts(text);
        CSVFormat.Builder format = CSVFormat.RFC4180.builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .setIgnoreEmptyLines(true)
                .setAllowMissingColumnNames(true)
                .setDuplicateHeaderMode(org.apache.commons.csv.DuplicateHeaderMode.ALLOW_ALL);
        if (comment != 0) {
            format.setCommentMarker(comment);
        }
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format.get())) {
            List<String> header = parser.getHeaderNames().stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int headerLine = headerLine(text, comment);
            boolean complete = true;
            for (String column : required) {
                if (!header.contains(column)) {
                    problems.add(new Problem(file, headerLine, column, "required column missing"));
                    complete = false;
                }
            }
            if (!complete) {
                return null;
            }
            var records = parser.iterator();
            while (true) {
                CSVRecord record;
                try {
                    if (!records.hasNext()) {
                        break;
                    }
                    record = records.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    problems.add(new Problem(file, (int) parser.getCurrentLineNumber(), "(csv)", "malformed CSV: " + CsvTable.csvMessage(e)));
                    return null;
                }
                Origin origin = Origin.csv(file, CsvTable.lineOfChar(lineStarts, (int) record.getCharacterPosition()));
                if (record.size() != header.size()) {
                    problems.add(origin.problem("(csv)", "row has " + record.size() + " fields; the header has " + header.size()));
                    continue;
                }
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 0; i < header.size(); i++) {
                    String value = record.get(i).strip();
                    if (!value.isEmpty()) {
                        values.putIfAbsent(header.get(i), value);
                    }
                }
                rows.add(new Row(origin, values));
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            problems.add(new Problem(file, 1, "(csv)", "malformed CSV header: " + CsvTable.csvMessage(e)));
            return null;
        }
        return rows;
    }

    /** The line of the header: the first that is neither blank nor a comment. */
    private static int headerLine(String text, char comment) {
        int line = 1;
        for (String l : text.split("\\r\\n|\\r|\\n", -1)) {
            String stripped = l.strip();
            if (!stripped.isEmpty() && (comment == 0 || stripped.charAt(0) != comment)) {
                return line;
            }
            line++;
        }
        return 1;
    }
}
