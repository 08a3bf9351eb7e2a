package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Absurd CSV — a million columns, a 100 MB field, binary data, endless rows, a quote left open — is refused with one
 * {@code file:line: column: message} before it is decoded or parsed, in well under a second. The inputs are made
 * here, not committed.
 */
class CsvLimitsTest {

    /** Generous: the screen takes milliseconds; this only catches a return to decode-and-parse-everything. */
    private static final Duration QUICKLY = Duration.ofSeconds(20);

    private static List<String> problems(BundleFile file, byte[] bytes) {
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Row> rows = assertTimeoutPreemptively(QUICKLY, () -> CsvTable.parse(file, bytes, problems));
        if (!problems.isEmpty()) {
            assertEquals(null, rows, "a file broken at this level is not read further");
        }
        return problems.stream().map(Problem::toString).toList();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void aHeaderWithAMillionColumns() {
        byte[] header = utf8("id," + "x,".repeat(1_000_000) + "name\n");
        assertEquals(List.of("needs.csv:1: (header): header has more than 100 columns; a bundle file has at most 100"),
                problems(BundleFile.NEEDS, header));
    }

    @Test
    void aRowWithTooManyFields() {
        byte[] file = utf8("id,name\npsychosis,Psychosis\nmood," + "x,".repeat(500) + "x\n");
        assertEquals(List.of("needs.csv:3: (csv): row has more than 100 fields; a bundle file has at most 100 columns"),
                problems(BundleFile.NEEDS, file));
    }

    @Test
    void aHundredMegabyteField() {
        byte[] head = utf8("id,case,date,from,to,outcome,reason\nr-1,c-1,2014-01-01,a,b,accepted,");
        byte[] file = Arrays.copyOf(head, head.length + 100_000_000);
        Arrays.fill(file, head.length, file.length, (byte) 'x');
        assertEquals(List.of("referrals.csv:2: reason: value is longer than 10,000 characters"),
                problems(BundleFile.REFERRALS, file));
    }

    @Test
    void aQuoteLeftOpenIsNamedWhenItSwallowsTheFile() {
        String rows = "r-%d,c-1,2014-01-01,a,b,accepted,fine\n";
        StringBuilder text = new StringBuilder("id,case,date,from,to,outcome,reason\n");
        text.append("r-0,c-1,2014-01-01,a,b,accepted,\"the quote never closes\n");
        for (int i = 1; i < 2_000; i++) {
            text.append(String.format(rows, i));
        }
        assertEquals(List.of("referrals.csv:2: reason: value is longer than 10,000 characters (is a quote left open?)"),
                problems(BundleFile.REFERRALS, utf8(text.toString())));
    }

    @Test
    void aVeryLongRowOfShortFields() {
        // 99 fields of 2,000 characters each: every value is within its limit, the row is not.
        String value = "y".repeat(2_000);
        byte[] file = utf8("id,name\n" + (value + ",").repeat(98) + value + "\n");
        assertEquals(List.of("needs.csv:2: (csv): row is longer than 100,000 characters"),
                problems(BundleFile.NEEDS, file));
    }

    @Test
    void aVeryLongLineWithoutSeparators() {
        byte[] file = utf8("id,name\n" + "z".repeat(5_000_000));
        assertEquals(List.of("needs.csv:2: id: value is longer than 10,000 characters"), problems(BundleFile.NEEDS, file));
    }

    @Test
    void binaryData() {
        byte[] noise = new byte[1 << 20];
        new Random(6).nextBytes(noise);
        List<String> problems = problems(BundleFile.CASES, noise);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).matches("cases\\.csv:\\d+: \\(encoding\\): .*"), problems.get(0));
    }

    @Test
    void controlCharactersThatAreValidUtf8() {
        assertEquals(List.of("needs.csv:3: (encoding): contains the control character U+0007: this is not a text CSV file "
                        + "(only tab, CR and LF are allowed)"),
                problems(BundleFile.NEEDS, utf8("id,name\npsychosis,Psychosis\nmood,Mo\u0007od\n")));
        assertEquals(List.of("needs.csv:2: (encoding): contains the control character U+0085: this is not a text CSV file "
                        + "(only tab, CR and LF are allowed)"),
                problems(BundleFile.NEEDS, utf8("id,name\nmood,Mo\u0085od\n")));
        assertEquals(List.of("needs.csv:2: (encoding): contains a NUL character: this is not a text CSV file"),
                problems(BundleFile.NEEDS, utf8("id,name\nmood,Mo\u0000od\n")));
    }

    @Test
    void valuesAtTheLimitsAreRead() {
        // Exactly 10,000 characters, quoted, with multi-byte characters and an escaped quote: all within the limit.
        String value = "é\"\"" + "ü".repeat(9_998);
        byte[] file = utf8("id,name\nmood,\"" + value + "\"\n\"x\",\"a,\nb\"\r\n");
        List<Problem> problems = new ArrayList<>();
        List<CsvTable.Row> rows = CsvTable.parse(BundleFile.NEEDS, file, problems);
        assertEquals(List.of(), problems);
        assertEquals(10_000, rows.get(0).get("name").length());
        assertEquals("a,\nb", rows.get(1).get("name"));
        String tooLong = "ü".repeat(10_001);
        assertEquals(List.of("needs.csv:2: name: value is longer than 10,000 characters"),
                problems(BundleFile.NEEDS, utf8("id,name\nmood,\"" + tooLong + "\"\n")));
    }

    @Test
    void theHeaderNamesTheColumnEvenWhenQuotedOrAfterBlankLines() {
        assertEquals(List.of("needs.csv:4: name: value is longer than 10,000 characters"),
                problems(BundleFile.NEEDS, utf8("\n\"id\", Name \r\nmood,Mood\r\nx," + "n".repeat(10_001))));
    }

    @Test
    void aByteOrderMarkIsNotAControlCharacter() {
        List<Problem> problems = new ArrayList<>();
        CsvTable.parse(BundleFile.NEEDS, utf8("\uFEFFid,name\nmood,Mood\n"), problems);
        assertEquals(List.of(), problems);
    }
}
