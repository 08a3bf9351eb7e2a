package bridgemap.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One bundle file parsed with Apache Commons CSV: within {@link CsvLimits}, strict UTF-8, a checked header, and every
 * data row with the line it starts on. Problems are collected, not thrown, so one run reports all of them.
 */
public final class CsvTable {

    /**
     * A data row: its first line in the file and its values by column (trimmed; empty cells are absent).
     * A row with the wrong number of fields is kept, not {@code complete}, so its id still counts as defined.
     */
    record Row(BundleFile file, int line, Map<String, String> values, boolean complete) {

        String get(String column) {
            return values.get(column);
        }
    }

    private CsvTable() {}

    /**
     * Parses {@code bytes} as {@code spec}; returns the good rows and adds every problem to {@code problems}.
     * Returns null when the file could not be read to its end (bad encoding, bad header, malformed CSV).
     */
    static List<Row> parse(BundleFile spec, byte[] bytes, List<Problem> problems) {
        CsvRecords records = CsvRecords.open(spec.fileName(), bytes, (char) 0, problems);
        if (records == null || !checkHeader(spec, records.header(), problems)) {
            return null;
        }
        List<String> header = records.header();
        List<Row> rows = new ArrayList<>();
        boolean whole = records.forEach((line, record) -> {
            boolean complete = record.size() == header.size();
            if (!complete) {
                problems.add(new Problem(spec.fileName(), line, "(csv)",
                        "row has " + record.size() + " fields; the header has " + header.size()));
            }
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < Math.min(header.size(), record.size()); i++) {
                String value = record.get(i).strip();
                if (!value.isEmpty()) {
                    values.put(header.get(i), value);
                }
            }
            rows.add(new Row(spec, line, values, complete));
        }, problems);
        return whole ? rows : null;
    }

    private static boolean checkHeader(BundleFile spec, List<String> header, List<Problem> problems) {
        String file = spec.fileName();
        int before = problems.size();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (column.isEmpty()) {
                problems.add(new Problem(file, 1, "(header)", "column " + (i + 1) + " has no name"));
            } else if (!seen.add(column)) {
                problems.add(new Problem(file, 1, column, "column appears twice in the header"));
            } else if (spec == BundleFile.CASES && BundleFile.isIdentifying(column)) {
                problems.add(new Problem(file, 1, column, "identifying column not allowed: cases must be pseudonymous "
                        + "(no names, dates of birth, NHS or PNC numbers, addresses); remove the column"));
            } else if (!spec.allColumns().contains(column)) {
                problems.add(new Problem(file, 1, column,
                        "unknown column; " + file + " has " + String.join(", ", spec.allColumns())));
            }
        }
        for (String required : spec.requiredColumns()) {
            if (!seen.contains(required)) {
                problems.add(new Problem(file, 1, required, "required column missing"));
            }
        }
        return problems.size() == before;
    }

    /**
     * The text of the CSV file {@code file}: screened for sizes and binary content ({@link CsvLimits}), decoded as
     * strict UTF-8, without a byte-order mark. Null, with the problem (located by line) added to {@code problems},
     * when it cannot be read.
     */
    public static String readText(String file, byte[] bytes, List<Problem> problems) {
        var broken = CsvLimits.check(file, bytes);
        if (broken.isPresent()) {
            problems.add(broken.get());
            return null;
        }
        String text;
        try {
            text = decode(bytes);
        } catch (CharacterCodingException e) {
            int bad = firstBadByte(bytes);
            problems.add(new Problem(file, lineOfByte(bytes, bad), "(encoding)",
                    "not valid UTF-8 (bad byte at offset " + bad + "); save the file as UTF-8"));
            return null;
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    /** Strict UTF-8: a malformed byte is an error, not a replacement character. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes));
        return chars.toString();
    }

    public static int firstBadByte(byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        var result = decoder.decode(in, out, true);
        return result.isError() ? in.position() : bytes.length;
    }

    public static int lineOfByte(byte[] bytes, int offset) {
        int line = 1;
        for (int i = 0; i < offset && i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                line++;
            }
        }
        return line;
    }

    /** Where each line of {@code text} starts, by {@link #lineEnd}'s line ends. */
    public static int[] lineStarts(String text) {
        int[] starts = new int[16];
        int count = 0;
        starts[count++] = 0;
        for (int i = 0; i < text.length(); i++) {
            int end = lineEnd(text, i);
            if (end > 0) {
                if (count == starts.length) {
                    starts = Arrays.copyOf(starts, count * 2);
                }
                i += end - 1;
                starts[count++] = i + 1;
            }
        }
        return Arrays.copyOf(starts, count);
    }

    /**
     * The length of the line end at {@code i}, or 0 when none is there. LF, CRLF and a lone CR (old Mac files) each
     * end a line; so does CR CR LF, as one: it is CRLF written once more through Windows' text mode, as in Open
     * Referral UK's own examples, and a person sees one line there, not a line and an empty one.
     */
    static int lineEnd(String text, int i) {
        char c = text.charAt(i);
        if (c == '\n') {
            return 1;
        }
        if (c != '\r') {
            return 0;
        }
        int n = text.length();
        if (i + 1 < n && text.charAt(i + 1) == '\n') {
            return 2;
        }
        return i + 2 < n && text.charAt(i + 1) == '\r' && text.charAt(i + 2) == '\n' ? 3 : 1;
    }

    public static int lineOfChar(int[] lineStarts, int position) {
        int index = Arrays.binarySearch(lineStarts, position);
        return (index >= 0 ? index : -index - 2) + 1;
    }

    public static String csvMessage(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        // The line is already in the problem's location.
        return message.replaceFirst("^\\(line \\d+\\) ", "").replaceFirst(" at line: \\d+, position: \\d+$", "");
    }
}
