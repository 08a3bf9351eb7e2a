package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Bundle;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One spoiled copy of the tiny bundle per rule of docs/bundle-format.md, with the exact message a user sees. */
class BundleValidatorTest {

    @TempDir
    Path temp;

    private int copies;

    private Path bundle() {
        return TestStore.copyBundle("tiny", temp.resolve("bundle" + copies++));
    }

    private List<String> problems(Path dir, StoredIds stored) {
        var e = assertThrows(BundleRejectedException.class,
                () -> BundleValidator.validate(BundleSource.read(dir, BundleSource.DEFAULT_MAX_BYTES), stored));
        return e.problems().stream().map(Problem::toString).toList();
    }

    /** The problems after {@code edit} rewrites {@code file} of the tiny bundle. */
    private List<String> problemsAfter(String file, UnaryOperator<String> edit) throws IOException {
        Path dir = bundle();
        Path path = dir.resolve(file);
        Files.writeString(path, edit.apply(Files.readString(path)));
        return problems(dir, StoredIds.NONE);
    }

    @Test
    void theTinyBundleIsValid() throws Exception {
        Bundle bundle = BundleValidator.validate(BundleSource.read(bundle(), BundleSource.DEFAULT_MAX_BYTES), StoredIds.NONE);
        assertEquals(34, bundle.size());
        assertEquals(List.of("E09000019", "E09000012"), bundle.services().get(1).boroughIds());
        assertEquals(0.8, bundle.practitioners().get(1).fte());
    }

    @Test
    void unknownReference() throws Exception {
        assertEquals(List.of("settings.csv:2: borough: unknown borough \"E09000099\" (not in this bundle or the store)"),
                problemsAfter("settings.csv", s -> s.replace("E09000019,hmcts", "E09000099,hmcts")));
    }

    @Test
    void referenceToTheWrongKindOfThing() throws Exception {
        assertEquals(List.of("referrals.csv:2: from: \"c-0002\" is a case; expected a setting, agency or practitioner"),
                problemsAfter("referrals.csv", s -> s.replace("2014-02-03,mc-highbury", "2014-02-03,c-0002")));
    }

    @Test
    void duplicateIdWithinAFile() throws Exception {
        assertEquals(List.of("agencies.csv:8: id: duplicate id \"lpt\" (already an agency at agencies.csv:2); "
                        + "ids must be unique across all files"),
                problemsAfter("agencies.csv", s -> s + "lpt,Another probation,criminal_justice,probation,\n"));
    }

    @Test
    void duplicateIdAcrossFiles() throws Exception {
        assertEquals(List.of("needs.csv:5: id: duplicate id \"lpt\" (already an agency at agencies.csv:2); "
                        + "ids must be unique across all files"),
                problemsAfter("needs.csv", s -> s + "lpt,Not a need\n"));
    }

    @Test
    void idAlreadyStoredAsAnotherKind() throws Exception {
        assertEquals(List.of("needs.csv:2: id: id \"psychosis\" is already stored as a setting; one id must mean one thing"),
                problems(bundle(), new StoredIds(Map.of("psychosis", NodeKind.SETTING))));
    }

    @Test
    void badDate() throws Exception {
        assertEquals(List.of("referrals.csv:2: date: \"2014-02-30\" is not a real date"),
                problemsAfter("referrals.csv", s -> s.replace("2014-02-03", "2014-02-30")));
        assertEquals(List.of("placements.csv:2: start: \"01/06/1993\" is not a date (expected YYYY-MM-DD)"),
                problemsAfter("placements.csv", s -> s.replace("mc-highbury,1993-06-01", "mc-highbury,01/06/1993")));
    }

    @Test
    void endBeforeStart() throws Exception {
        assertEquals(List.of("funding.csv:3: end: 2013-03-31 is before start 2013-04-01"),
                problemsAfter("funding.csv", s -> s.replace("2013-04-01,2014-03-31", "2013-04-01,2013-03-31")));
    }

    @Test
    void unknownEnumValue() throws Exception {
        assertEquals(List.of("agencies.csv:3: sector: unknown sector \"charity\" (expected one of: criminal_justice, "
                        + "health, social_care, voluntary, housing, substance_misuse, other)"),
                problemsAfter("agencies.csv", s -> s.replace("Together,voluntary", "Together,charity")));
        assertEquals(List.of("referrals.csv:5: outcome: unknown outcome \"lost\" (expected one of: accepted, declined, "
                        + "no_response, withdrawn, pending)"),
                problemsAfter("referrals.csv", s -> s.replace("cmht-isl,accepted", "cmht-isl,lost")));
    }

    @Test
    void unknownNeed() throws Exception {
        assertEquals(List.of("cases.csv:3: needs: unknown need \"anxiety\" (not in this bundle or the store)"),
                problemsAfter("cases.csv", s -> s.replace("female,psychosis", "female,psychosis;anxiety")));
        assertEquals(List.of("services.csv:2: excludes: unknown need \"drugs\" (not in this bundle or the store)"),
                problemsAfter("services.csv", s -> s.replace("personality_disorder,substance_misuse,40",
                        "personality_disorder,drugs,40")));
    }

    @Test
    void needBothAcceptedAndExcluded() throws Exception {
        assertEquals(List.of("services.csv:2: excludes: \"psychosis\" is both accepted and excluded"),
                problemsAfter("services.csv", s -> s.replace("personality_disorder,substance_misuse,40",
                        "personality_disorder,substance_misuse;psychosis,40")));
    }

    @Test
    void nonNumericNumbers() throws Exception {
        assertEquals(List.of("practitioners.csv:2: fte: \"one\" is not a number"),
                problemsAfter("practitioners.csv", s -> s.replace("1.0,1993", "one,1993")));
        assertEquals(List.of("services.csv:2: capacity_per_month: \"forty\" is not a whole number"),
                problemsAfter("services.csv", s -> s.replace(",40,6,", ",forty,6,")));
        assertEquals(List.of("practitioners.csv:2: fte: 0 is out of range (more than 0, at most 1.5)"),
                problemsAfter("practitioners.csv", s -> s.replace("1.0,1993", "0,1993")));
    }

    @Test
    void identifyingColumnInCases() throws Exception {
        assertEquals(List.of("cases.csv:1: nhs_number: identifying column not allowed: cases must be pseudonymous "
                        + "(no names, dates of birth, NHS or PNC numbers, addresses); remove the column"),
                problemsAfter("cases.csv", s -> s.replace("needs\n", "needs,nhs_number\n")
                        .replace("substance_misuse\n", "substance_misuse,\n").replace("psychosis\n", "psychosis,\n")));
    }

    @Test
    void caseIdThatIsAnNhsNumber() throws Exception {
        // 9434765919 is the NHS Digital documentation example of a valid NHS number.
        var problems = problemsAfter("cases.csv", s -> s.replace("c-0002,", "9434765919,"));
        assertTrue(problems.contains("cases.csv:3: id: looks like an NHS or PNC number; case ids must be pseudonyms "
                + "(see `bridgemap pseudonymise`)"), problems::toString);
        assertTrue(BundleValidator.looksIdentifying("943 476 5919"));
        assertTrue(BundleValidator.looksIdentifying("14/123456Z"));
        assertFalse(BundleValidator.looksIdentifying("9434765918"), "a failing check digit is not an NHS number");
        assertFalse(BundleValidator.looksIdentifying("c-0002"));
    }

    @Test
    void missingAndUnknownColumns() throws Exception {
        assertEquals(List.of("settings.csv:1: colour: unknown column; settings.csv has id, name, kind, borough, run_by",
                        "settings.csv:1: run_by: required column missing"),
                problemsAfter("settings.csv", s -> s.replace("run_by", "colour")));
    }

    @Test
    void emptyRequiredValue() throws Exception {
        assertEquals(List.of("funders.csv:3: name: required value is empty"),
                problemsAfter("funders.csv", s -> s.replace("f-jl,John Lewis,", "f-jl,,")));
    }

    @Test
    void duplicatePlacement() throws Exception {
        assertEquals(List.of("placements.csv:5: practitioner: duplicate placement of this practitioner at this setting "
                        + "with this start (first at line 3)"),
                problemsAfter("placements.csv", s -> s + "fmhp-isl-02,mc-highbury,2001-05-01,2010-01-01\n"));
    }

    @Test
    void malformedCsvIsReportedAtItsLine() throws Exception {
        assertEquals(List.of("needs.csv:3: name: the quoted field that starts here has text after its closing quote; "
                        + "quote the whole value and write each quote inside it twice (\"\")"),
                problemsAfter("needs.csv", s -> s.replace("personality_disorder,Personality disorder",
                        "personality_disorder,\"Personality\" disorder")));
        assertEquals(List.of("needs.csv:3: (csv): row has 3 fields; the header has 2"),
                problemsAfter("needs.csv", s -> s.replace("Personality disorder", "Personality,disorder")));
    }

    /** Commons CSV said {@code referrals.csv:8: (csv): malformed CSV: (startline 5) EOF reached before …}. */
    @Test
    void anUnclosedQuoteIsReportedOnTheLineItOpens_issue13() throws Exception {
        assertEquals(List.of("referrals.csv:5: reason: a quoted field starts here and never ends"),
                problemsAfter("referrals.csv", s -> s.replace("cust-isl,cmht-isl,accepted,\n",
                        "cust-isl,cmht-isl,accepted,\"no bed\n")
                        + "r-0005,c-0002,2014-03-02,cust-isl,cmht-isl,accepted,\n"
                        + "r-0006,c-0002,2014-03-03,cust-isl,cmht-isl,accepted,\n"
                        + "r-0007,c-0002,2014-03-04,cust-isl,cmht-isl,accepted,\n"));
        assertEquals(List.of("agencies.csv:1: (header): a quoted field starts here and never ends"),
                problemsAfter("agencies.csv", s -> s.replace("id,name", "id,\"name")));
    }

    @Test
    void quotedFieldsSpanningLinesKeepLineNumbersRight() throws Exception {
        assertEquals(List.of("needs.csv:5: id: \"bad;id\" is not a usable id (1–100 characters, no control characters, no ';')"),
                problemsAfter("needs.csv", s -> s.replace("Psychosis", "\"Psychosis,\nincluding first episode\"")
                        .replace("substance_misuse,", "bad;id,")).subList(0, 1));
    }

    @Test
    void malformedUtf8() throws Exception {
        Path dir = bundle();
        byte[] latin1 = "id,name\npsychosis,Psychosis\nmood,D\u00e9pression\n".getBytes(StandardCharsets.ISO_8859_1);
        Files.write(dir.resolve("needs.csv"), latin1);
        assertEquals(List.of("needs.csv:3: (encoding): not valid UTF-8 (bad byte at offset 34); save the file as UTF-8"),
                problems(dir, StoredIds.NONE).subList(0, 1));
    }

    @Test
    void aByteOrderMarkIsIgnored() throws Exception {
        Path dir = bundle();
        byte[] original = Files.readAllBytes(dir.resolve("needs.csv"));
        byte[] withBom = new byte[original.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(original, 0, withBom, 3, original.length);
        Files.write(dir.resolve("needs.csv"), withBom);
        assertEquals(3, BundleValidator.validate(BundleSource.read(dir, BundleSource.DEFAULT_MAX_BYTES), StoredIds.NONE)
                .needs().size());
    }

    @Test
    void unknownFileName() throws Exception {
        Path dir = bundle();
        Files.move(dir.resolve("agencies.csv"), dir.resolve("agency.csv"));
        assertEquals(List.of("agency.csv:0: (file): unknown file name; a bundle holds " + BundleFile.expectedNames()),
                problems(dir, StoredIds.NONE));
    }

    @Test
    void everyProblemIsReportedInOneRun() throws Exception {
        Path dir = bundle();
        Files.writeString(dir.resolve("funders.csv"), "id,name,kind\nf-lpt,London Probation Trust,probation\nf-jl,,lottery\n");
        Files.writeString(dir.resolve("boroughs.csv"), "id,name,region\nE09000019,Islington,\n");
        var problems = problems(dir, StoredIds.NONE);
        assertEquals(List.of(
                "funders.csv:3: name: required value is empty",
                "funders.csv:3: kind: unknown funder kind \"lottery\" (expected one of: probation, nhs, government, "
                        + "local_authority, charitable_trust, court_service, police, other)",
                "services.csv:3: boroughs: unknown borough \"E09000012\" (not in this bundle or the store)"), problems);
    }
}
