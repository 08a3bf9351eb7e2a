package bridgemap.openreferral;

import bridgemap.ingest.CsvRecords;
import bridgemap.ingest.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file read leniently about columns (a directory table has many Bridgemap does not use) and strictly
 * about text ({@link CsvRecords}, as bundles are): UTF-8, a header, every row with the line it starts on.
 * Problems are collected, not thrown.
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
        CsvRecords records = CsvRecords.open(file, bytes, comment, problems);
        if (records == null) {
            return null;
        }
        List<String> header = records.header();
        boolean complete = true;
        for (String column : required) {
            if (!header.contains(column)) {
                problems.add(new Problem(file, records.headerLine(), column, "required column missing"));
                complete = false;
            }
        }
        if (!complete) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        boolean whole = records.forEach((line, record) -> {
            Origin origin = Origin.csv(file, line);
            if (record.size() != header.size()) {
                problems.add(origin.problem("(csv)", "row has " + record.size() + " fields; the header has " + header.size()));
                return;
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                String value = record.get(i).strip();
                if (!value.isEmpty()) {
                    values.putIfAbsent(header.get(i), value);
                }
            }
            rows.add(new Row(origin, values));
        }, problems);
        return whole ? rows : null;
    }
}
