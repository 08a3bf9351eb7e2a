package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.store.CaseRepository;
import bridgemap.store.Query;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile and broken input at the command line, as a partner or an attacker would send it: every case is refused
 * with a clear {@code file:line: column: message}, exit code 2, and a store exactly as it was (counted before and
 * after). Inputs are generated here, not committed.
 */
class HostileInputTest {

    @TempDir
    Path temp;

    private StoreStats before;


    /** The store holds the tiny bundle, so a write of any kind — even a delete — would show in the counts. */
    @BeforeEach
    void tinyStore() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        before = TestStore.stats();
    }

    /** Imports {@code bundle}, expecting it refused with {@code firstProblem} first and the store untouched. */
    private CliRun refused(Path bundle, String firstProblem, String... options) {
        String[] args = new String[options.length + 2];
        args[0] = "import";
        System.arraycopy(options, 0, args, 1, options.length);
        args[args.length - 1] = bundle.toString();
        CliRun run = run(args);
        assertEquals(2, run.exit(), run.err());
        List<String> lines = run.err().lines().toList();
        assertEquals(firstProblem, lines.get(0));
        assertTrue(lines.get(lines.size() - 1).matches("bridgemap import: .* rejected with \\d+ problems?; nothing was written\\."),
                run.err());
        assertFalse(run.err().contains("Exception"), run.err());
        assertEquals(before, TestStore.stats(), "the store changed");
        return run;
    }

    private Path tinyCopy(String name) {
        return TestStore.copyBundle("tiny", temp.resolve(name));
    }

    private Path zipOf(Path folder, String zipName) throws IOException {
        Path zip = temp.resolve(zipName);
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
                var files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                z.putNextEntry(new ZipEntry(file.getFileName().toString()));
                z.write(Files.readAllBytes(file));
                z.closeEntry();
            }
        }
        return zip;
    }

    /** About {@code bytes} of valid, varied need rows (so they neither trip the CSV limits nor look like a bomb). */
    private static String needRows(int bytes) {
        StringBuilder rows = new StringBuilder("id,name\n");
        for (int i = 0; rows.length() < bytes; i++) {
            rows.append("need-").append(i).append(",Need ").append(i * 7919L % 1_000_003).append('\n');
        }
        return rows.toString();
    }

    // ---- size limits -------------------------------------------------------------------------------

    @Test
    void aFolderOverTheSizeLimit() throws IOException {
        Path bundle = tinyCopy("big-folder");
        Files.writeString(bundle.resolve("needs.csv"), needRows(1_200_000));
        refused(bundle, "needs.csv:0: (bundle): bundle is larger than the limit of 1048576 bytes", "--max-mb", "1");
    }

    @Test
    void aZipOverTheSizeLimit() throws IOException {
        Path bundle = tinyCopy("big-zip");
        Files.writeString(bundle.resolve("needs.csv"), needRows(1_200_000));
        Path zip = zipOf(bundle, "big.zip");
        assertTrue(Files.size(zip) < 1 << 20, "the zip itself is under the limit");
        refused(zip, "big.zip:0: (bundle): uncompressed bundle is larger than the limit of 1048576 bytes (at needs.csv)",
                "--max-mb", "1");
    }

    @Test
    void theSizeLimitMustBeSane() {
        CliRun run = run("import", "--max-mb", "0", TestStore.bundlePath("tiny").toString());
        assertEquals(2, run.exit());
        assertEquals("bridgemap import: error: --max-mb must be between 1 and 2047: 0", run.err().strip());
    }

    @Test
    void aZipBomb() throws IOException {
        Path bomb = temp.resolve("bomb.zip");
        try (OutputStream out = Files.newOutputStream(bomb); ZipOutputStream z = new ZipOutputStream(out)) {
            z.setLevel(Deflater.BEST_COMPRESSION);
            z.putNextEntry(new ZipEntry("referrals.csv"));
            byte[] row = "r-1,c-0001,2014-02-03,mc-highbury,fmhp-isl-02,accepted,\n".repeat(20_000).getBytes(StandardCharsets.UTF_8);
            for (int i = 0; i < 64; i++) {
                z.write(row);
            }
            z.closeEntry();
        }
        refused(bomb, firstLineOf(bomb));
    }

    /** The problem a bomb gets, whatever its exact compressed size. */
    private static String firstLineOf(Path bomb) {
        try (var zip = new java.util.zip.ZipFile(bomb.toFile())) {
            long compressed = zip.getEntry("referrals.csv").getCompressedSize();
            return "bomb.zip:0: (bundle): referrals.csv expands more than 100 times (" + compressed
                    + " compressed bytes); CSV does not compress that well: refused as a likely zip bomb";
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void zipEntriesThatWouldEscapeAFolder() throws IOException {
        Path zip = temp.resolve("slip.zip");
        Path tiny = TestStore.bundlePath("tiny");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out)) {
            for (String entry : List.of("../../x/cases.csv", "/tmp/needs.csv", "bundle\\boroughs.csv")) {
                z.putNextEntry(new ZipEntry(entry));
                z.write(Files.readAllBytes(tiny.resolve(entry.substring(Math.max(entry.lastIndexOf('/'), entry.lastIndexOf('\\')) + 1))));
                z.closeEntry();
            }
        }
        CliRun run = refused(zip, "slip.zip:0: (zip): entry \"../../x/cases.csv\" climbs out of the zip with \"..\"; "
                + "a bundle zip holds only its CSV files (zip the bundle folder again)");
        assertEquals(List.of(
                "slip.zip:0: (zip): entry \"/tmp/needs.csv\" has an absolute path; a bundle zip holds only its CSV files (zip the bundle folder again)",
                "slip.zip:0: (zip): entry \"bundle\\boroughs.csv\" has a backslash in its path; a bundle zip holds only its CSV files (zip the bundle folder again)"),
                run.err().lines().toList().subList(1, 3));
    }

    // ---- absurd CSV --------------------------------------------------------------------------------

    @Test
    void aHeaderWithAMillionColumns() throws IOException {
        Path bundle = tinyCopy("wide");
        Files.writeString(bundle.resolve("cases.csv"), "id,borough," + "extra,".repeat(1_000_000) + "needs\n");
        refused(bundle, "cases.csv:1: (header): header has more than 100 columns; a bundle file has at most 100");
    }

    @Test
    void aHundredMegabyteField() throws IOException {
        Path bundle = tinyCopy("deep-field");
        Path referrals = bundle.resolve("referrals.csv");
        Files.writeString(referrals, "r-0009,c-0001,2014-02-03,mc-highbury,fmhp-isl-02,accepted,", StandardOpenOption.APPEND);
        byte[] chunk = "x".repeat(1 << 20).getBytes(StandardCharsets.US_ASCII);
        try (OutputStream out = Files.newOutputStream(referrals, StandardOpenOption.APPEND)) {
            for (int i = 0; i < 100; i++) {
                out.write(chunk);
            }
        }
        refused(bundle, "referrals.csv:6: reason: value is longer than 10,000 characters");
    }

    @Test
    void binaryData() throws IOException {
        Path bundle = tinyCopy("binary");
        byte[] noise = new byte[1 << 20];
        new Random(6).nextBytes(noise);
        Files.write(bundle.resolve("cases.csv"), noise);
        CliRun run = run("import", bundle.toString());
        assertEquals(2, run.exit());
        assertTrue(run.err().lines().findFirst().orElseThrow().matches("cases\\.csv:\\d+: \\(encoding\\): .*"), run.err());
        assertEquals(before, TestStore.stats());
    }

    @Test
    void veryLongLines() throws IOException {
        Path bundle = tinyCopy("long-lines");
        String value = "y".repeat(2_000);
        Files.writeString(bundle.resolve("needs.csv"), "id,name\n" + (value + ",").repeat(98) + value + "\n");
        refused(bundle, "needs.csv:2: (csv): row is longer than 100,000 characters");
    }

    @Test
    void malformedUtf8() throws IOException {
        Path bundle = tinyCopy("latin1");
        Files.write(bundle.resolve("needs.csv"),
                "id,name\npsychosis,Psychosis\nmood,D\u00e9pression\n".getBytes(StandardCharsets.ISO_8859_1));
        refused(bundle, "needs.csv:3: (encoding): not valid UTF-8 (bad byte at offset 34); save the file as UTF-8");
    }

    // ---- ids full of Cypher, quotes and newlines ---------------------------------------------------

    private static final String CYPHER_CASE = "x'}) DETACH DELETE n //";
    private static final String QUOTED_CASE = "c\"1 \" MATCH (n) DELETE n";
    private static final String CYPHER_REFERRAL = "r\\'}) RETURN 1 //";
    private static final String CYPHER_SETTING = "`mc`{id:$rows}";
    private static final String REASON = "line one\nline two \"quoted\" '); MATCH (n) DETACH DELETE n //";

    @Test
    void idsFullOfCypherAndQuotesImportVerbatimAndReadBackIdentically() throws IOException {
        Path bundle = tinyCopy("cypher");
        append(bundle.resolve("settings.csv"), csv(CYPHER_SETTING, "Court, \"with\" quotes", "magistrates_court", "E09000019", "hmcts"));
        append(bundle.resolve("cases.csv"), csv(CYPHER_CASE, "E09000019", "25-34", "male", "psychosis")
                + csv(QUOTED_CASE, "E09000012", "", "", ""));
        append(bundle.resolve("referrals.csv"),
                csv(CYPHER_REFERRAL, CYPHER_CASE, "2014-04-01", CYPHER_SETTING, "cmht-isl", "declined", REASON)
                + csv("r-q", QUOTED_CASE, "2014-04-02", "cust-isl", "cmht-isl", "accepted", ""));
        CliRun run = run("import", bundle.toString());
        assertEquals(0, run.exit(), run.err());
        StoreStats after = TestStore.stats();
        assertEquals(before.nodeCount() + 5, after.nodeCount());
        assertEquals(before.relationshipCount("HAD") + 2, after.relationshipCount("HAD"));

        Set<String> ids = TestStore.app().store().read(Query.NODE_IDS, Map.of()).stream()
                .map(r -> r.get("id").asString()).collect(Collectors.toSet());
        assertTrue(ids.containsAll(List.of(CYPHER_CASE, QUOTED_CASE, CYPHER_REFERRAL, CYPHER_SETTING, "r-q")), ids.toString());
        var pathway = new CaseRepository(TestStore.app().store()).pathway(CYPHER_CASE, LocalDate.of(2020, 1, 1)).orElseThrow();
        assertEquals(CYPHER_CASE, pathway.id());
        assertEquals(1, pathway.steps().size());
        assertEquals(CYPHER_REFERRAL, pathway.steps().get(0).id());
        assertEquals(CYPHER_SETTING, pathway.steps().get(0).fromId());
        assertEquals(REASON, pathway.steps().get(0).reason());
        assertEquals(QUOTED_CASE, new CaseRepository(TestStore.app().store())
                .pathway(QUOTED_CASE, LocalDate.of(2020, 1, 1)).orElseThrow().id());

        CliRun again = run("import", bundle.toString());
        assertTrue(again.out().contains("nothing changed"), again.out());
        assertEquals(after, TestStore.stats());
    }

    @Test
    void idsWithNewlinesOrControlCharactersAreRefused() throws IOException {
        Path bundle = tinyCopy("newline-id");
        append(bundle.resolve("cases.csv"), csv("c-00\n03", "E09000019", "25-34", "male", "psychosis"));
        refused(bundle, "cases.csv:4: id: \"c-00\\u000a03\" is not a usable id (1–100 characters, no control characters, no ';')");
    }

    private static void append(Path file, String rows) throws IOException {
        Files.writeString(file, rows, StandardOpenOption.APPEND);
    }

    /** One CSV row, every value quoted (quotes doubled). */
    private static String csv(String... values) {
        return java.util.Arrays.stream(values).map(v -> "\"" + v.replace("\"", "\"\"") + "\"")
                .collect(Collectors.joining(",", "", "\n"));
    }

    // ---- deep JSON ---------------------------------------------------------------------------------

    @Test
    void aDeeplyNestedScenario() throws IOException {
        Path deep = temp.resolve("deep.json");
        Files.writeString(deep, "{\"name\":\"deep\",\"changes\":" + "[".repeat(100_000) + "]".repeat(100_000) + "}");
        CliRun run = run("whatif", deep.toString());
        assertEquals(2, run.exit(), run.err());
        assertEquals(List.of("(body): nested more than 16 levels deep; a scenario is an object holding a list of changes",
                "bridgemap whatif: the scenario has 1 problem; nothing was run."), run.err().lines().toList());
        assertEquals(before, TestStore.stats());
    }

    @Test
    void aHugeOrBinaryScenarioFile() throws IOException {
        Path huge = temp.resolve("huge.json");
        try (OutputStream out = Files.newOutputStream(huge)) {
            out.write(new byte[5 << 20]);
        }
        CliRun run = run("whatif", huge.toString());
        assertEquals(2, run.exit(), run.err());
        assertTrue(run.err().startsWith("huge.json: 5242880 bytes; a scenario is a small JSON file"), run.err());

        Path latin1 = temp.resolve("latin1.json");
        Files.write(latin1, "{\"name\":\"caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1));
        CliRun bad = run("whatif", latin1.toString());
        assertEquals(2, bad.exit(), bad.err());
        assertTrue(bad.err().startsWith("latin1.json: not valid UTF-8; save the scenario as UTF-8"), bad.err());
    }
}
