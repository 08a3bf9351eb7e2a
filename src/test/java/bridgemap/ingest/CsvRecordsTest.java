package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 9: a malformed CSV file is reported where the broken field starts, under its column, in plain words,
 * and not where Commons CSV gave up in its own words.
 */
class CsvRecordsTest {

    /** The problems of reading {@code text} as {@code file} to its end, as strings. */
    private static List<String> problems(String file, String text, char comment) {
        List<Problem> problems = new ArrayList<>();
        CsvRecords records = CsvRecords.open(file, text.getBytes(StandardCharsets.UTF_8), comment, problems);
        if (records != null) {
            records.forEach((line, record) -> { }, problems);
        }
        return problems.stream().map(Problem::toString).toList();
    }

    @Test
    void aQuoteThatNeverClosesIsReportedOnItsOwnLine_issue13() {
        String text = "id,case,date,from,to,outcome,reason\n"
                + "r-1,c-1,2014-02-03,a,b,accepted,\n"
                + "r-2,c-1,2014-02-04,a,b,accepted,\n"
                + "r-3,c-1,2014-02-05,a,b,accepted,\n"
                + "r-4,c-1,2014-02-06,a,b,declined,\"no bed\n"
                + "r-5,c-1,2014-02-07,a,b,accepted,\n"
                + "r-6,c-1,2014-02-08,a,b,accepted,\n"
                + "r-7,c-1,2014-02-09,a,b,accepted,\n";
        assertEquals(List.of("referrals.csv:5: reason: a quoted field starts here and never ends"),
                problems("referrals.csv", text, (char) 0));
        assertEquals(List.of("referrals.csv:5: reason: a quoted field starts here and never ends"),
                problems("referrals.csv", text.replace("\n", "\r\n"), (char) 0), "CRLF");
        assertEquals(List.of("referrals.csv:5: reason: a quoted field starts here and never ends"),
                problems("referrals.csv", text.replace("\n", "\r"), (char) 0), "a lone CR, as old Mac files end lines");
    }

    @Test
    void theColumnIsNamedByTheHeaderByNumberOrAsTheHeader_issue13() {
        assertEquals(List.of("needs.csv:1: (header): a quoted field starts here and never ends"),
                problems("needs.csv", "id,\"name\nmood,Mood\n", (char) 0));
        assertEquals(List.of("needs.csv:3: (column 3): a quoted field starts here and never ends"),
                problems("needs.csv", "id,name\nmood,Mood\nx,y,\"z\n", (char) 0));
        assertEquals(List.of("needs.csv:2: (column 2): a quoted field starts here and never ends"),
                problems("needs.csv", "id,\nmood,\"Mood\n", (char) 0), "a header cell without a name");
    }

    @Test
    void textAfterAClosingQuoteIsReportedWhereTheFieldStarts_issue13() {
        assertEquals(List.of("needs.csv:3: name: the quoted field that starts here has text after its closing quote; "
                        + "quote the whole value and write each quote inside it twice (\"\")"),
                problems("needs.csv", "id,name\nmood,Mood\nsad,\"Sad\" mood\n", (char) 0));
        assertEquals(List.of("needs.csv:2: name: the quoted field that starts here has text after its closing quote "
                        + "(on line 4); quote the whole value and write each quote inside it twice (\"\")"),
                problems("needs.csv", "id,name\nmood,\"Low\nmood\n\"x\nsad,Sad\n", (char) 0));
        assertEquals(List.of(), problems("needs.csv", "id,name\nmood,\"Mood\"  \nsad,Sad\n", (char) 0),
                "spaces after the closing quote are allowed, as Commons CSV allows them");
    }

    @Test
    void commentLinesAreSkippedAndLinesStillCount_issue13() {
        assertEquals(List.of("map.csv:4: match: a quoted field starts here and never ends"),
                problems("map.csv", "# a \"comment\nmap,on,match,to\n# another\nneed,text,\"self harm,self_harm\n", '#'));
        assertEquals(List.of(), problems("map.csv", "# a \"comment\nmap,on,match,to\nneed,text,self harm,x\n", '#'));
    }

    /** Commons CSV places a record before the empty and comment lines it skipped; the line is the record's own. */
    @Test
    void aRecordAfterEmptyOrCommentLinesIsOnItsOwnLine() {
        List<Problem> problems = new ArrayList<>();
        String text = "\n# rules\nid,name\n\n\r\nmood,Mood\n# more\n\nsad,Sad";
        CsvRecords records = CsvRecords.open("f.csv", text.getBytes(StandardCharsets.UTF_8), '#', problems);
        assertEquals(3, records.headerLine());
        List<Integer> lines = new ArrayList<>();
        assertTrue(records.forEach((line, record) -> lines.add(line), problems));
        assertEquals(List.of(6, 9), lines);
        assertEquals(List.of(), problems);
    }

    /** CR CR LF, as Open Referral UK's own example files end their lines, is one line end, as a person sees it. */
    @Test
    void crCrLfEndsOneLine_issue13() {
        List<Problem> problems = new ArrayList<>();
        String text = "id,name\r\r\nmood,Mood\r\r\nsad,\"Sad\r\r\nlow,Low\r\r\n";
        CsvRecords records = CsvRecords.open("f.csv", text.getBytes(StandardCharsets.UTF_8), (char) 0, problems);
        List<Integer> lines = new ArrayList<>();
        assertFalse(records.forEach((line, record) -> lines.add(line), problems));
        assertEquals(List.of(2), lines);
        assertEquals(List.of("f.csv:3: name: a quoted field starts here and never ends"),
                problems.stream().map(Problem::toString).toList());
    }

    /**
     * The scan that locates a break follows the parser's rules: over many short random texts of the characters that
     * matter, it finds a break exactly when Commons CSV fails.
     */
    @Test
    void theScanFindsABreakExactlyWhenTheParserFails_issue13() {
        Random random = new Random(13);
        String alphabet = "a,\"\n\r #";
        int[] outcomes = new int[2];
        for (char comment : new char[] {0, '#'}) {
            CSVFormat.Builder format = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true);
            if (comment != 0) {
                format.setCommentMarker(comment);
            }
            for (int n = 0; n < 30_000; n++) {
                StringBuilder text = new StringBuilder();
                int length = random.nextInt(12);
                for (int i = 0; i < length; i++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                boolean fails = false;
                try (CSVParser parser = CSVParser.parse(new StringReader(text.toString()), format.get())) {
                    parser.forEach(record -> { });
                } catch (Exception e) {
                    fails = true;
                }
                outcomes[fails ? 1 : 0]++;
                Problem found = CsvRecords.firstBreak("f.csv", text.toString(), comment);
                assertEquals(fails, found != null, "comment " + (int) comment + ", text " + text.toString()
                        .replace("\n", "\\n").replace("\r", "\\r") + ": " + found);
            }
        }
        assertTrue(outcomes[0] > 10_000 && outcomes[1] > 10_000, "both kinds were tried: " + outcomes[0] + ", " + outcomes[1]);
    }

    @Test
    void aWellFormedFileHasNoBreak() {
        assertNull(CsvRecords.firstBreak("f.csv", "id,name\n\"a\"\"b\",\"c,\nd\"\n\n", (char) 0));
    }
}
