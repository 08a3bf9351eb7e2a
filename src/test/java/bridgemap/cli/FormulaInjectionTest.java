package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.api.ApiServer;
import bridgemap.testing.TestStore;
import io.javalin.Javalin;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 13, item 5: spreadsheet formula injection. The bundle {@code formulas} names agencies, boroughs, settings,
 * services, needs and funders, and gives referral reasons, that start with {@code =}, {@code +}, {@code -}, {@code @},
 * tab, CR (the importer strips those two, so what is stored starts with the formula character behind them), a
 * no-break space or a double quote before one — {@code =HYPERLINK("http://attacker.example","x")},
 * {@code =cmd|' /C calc'!A0}, {@code @SUM(1+1)} — and ids that start with them. Every CSV written for people, from
 * the command line and from the API, is parsed back and no cell may start a formula; the backup bundle keeps every
 * value exactly and restores to the same fingerprint.
 */
class FormulaInjectionTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A number as Bridgemap writes one (a count, a rate, a measure): data, not a formula, even when negative. */
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
    private static final String AS_OF = "2014-06-30";

    private static Javalin server;

    @TempDir
    Path temp;

    @BeforeAll
    static void hostileNames() throws Exception {
        TestStore.clear();
        TestStore.importBundle("formulas");
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
        TestStore.clear();
    }

    /** Whether a spreadsheet would take {@code cell} as a formula: a formula character first, or after spaces or quotes. */
    private static boolean startsAFormula(String cell) {
        if (cell.isEmpty() || NUMBER.matcher(cell).matches()) {
            return false;
        }
        if ("=+-@\t\r".indexOf(cell.charAt(0)) >= 0) {
            return true;
        }
        for (char c : cell.toCharArray()) {
            if ("=+-@".indexOf(c) >= 0) {
                return true;
            }
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c) && c != '"') {
                return false;
            }
        }
        return false;
    }

    /** Every cell of CSV {@code text} (lines starting with # are the section names {@code analyze} prints). */
    private static List<String> cells(String text) throws IOException {
        List<String> cells = new ArrayList<>();
        CSVFormat format = CSVFormat.RFC4180.builder().setCommentMarker('#').setIgnoreEmptyLines(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                record.forEach(cells::add);
            }
        }
        return cells;
    }

    /** Fails on the first cell, in any of {@code files}, that would start a formula; returns all cells. */
    private static List<String> assertNoFormula(Map<String, String> files) throws IOException {
        assertFalse(files.isEmpty());
        List<String> all = new ArrayList<>();
        for (var file : files.entrySet()) {
            for (String cell : cells(file.getValue())) {
                assertFalse(startsAFormula(cell), file.getKey() + ": cell starts a formula: " + cell);
                all.add(cell);
            }
        }
        return all;
    }

    private static Map<String, String> folder(Path dir) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.sorted().toList()) {
                if (p.toString().endsWith(".csv")) {
                    files.put(p.getFileName().toString(), Files.readString(p));
                }
            }
        }
        return files;
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (e.getName().endsWith(".csv")) {
                    files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
                }
            }
        }
        return files;
    }

    private static byte[] get(String path) throws Exception {
        HttpResponse<byte[]> response = HTTP.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + server.port() + path)).build(), HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
        return response.body();
    }

    /** The analysis CSVs hold the hostile names, each neutralised; none starts a formula. */
    private static void assertNeutralised(List<String> cells) {
        for (String expected : List.of(
                "'=HYPERLINK(\"http://attacker.example\",\"court\")", // a setting's name
                "'+HYPERLINK(\"http://attacker.example\",\"service\")", // a service's name
                "'\"=1+1\"", // a name in quotes
                "'\u00a0-1+1", // after a no-break space
                "'=cmd|' /C calc'!A0", // a borough's name
                "'@cust-isl")) { // an id
            assertTrue(cells.contains(expected), "expected " + expected + " among " + cells);
        }
    }

    @Test
    void analyzeTimelineAndPlanCsvStartNoFormula_issue13() throws Exception {
        Map<String, String> printed = new LinkedHashMap<>();
        for (String analysis : List.of("gaps", "bottlenecks", "coverage", "outcomes", "funding", "points-of-failure")) {
            CliRun run = run("analyze", analysis, "--as-of", AS_OF, "--format", "csv");
            assertEquals(0, run.exit(), run.err());
            printed.put("analyze " + analysis, run.out());
        }
        CliRun timeline = run("timeline", "--format", "csv");
        assertEquals(0, timeline.exit(), timeline.err());
        printed.put("timeline", timeline.out());
        CliRun plan = run("plan", "--posts", "2", "--as-of", AS_OF, "--format", "csv");
        assertEquals(0, plan.exit(), plan.err());
        printed.put("plan", plan.out());
        List<String> cells = assertNoFormula(printed);
        assertNeutralised(cells);
        assertTrue(cells.contains("'=HYPERLINK(\"http://attacker.example\",\"funder\")"), "the timeline's funder");
    }

    @Test
    void exportedAnalysisCsvStartsNoFormula_issue13() throws Exception {
        Path dir = temp.resolve("csv");
        CliRun run = run("export", "--format", "csv", "--as-of", AS_OF, "--out", dir.toString());
        assertEquals(0, run.exit(), run.err());
        assertNeutralised(assertNoFormula(folder(dir)));
        Map<String, String> api = unzip(get("/api/export?format=csv&asOf=" + AS_OF));
        assertEquals(folder(dir), api, "the API sends what the command line writes");
    }

    @Test
    void theOpenReferralPackageStartsNoFormulaAndReadsBackUnchanged_issue13() throws Exception {
        String fingerprint = TestStore.app().fingerprint();
        Path dir = temp.resolve("openreferral");
        CliRun run = run("export", "--format", "openreferral", "--out", dir.toString());
        assertEquals(0, run.exit(), run.err());
        List<String> cells = assertNoFormula(folder(dir));
        for (String expected : List.of("'=HYPERLINK(\"http://attacker.example\",\"x\")", "'@SUM(1+1)",
                "'+HYPERLINK(\"http://attacker.example\",\"service\")", "'\"=1+1\"", "'-sms-isl", "'=Psychosis",
                "'=cmd|' /C calc'!A0", "'\u00a0=1+1")) {
            assertTrue(cells.contains(expected), "expected " + expected + " among " + cells);
        }
        assertEquals(folder(dir), unzip(get("/api/export?format=openreferral")), "the API sends the same package");

        try {
            CliRun back = run("import-openreferral", dir.toString());
            assertEquals(0, back.exit(), back.err());
            assertEquals(fingerprint, TestStore.app().fingerprint(), "the package reads back without its added quotes");
        } finally {
            TestStore.clear();
            TestStore.importBundle("formulas");
        }
    }

    @Test
    void theBackupBundleKeepsEveryValueExactlyAndRestores_issue13() throws Exception {
        String fingerprint = TestStore.app().fingerprint();
        Path zip = temp.resolve("backup.zip");
        CliRun export = run("export", "--format", "bundle", "--out", zip.toString());
        assertEquals(0, export.exit(), export.err());
        Map<String, String> bundle = unzip(Files.readAllBytes(zip));
        List<String> agencies = cells(bundle.get("agencies.csv"));
        assertTrue(agencies.contains("=HYPERLINK(\"http://attacker.example\",\"x\")"), "the bundle is exact: " + agencies);
        assertTrue(cells(bundle.get("referrals.csv")).contains("@SUM(1+1)"));
        try {
            TestStore.clear();
            CliRun restore = run("import", zip.toString());
            assertEquals(0, restore.exit(), restore.err());
            CliRun stats = run("stats", "--fingerprint");
            assertTrue(stats.out().contains("fingerprint  sha256:" + fingerprint), stats.out());
            assertTrue(export.err().contains("sha256:" + fingerprint), export.err());
        } finally {
            TestStore.clear();
            TestStore.importBundle("formulas");
        }
    }
}
