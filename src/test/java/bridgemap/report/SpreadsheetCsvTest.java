package bridgemap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.junit.jupiter.api.Test;

/** Issue 13, item 5: no text cell written for people can start a spreadsheet formula; numbers stay numbers. */
class SpreadsheetCsvTest {

    private static String written(List<?> cells) throws IOException {
        StringWriter out = new StringWriter();
        new SpreadsheetCsv(out, "\n").printRecord(cells);
        return out.toString();
    }

    private static List<String> parsed(String csv) throws IOException {
        try (CSVParser parser = CSVParser.parse(new StringReader(csv), CSVFormat.RFC4180)) {
            return parser.getRecords().get(0).toList();
        }
    }

    @Test
    void everyFormulaCharacterGetsAQuoteAndQuotes_issue13() throws IOException {
        assertEquals("\"'=HYPERLINK(\"\"http://attacker.example\"\",\"\"x\"\")\"\n",
                written(List.of("=HYPERLINK(\"http://attacker.example\",\"x\")")));
        assertEquals("\"'=cmd|' /C calc'!A0\",\"'@SUM(1+1)\",\"'+1\",\"'-1+1\",\"'\t=1\",\"'\r=1\"\n",
                written(List.of("=cmd|' /C calc'!A0", "@SUM(1+1)", "+1", "-1+1", "\t=1", "\r=1")));
        assertEquals("\"'\tplain\",\"'\u0000\"\n", written(List.of("\tplain", "\u0000")), "tab and NUL alone start a formula");
        assertEquals("\"'\uFF1D1+1\",\"'\uFF20SUM(1)\"\n", written(List.of("\uFF1D1+1", "\uFF20SUM(1)")), "full-width forms");
    }

    @Test
    void aFormulaCharacterAfterSpacesOrQuotesIsNeutralisedToo_issue13() throws IOException {
        List<String> cells = List.of(" =1+1", "\u00A0@SUM(1)", "\n-1", "\"=1+1\"", "'=1+1", " \"' +1");
        assertEquals(cells.stream().map(c -> "'" + c).toList(), parsed(written(cells)));
    }

    @Test
    void otherTextIsWrittenAsCommonsCsvWritesIt() throws IOException {
        List<Object> cells = Arrays.asList("Islington", "", "a,b", "say \"hi\"", "line\nbreak", " padded ", "#tag", "e-mail",
                "x=1", "'quoted'", null, LocalDate.of(2014, 3, 1), true);
        StringWriter expected = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(expected, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(cells);
        }
        assertEquals(expected.toString(), written(cells));
    }

    /** A negative number Bridgemap wrote is data: a spreadsheet reads {@code -0.25} as a number, so it stays one. */
    @Test
    void numbersStayNumbersAndTextThatLooksLikeOneDoesNot_issue13() throws IOException {
        assertEquals("-3,-0.25,-1E+3,7,NaN,\"'-Infinity\",\"'-3\"\n",
                written(List.of(-3, -0.25, new BigDecimal("-1E+3"), 7L, Double.NaN, Double.NEGATIVE_INFINITY, "-3")));
    }

    /** The Open Referral package reads back exactly: taking the quote off undoes adding it, for every text. */
    @Test
    void restoreUndoesNeutraliseForEveryText_issue13() {
        Random random = new Random(13);
        String alphabet = "'\"=+-@ \t\r\n\u00A0a,";
        Map<String, String> seen = new HashMap<>();
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(6);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String original = text.toString();
            String neutral = SpreadsheetCsv.neutralise(original);
            assertEquals(original, SpreadsheetCsv.restore(neutral), original);
            String other = seen.putIfAbsent(neutral, original);
            assertTrue(other == null || other.equals(original), "two texts written alike: " + other + " / " + original);
            assertFalse(!neutral.isEmpty() && "=+-@\t\r".indexOf(neutral.charAt(0)) >= 0, neutral);
        }
        assertEquals("Islington", SpreadsheetCsv.restore("Islington"));
        assertEquals("'tis", SpreadsheetCsv.restore("'tis"), "a quote that was written, not added, stays");
    }

    @Test
    void analysisSectionsGoThroughIt_issue13() {
        CsvSections csv = new CsvSections();
        csv.section("nodes", "id", "name", "betweenness").add(List.of("@n1", "=HYPERLINK(\"http://attacker.example\")", -0.5));
        assertEquals("id,name,betweenness\n\"'@n1\",\"'=HYPERLINK(\"\"http://attacker.example\"\")\",-0.5\n",
                new String(csv.files("x-").get("x-nodes.csv"), java.nio.charset.StandardCharsets.UTF_8));
    }
}
