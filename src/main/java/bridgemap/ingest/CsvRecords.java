package bridgemap.ingest;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The records of a CSV file that is read in, as every importer reads one (bundles, {@code pseudonymise}, Open Referral
 * packages and mapping files): screened ({@link CsvLimits}) and decoded ({@link CsvTable#readText}), parsed by Apache
 * Commons CSV as RFC 4180, the first record the header, every record with the line it starts on.
 *
 * <p>When the parser gives up, the problem is not its exception but what went wrong in plain words, at the line where
 * the broken field starts and under its column: a quote opened on line 5 of {@code referrals.csv} that never closes is
 * {@code referrals.csv:5: reason: a quoted field starts here and never ends} (the parser itself only notices at the end
 * of the file). The file is scanned again by the same rules as the parser's to find that field.
 */
public final class CsvRecords {

    /** What to do with each data record: the line it starts on, and its fields as written (not trimmed). */
    @FunctionalInterface
    public interface RecordAction {
        void accept(int line, CSVRecord record);
    }

    private final String file;
    private final String text;
    private final char comment;
    private final int[] lineStarts;
    private final CSVParser parser;
    private final Iterator<CSVRecord> records;
    private final List<String> header;
    private final int headerLine;

    private CsvRecords(String file, String text, char comment, int[] lineStarts, CSVParser parser,
            Iterator<CSVRecord> records, List<String> header, int headerLine) {
        this.file = file;
        this.text = text;
        this.comment = comment;
        this.lineStarts = lineStarts;
        this.parser = parser;
        this.records = records;
        this.header = header;
        this.headerLine = headerLine;
    }

    /**
     * Opens {@code bytes} as the CSV file {@code file} and reads its header; lines starting with {@code comment} (when
     * not 0) are skipped, and so are empty lines. Null, with the problem added to {@code problems}, when the file
     * cannot be read up to the end of its header.
     */
    public static CsvRecords open(String file, byte[] bytes, char comment, List<Problem> problems) {
        String text = CsvTable.readText(file, bytes, problems);
        if (text == null) {
            return null;
        }
        CSVFormat.Builder format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true);
        if (comment != 0) {
            format.setCommentMarker(comment);
        }
        int[] lineStarts = CsvTable.lineStarts(text);
        CSVParser parser;
        try {
            parser = CSVParser.parse(new StringReader(text), format.get());
        } catch (IOException | UncheckedIOException e) {
            problems.add(located(file, text, comment, 1, e));
            return null;
        }
        Iterator<CSVRecord> records = parser.iterator();
        try {
            if (!records.hasNext()) {
                return new CsvRecords(file, text, comment, lineStarts, parser, records, List.of(), 1);
            }
            CSVRecord first = records.next();
            List<String> header = first.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            int headerLine = lineOf(text, comment, lineStarts, first);
            return new CsvRecords(file, text, comment, lineStarts, parser, records, header, headerLine);
        } catch (UncheckedIOException | IllegalStateException e) {
            problems.add(located(file, text, comment, (int) parser.getCurrentLineNumber(), e));
            return null;
        }
    }

    /** The header's column names, stripped and in lower case; empty for a file with no records at all. */
    public List<String> header() {
        return header;
    }

    /** The line the header is on (1 unless blank or comment lines come first). */
    public int headerLine() {
        return headerLine;
    }

    /**
     * Gives every data record, in order, to {@code action}. True when the file was read to its end; false when the CSV
     * is malformed, after adding the problem (in plain words, at the line where the broken field starts) to
     * {@code problems}: the records before it have been given, none after.
     */
    public boolean forEach(RecordAction action, List<Problem> problems) {
        while (true) {
            CSVRecord record;
            try {
                if (!records.hasNext()) {
                    return true;
                }
                record = records.next();
            } catch (UncheckedIOException | IllegalStateException e) {
                problems.add(located(file, text, comment, (int) parser.getCurrentLineNumber(), e));
                return false;
            }
            action.accept(lineOf(text, comment, lineStarts, record), record);
        }
    }

    /**
     * The line {@code record} starts on. Commons CSV gives a record's position before the empty and comment lines it
     * skipped on the way to it, so those are skipped here too.
     */
    private static int lineOf(String text, char comment, int[] lineStarts, CSVRecord record) {
        int i = (int) record.getCharacterPosition();
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (comment != 0 && c == comment) {
                while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
                    i++;
                }
                c = i < n ? text.charAt(i) : 0;
            }
            if (c != '\n' && c != '\r') {
                break;
            }
            i = pastLineEnd(text, i);
        }
        return CsvTable.lineOfChar(lineStarts, i);
    }

    /**
     * The problem for the parser's failure {@code e}: where the text breaks the rules, found by {@link #firstBreak};
     * should the scan find nothing (it follows the parser's rules, so it should not), the parser's own message at the
     * line it had reached.
     */
    private static Problem located(String file, String text, char comment, int parserLine, Exception e) {
        Problem found = firstBreak(file, text, comment);
        return found != null ? found
                : new Problem(file, Math.max(1, parserLine), "(csv)", "cannot be read as CSV from here: " + CsvTable.csvMessage(e));
    }

    /**
     * The first place where {@code text} breaks RFC 4180 as Commons CSV reads it, or null. A field is quoted when its
     * first character is a quote; in it, {@code ""} is a quote, and line breaks are part of the value; after its closing
     * quote only spaces may come before the comma or the end of the line. Empty lines and (with {@code comment}) lines
     * starting with the comment character between records are skipped. Lines end as {@link CsvTable#lineEnd} says.
     */
    static Problem firstBreak(String file, String text, char comment) {
        int n = text.length();
        int line = 1;
        int i = 0;
        List<String> header = null;
        List<String> fields = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean recordStart = true;
        while (i < n) {
            char c = text.charAt(i);
            if (recordStart && (c == '\n' || c == '\r' || (comment != 0 && c == comment))) {
                while (c != '\n' && c != '\r' && ++i < n) {
                    c = text.charAt(i); // the rest of a comment line
                }
                if (i < n) {
                    i = pastLineEnd(text, i);
                    line++;
                }
                continue;
            }
            recordStart = false;
            value.setLength(0);
            if (c == '"') {
                int startLine = line;
                String column = column(header, fields.size());
                i++;
                while (true) {
                    if (i >= n) {
                        return new Problem(file, startLine, column, "a quoted field starts here and never ends");
                    }
                    char q = text.charAt(i);
                    if (q == '"') {
                        if (i + 1 < n && text.charAt(i + 1) == '"') {
                            value.append('"');
                            i += 2;
                            continue;
                        }
                        i++;
                        break;
                    }
                    int end = CsvTable.lineEnd(text, i);
                    if (end > 0) {
                        value.append(text, i, i + end);
                        i += end;
                        line++;
                        continue;
                    }
                    value.append(q);
                    i++;
                }
                for (; i < n && !isSeparator(text.charAt(i)); i++) {
                    if (!Character.isWhitespace(text.charAt(i))) {
                        return new Problem(file, startLine, column, "the quoted field that starts here has text after its "
                                + "closing quote" + (line == startLine ? "" : " (on line " + line + ")")
                                + "; quote the whole value and write each quote inside it twice (\"\")");
                    }
                }
            } else {
                for (; i < n && !isSeparator(text.charAt(i)); i++) {
                    value.append(text.charAt(i));
                }
            }
            fields.add(value.toString());
            if (i < n && text.charAt(i) == ',') {
                i++;
                continue;
            }
            if (header == null) {
                header = fields.stream().map(h -> h.strip().toLowerCase(Locale.ROOT)).toList();
            }
            fields.clear();
            if (i < n) {
                i = pastLineEnd(text, i);
                line++;
            }
            recordStart = true;
        }
        return null;
    }

    private static boolean isSeparator(char c) {
        return c == ',' || c == '\n' || c == '\r';
    }

    /** The index after the line end at {@code i} ({@link CsvTable#lineEnd}). */
    private static int pastLineEnd(String text, int i) {
        return i + CsvTable.lineEnd(text, i);
    }

    /** The column of field {@code index}: its header name, {@code (header)} in the header, or its number. */
    private static String column(List<String> header, int index) {
        if (header == null) {
            return "(header)";
        }
        return index < header.size() && !header.get(index).isEmpty() ? header.get(index) : "(column " + (index + 1) + ")";
    }
}
