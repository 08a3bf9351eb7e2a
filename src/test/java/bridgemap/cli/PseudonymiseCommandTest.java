package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bridgemap pseudonymise}: a partner's export with NHS numbers, names and dates of birth becomes a bundle that
 * imports cleanly and holds none of them; the same key gives the same pseudonyms, another key others.
 */
class PseudonymiseCommandTest {

    private static final Pattern CASE_PSEUDONYM = Pattern.compile("c-[0-9a-f]{16}");
    private static final Pattern REFERRAL_PSEUDONYM = Pattern.compile("r-[0-9a-f]{16}");
    private static final int CASES = 40;

    @TempDir
    Path temp;

    /** Every identifying value written into the raw bundle; none may appear in any output. */
    private final List<String> secrets = new ArrayList<>();
    private Path raw;


    /** A valid NHS number (modulus 11) made from {@code seed}. */
    static String nhsNumber(int seed) {
        for (int s = seed * 10; ; s++) {
            String nine = String.format(Locale.ROOT, "%09d", 400_000_000 + s * 7_919L % 500_000_000);
            int sum = 0;
            for (int i = 0; i < 9; i++) {
                sum += (nine.charAt(i) - '0') * (10 - i);
            }
            int check = 11 - sum % 11;
            if (check == 11) {
                check = 0;
            }
            if (check != 10) {
                return nine + check;
            }
        }
    }

    /** The tiny bundle as a partner might export it: NHS numbers as case ids, e-RS-style referral numbers, names, dobs. */
    @BeforeEach
    void partnerExport() throws IOException {
        raw = TestStore.copyBundle("tiny", temp.resolve("export"));
        StringBuilder cases = new StringBuilder("id,Name,Date of Birth,NHS Number,postcode,borough,age_band,gender,needs,ethnicity\n");
        StringBuilder referrals = new StringBuilder("id,case,date,from,to,outcome,reason\n");
        for (int i = 0; i < CASES; i++) {
            String nhs = nhsNumber(i);
            String name = "Forename" + i + " Surname" + (char) ('A' + i % 26);
            String dob = String.format(Locale.ROOT, "19%02d-0%d-1%d", 50 + i, 1 + i % 9, i % 10);
            String postcode = "N1 " + (i % 10) + "XY";
            String ubrn = String.format(Locale.ROOT, "%012d", 700_000_000_000L + i * 31L);
            secrets.addAll(List.of(nhs, name, dob, postcode, ubrn, "Surname" + (char) ('A' + i % 26)));
            cases.append(String.join(",", nhs, "\"" + name + "\"", dob, nhs, postcode, "E09000019", "25-34", "male",
                    "psychosis", "White British")).append('\n');
            referrals.append(String.join(",", ubrn, nhs, "2014-02-0" + (1 + i % 9), "mc-highbury", "cmht-isl",
                    i % 3 == 0 ? "declined" : "accepted", i % 3 == 0 ? "excludes substance misuse" : "")).append('\n');
        }
        Files.writeString(raw.resolve("cases.csv"), cases);
        Files.writeString(raw.resolve("referrals.csv"), referrals);
    }

    private CliRun pseudonymise(Path key, Path out, boolean newKey) {
        List<String> args = new ArrayList<>(List.of("pseudonymise", "--key-file", key.toString(), "--in", raw.toString(),
                "--out", out.toString()));
        if (newKey) {
            args.add("--new-key");
        }
        return run(args.toArray(String[]::new));
    }

    private static List<List<String>> rows(Path file) throws IOException {
        List<List<String>> rows = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            rows.add(List.of(line.split(",", -1)));
        }
        return rows;
    }

    private static Set<String> column(Path file, int index) throws IOException {
        Set<String> values = new HashSet<>();
        rows(file).stream().skip(1).forEach(r -> values.add(r.get(index)));
        return values;
    }

    @Test
    void thePseudonymisedBundleImportsCleanlyAndTheRawOneDoesNot() throws IOException {
        TestStore.clear();
        Path key = temp.resolve("key");
        Path out = temp.resolve("shared");
        CliRun run = pseudonymise(key, out, true);
        assertEquals(0, run.exit(), run.err());
        assertEquals("Pseudonymised 40 case ids and 40 referral ids into " + out + "; 10 other files copied unchanged.",
                run.out().strip());
        assertTrue(run.err().startsWith("Made a new key in " + key), run.err());
        assertTrue(run.err().contains("cases.csv: dropped identifying column \"name\"\n"), run.err());
        assertTrue(run.err().contains("cases.csv: dropped identifying column \"date_of_birth\"\n"), run.err());
        assertTrue(run.err().contains("cases.csv: dropped identifying column \"postcode\"\n"), run.err());
        assertTrue(run.err().contains("cases.csv: dropped identifying column \"nhs_number\"\n"), run.err());
        assertTrue(run.err().contains("cases.csv: dropped column \"ethnicity\": not a cases.csv column"), run.err());
        assertTrue(run.err().contains("referrals.csv: the reason column is free text"), run.err());

        CliRun rawImport = run("import", raw.toString());
        assertEquals(2, rawImport.exit(), "identifying columns are still refused at import");
        assertTrue(rawImport.err().contains("cases.csv:1: name: identifying column not allowed"), rawImport.err());
        assertTrue(rawImport.err().contains("cases.csv:1: nhs number: identifying column not allowed"), rawImport.err());
        assertTrue(rawImport.err().contains("cases.csv:1: date of birth: identifying column not allowed"), rawImport.err());
        assertEquals(0, TestStore.stats().nodeCount());

        CliRun imported = run("import", out.toString());
        assertEquals(0, imported.exit(), imported.err());
        assertEquals(CASES, TestStore.stats().count("Case"));
        assertEquals(CASES, TestStore.stats().count("Referral"));
        assertEquals(CASES, TestStore.stats().relationshipCount("HAD"), "every referral found its pseudonymised case");
    }

    @Test
    void theSameKeyGivesTheSamePseudonymsInBothFilesAndEveryRun() throws IOException {
        Path key = temp.resolve("key");
        Path first = temp.resolve("first");
        Path second = temp.resolve("second");
        assertEquals(0, pseudonymise(key, first, true).exit());
        CliRun again = pseudonymise(key, second, false);
        assertEquals(0, again.exit(), again.err());
        assertFalse(again.err().contains("Warning"), "--new-key made the key readable by its owner only");
        for (String file : List.of("cases.csv", "referrals.csv", "needs.csv")) {
            assertArrayEquals(Files.readAllBytes(first.resolve(file)), Files.readAllBytes(second.resolve(file)), file);
        }
        assertEquals(List.of("id", "borough", "age_band", "gender", "needs"), rows(first.resolve("cases.csv")).get(0));
        Set<String> caseIds = column(first.resolve("cases.csv"), 0);
        assertEquals(CASES, caseIds.size());
        assertTrue(caseIds.stream().allMatch(id -> CASE_PSEUDONYM.matcher(id).matches()), caseIds.toString());
        assertEquals(caseIds, column(first.resolve("referrals.csv"), 1), "cases and referrals agree");
        assertTrue(column(first.resolve("referrals.csv"), 0).stream().allMatch(id -> REFERRAL_PSEUDONYM.matcher(id).matches()));
        assertArrayEquals(Files.readAllBytes(raw.resolve("services.csv")), Files.readAllBytes(first.resolve("services.csv")));
    }

    @Test
    void anotherKeyGivesOtherPseudonyms() throws IOException {
        Path one = temp.resolve("one");
        Path two = temp.resolve("two");
        assertEquals(0, pseudonymise(temp.resolve("key1"), one, true).exit());
        assertEquals(0, pseudonymise(temp.resolve("key2"), two, true).exit());
        Set<String> a = column(one.resolve("cases.csv"), 0);
        Set<String> b = column(two.resolve("cases.csv"), 0);
        assertEquals(CASES, a.size());
        a.retainAll(b);
        assertEquals(Set.of(), a);
    }

    @Test
    void noSourceIdOrIdentifierAppearsAnywhereInTheOutput() throws IOException {
        Path out = temp.resolve("out");
        CliRun run = pseudonymise(temp.resolve("key"), out, true);
        assertEquals(0, run.exit(), run.err());
        StringBuilder everything = new StringBuilder(run.out()).append(run.err());
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                everything.append(file.getFileName()).append('\n').append(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        for (String secret : secrets) {
            assertFalse(everything.indexOf(secret) >= 0, "an identifier leaked into the output");
        }
    }

    @Test
    void theKeyFileIsMadeOwnerOnlyAndNeverOverwritten() throws IOException {
        Path key = temp.resolve("key");
        assertEquals(0, pseudonymise(key, temp.resolve("a"), true).exit());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(key)));
        byte[] original = Files.readAllBytes(key);
        CliRun overwrite = pseudonymise(key, temp.resolve("b"), true);
        assertEquals(2, overwrite.exit());
        assertTrue(overwrite.err().contains("already exists; refusing to overwrite a key"), overwrite.err());
        assertArrayEquals(original, Files.readAllBytes(key));
        assertFalse(Files.exists(temp.resolve("b")));

        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-r--r--"));
        CliRun open = pseudonymise(key, temp.resolve("c"), false);
        assertEquals(0, open.exit(), open.err());
        assertTrue(open.err().startsWith("Warning: " + key + " can be read by other users"), open.err());
    }

    @Test
    void aMissingShortOrTypedKeyIsBadInputAndWritesNothing() throws IOException {
        CliRun missing = pseudonymise(temp.resolve("nokey"), temp.resolve("o1"), false);
        assertEquals(2, missing.exit());
        assertTrue(missing.err().contains("no key file"), missing.err());

        Path shortKey = temp.resolve("short");
        Files.writeString(shortKey, "c2hvcnQ=\n");
        CliRun tooShort = pseudonymise(shortKey, temp.resolve("o2"), false);
        assertEquals(2, tooShort.exit());
        assertTrue(tooShort.err().contains("holds 5 bytes; a key needs at least 32 random bytes"), tooShort.err());

        Path typed = temp.resolve("typed");
        Files.writeString(typed, java.util.Base64.getEncoder().encodeToString(
                "passwordpasswordpasswordpassword".getBytes(StandardCharsets.US_ASCII)));
        CliRun weak = pseudonymise(typed, temp.resolve("o3"), false);
        assertEquals(2, weak.exit());
        assertTrue(weak.err().contains("does not look random"), weak.err());
        for (String out : List.of("o1", "o2", "o3")) {
            assertFalse(Files.exists(temp.resolve(out)));
        }
        assertFalse(weak.err().contains("password"), "the key is never shown");
    }

    @Test
    void aHexKeyFromOpensslWorks() throws IOException {
        Path key = temp.resolve("hex");
        byte[] random = new byte[32];
        new java.security.SecureRandom().nextBytes(random);
        Files.writeString(key, java.util.HexFormat.of().formatHex(random) + "\n");
        Files.setPosixFilePermissions(key, PosixFilePermissions.fromString("rw-------"));
        CliRun run = pseudonymise(key, temp.resolve("out"), false);
        assertEquals(0, run.exit(), run.err());
    }

    @Test
    void anExistingOutputIsNeverOverwritten() throws IOException {
        Path out = Files.createDirectories(temp.resolve("full"));
        Files.writeString(out.resolve("cases.csv"), "keep me");
        CliRun run = pseudonymise(temp.resolve("key"), out, true);
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("already exists and is not an empty folder"), run.err());
        assertEquals("keep me", Files.readString(out.resolve("cases.csv")));
        assertFalse(Files.exists(temp.resolve("key")), "no key is made for a run that does nothing");
    }

    @Test
    void aBrokenExportIsRefusedWithoutShowingItsValues() throws IOException {
        Files.writeString(raw.resolve("cases.csv"), "id,borough\n" + nhsNumber(1) + ",E09000019,extra\n");
        CliRun run = pseudonymise(temp.resolve("key"), temp.resolve("out"), true);
        assertEquals(2, run.exit());
        assertEquals("cases.csv:2: (csv): row has 3 fields; the header has 2", run.err().lines()
                .filter(l -> l.startsWith("cases.csv")).findFirst().orElseThrow());
        assertFalse(run.err().contains(nhsNumber(1)));
        assertFalse(Files.exists(temp.resolve("out")));
    }

    /** Was {@code referrals.csv:0: (csv): malformed CSV: (startline 3) EOF reached before encapsulated token finished}. */
    @Test
    void anUnclosedQuoteIsReportedOnTheLineItOpens_issue13() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(raw.resolve("referrals.csv")));
        lines.set(2, lines.get(2) + "\"no bed");
        Files.write(raw.resolve("referrals.csv"), lines);
        CliRun run = pseudonymise(temp.resolve("key"), temp.resolve("out"), true);
        assertEquals(2, run.exit());
        assertEquals("referrals.csv:3: reason: a quoted field starts here and never ends", run.err().lines()
                .filter(l -> l.startsWith("referrals.csv")).findFirst().orElseThrow(), run.err());
        assertFalse(Files.exists(temp.resolve("out")));
    }
}
