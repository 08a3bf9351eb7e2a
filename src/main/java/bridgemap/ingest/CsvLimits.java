package bridgemap.ingest;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Limits a bundle file must keep before it is decoded and parsed, so that a hostile or broken file — a header with
 * a million columns, a 100 MB field, a quote left open, binary data — is refused in one pass over its bytes, in
 * milliseconds, instead of being decoded and handed to the CSV parser whole.
 *
 * <p>The screen reads the raw bytes: the CSV structure ({@code ,}, {@code "}, CR, LF) is ASCII, and UTF-8 never uses
 * ASCII bytes inside a multi-byte character, so fields and records can be measured before decoding. Lengths are
 * counted in characters (Unicode code points), as a user would count them. Quoting follows RFC 4180 as Commons CSV
 * reads it: a quote opens a quoted field only at the start of a field, and {@code ""} inside one is a quote.
 */
public final class CsvLimits {

    /** Most columns in a header, and most fields in a row. */
    static final int MAX_COLUMNS = 100;
    /** Longest value, in characters. */
    static final int MAX_FIELD_CHARS = 10_000;
    /** Longest row (a record, which may span lines inside quotes), in characters. */
    static final int MAX_RECORD_CHARS = 100_000;

    private CsvLimits() {}

    /** The first limit {@code bytes} breaks, as a problem located in {@code file}; empty when it keeps them all. */
    public static Optional<Problem> check(String file, byte[] bytes) {
        return new Scan(file, bytes).run();
    }

    /** One pass over one file. */
    private static final class Scan {
        private final String file;
        private final byte[] bytes;
        private final List<String> header = new ArrayList<>();
        private final ByteArrayOutputStream headerField = new ByteArrayOutputStream();
        private boolean headerDone;
        private int line = 1;
        private int recordLine = 1;
        private int field;
        private int fieldChars;
        private int recordChars;
        private boolean inQuotes;
        /** Whether the current field has been quoted; a quote after the closing one is part of the value. */
        private boolean quotedBefore;

        Scan(String file, byte[] bytes) {
            this.file = file;
            this.bytes = bytes;
        }

        Optional<Problem> run() {
            int n = bytes.length;
            int i = n >= 3 && (bytes[0] & 0xff) == 0xEF && (bytes[1] & 0xff) == 0xBB && (bytes[2] & 0xff) == 0xBF ? 3 : 0;
            for (; i < n; i++) {
                int b = bytes[i] & 0xff;
                int control = controlAt(i);
                if (control >= 0) {
                    return Optional.of(new Problem(file, line, "(encoding)", control == 0
                            ? "contains a NUL character: this is not a text CSV file"
                            : String.format("contains the control character U+%04X: this is not a text CSV file "
                                    + "(only tab, CR and LF are allowed)", control)));
                }
                if (b == '"') {
                    boolean delimiter = false;
                    if (inQuotes && i + 1 < n && bytes[i + 1] == '"') {
                        i++; // an escaped quote: one character of the value
                    } else if (inQuotes) {
                        inQuotes = false;
                        delimiter = true;
                    } else if (fieldChars == 0 && !quotedBefore) {
                        inQuotes = true;
                        quotedBefore = true;
                        delimiter = true;
                    }
                    if (!delimiter) {
                        keepHeaderByte(b);
                    }
                    Optional<Problem> problem = delimiter ? countRecordCharacter() : countCharacter();
                    if (problem.isPresent()) {
                        return problem;
                    }
                    continue;
                }
                if (!inQuotes && b == ',') {
                    endField();
                    field++;
                    Optional<Problem> tooLong = countRecordCharacter();
                    if (tooLong.isPresent()) {
                        return tooLong;
                    }
                    if (field >= MAX_COLUMNS) {
                        return Optional.of(headerDone
                                ? new Problem(file, recordLine, "(csv)", "row has more than " + MAX_COLUMNS
                                        + " fields; a bundle file has at most " + MAX_COLUMNS + " columns")
                                : new Problem(file, recordLine, "(header)", "header has more than " + MAX_COLUMNS
                                        + " columns; a bundle file has at most " + MAX_COLUMNS));
                    }
                    continue;
                }
                if (!inQuotes && (b == '\n' || b == '\r')) {
                    endRecord();
                    if (b == '\n') {
                        line++;
                    }
                    recordLine = line;
                    continue;
                }
                if (b == '\n') {
                    line++;
                }
                keepHeaderByte(b);
                if ((b & 0xC0) != 0x80) { // the first byte of a character
                    Optional<Problem> problem = countCharacter();
                    if (problem.isPresent()) {
                        return problem;
                    }
                }
            }
            return Optional.empty();
        }

        /** The code point of a control character starting at {@code i} (C0 but tab, CR, LF; DEL; C1), or -1. */
        private int controlAt(int i) {
            int b = bytes[i] & 0xff;
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' || b == 0x7F) {
                return b;
            }
            if (b == 0xC2 && i + 1 < bytes.length) {
                int next = bytes[i + 1] & 0xff;
                if (next >= 0x80 && next <= 0x9F) {
                    return next; // U+0080–U+009F, encoded as C2 80–C2 9F
                }
            }
            return -1;
        }

        private Optional<Problem> countCharacter() {
            fieldChars++;
            if (fieldChars > MAX_FIELD_CHARS) {
                return Optional.of(new Problem(file, recordLine, column(), "value is longer than "
                        + String.format(Locale.ROOT, "%,d", MAX_FIELD_CHARS) + " characters" + openQuote()));
            }
            return countRecordCharacter();
        }

        /** A character of the row that is not part of a value: a separator or a quote around a value. */
        private Optional<Problem> countRecordCharacter() {
            recordChars++;
            if (recordChars > MAX_RECORD_CHARS) {
                return Optional.of(new Problem(file, recordLine, "(csv)", "row is longer than "
                        + String.format(Locale.ROOT, "%,d", MAX_RECORD_CHARS) + " characters" + openQuote()));
            }
            return Optional.empty();
        }

        /** A hint when the value is quoted and has run over a line end: most likely a quote that never closes. */
        private String openQuote() {
            return inQuotes && recordLine != line ? " (is a quote left open?)" : "";
        }

        /** The column of the current field, named by the header when there is one. */
        private String column() {
            if (!headerDone) {
                return "(header)";
            }
            return field < header.size() && !header.get(field).isEmpty() ? header.get(field) : "(column " + (field + 1) + ")";
        }

        private void keepHeaderByte(int b) {
            if (!headerDone) {
                headerField.write(b);
            }
        }

        private void endField() {
            if (!headerDone) {
                header.add(headerField.toString(StandardCharsets.UTF_8).strip().toLowerCase(Locale.ROOT));
                headerField.reset();
            }
            fieldChars = 0;
            quotedBefore = false;
        }

        private void endRecord() {
            boolean empty = recordChars == 0;
            endField();
            if (!empty) {
                headerDone = true;
            } else if (!headerDone) {
                header.clear(); // an empty line before the header
            }
            field = 0;
            recordChars = 0;
        }
    }
}
