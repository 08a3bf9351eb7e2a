package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.model.ProgressListener;
import bridgemap.model.Service;
import bridgemap.openreferral.OpenReferralReport.AgencyMapping;
import bridgemap.openreferral.OpenReferralReport.Match;
import bridgemap.openreferral.OpenReferralReport.ServiceMapping;
import bridgemap.store.DirectoryRepository;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Open Referral directories into the real store: the UK profile's examples, both serialisations, every rule. */
class OpenReferralImporterTest {

    static final Path EXAMPLE = Path.of("src/test/resources/openreferral/uk-example");
    static final Path LONDON = Path.of("src/test/resources/openreferral/london");
    static final Path PAGED = Path.of("src/test/resources/openreferral/paged");
    static final Path SHIPPED_MAP = Path.of("data/openreferral/needs-map.csv");

    @TempDir
    Path temp;

    @BeforeEach
    void emptyStore() {
        TestStore.clear();
    }

    private static OpenReferralImport importPath(Path path, Path map) throws BundleRejectedException {
        return TestStore.app().openReferral().importPath(path, map, ProgressListener.NONE);
    }

    /** The shipped mapping plus one area rule: the example's fictional MyCity is Islington. */
    private Path myCityMap() throws IOException {
        Path map = temp.resolve("mycity-map.csv");
        Files.writeString(map, Files.readString(SHIPPED_MAP) + "area,text,MyCity,E09000019,,\n");
        return map;
    }

    private static List<String> problems(BundleRejectedException e) {
        return e.problems().stream().map(Problem::toString).toList();
    }

    private static List<String> ids(List<Match> matches) {
        return matches.stream().map(Match::id).toList();
    }

    private static Map<String, Service> storedServices() {
        return new DirectoryRepository(TestStore.app().store()).directory().services().stream()
                .collect(Collectors.toMap(Service::id, Function.identity()));
    }

    @Test
    void theUkExampleNamesAnAreaNoBoroughMatchesSoNothingIsWritten() {
        var e = assertThrows(BundleRejectedException.class, () -> importPath(EXAMPLE.resolve("csv"), null));
        assertEquals(List.of("service_areas.csv:2: name: \"The service is available to all residents of the MyCity area. "
                + "We provide the se…\" names no borough: give its GSS code (e.g. E09000019) or name (e.g. Islington), "
                + "or add an area rule to the mapping (area,text,WORDS,GSS code)"), problems(e));
        var json = assertThrows(BundleRejectedException.class, () -> importPath(EXAMPLE.resolve("json"), null));
        assertEquals(1, json.problems().size());
        assertTrue(problems(json).get(0).startsWith("organization_full.json: /services/0/service_areas/0/name: "
                + "\"The service is available to all residents of the MyCity area."), problems(json).get(0));
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void theUkExampleImportsWithAnAreaRuleAndAgainChangesNothing() throws Exception {
        OpenReferralImport first = importPath(EXAMPLE.resolve("csv"), myCityMap());
        OpenReferralReport report = first.report();
        assertEquals("tabular data package", report.serialisation());
        AgencyMapping agency = report.agencies().get(0);
        assertEquals(List.of("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"), report.agencies().stream().map(AgencyMapping::id).toList());
        assertEquals("Example Organization Inc.", agency.name());
        assertEquals("other", agency.sector(), "GB-COH (Companies House) says nothing of the sector");
        assertEquals("other", agency.kind());
        assertTrue(agency.because().startsWith("no rule matched"), agency.because());
        ServiceMapping service = report.services().get(0);
        assertEquals("Community Counselling", service.name());
        assertEquals(List.of("E09000019"), ids(service.boroughs()));
        assertTrue(service.boroughs().get(0).because().startsWith("text \"MyCity\" (mycity-map.csv:"), service.boroughs().toString());
        assertEquals(List.of("mood_anxiety"), ids(service.accepts()), "anxiety, depression");
        assertEquals(List.of(), service.excludes());
        assertEquals(List.of("E09000019 Islington"), report.newBoroughs());
        assertEquals(List.of("mood_anxiety Depression and anxiety"), report.newNeeds());
        assertEquals(0, report.unmappedTerms().size(), "the CSV example's attribute links its term to no record of the package");
        assertEquals(List.of(), report.skipped());
        assertTrue(report.notes().get(0).startsWith("1 attribute link a term to something other"), report.notes().toString());

        StoreStats stats = TestStore.stats();
        assertEquals(Map.of("Agency", 1L, "Borough", 1L, "Need", 1L, "Service", 1L, "Setting", 0L, "Practitioner", 0L,
                "Funder", 0L, "Case", 0L, "Referral", 0L), stats.labels());
        assertEquals(1, stats.relationshipCount("SERVES"));
        assertEquals(1, stats.relationshipCount("ACCEPTS"));
        assertEquals(1, stats.relationshipCount("OFFERED_BY"));

        OpenReferralImport again = importPath(EXAMPLE.resolve("csv"), myCityMap());
        assertTrue(again.result().summary().changedNothing(), again.result().summary().toString());
        assertEquals(List.of(), again.report().newBoroughs(), "Islington is stored now");
    }

    @Test
    void bothSerialisationsOfTheUkExampleMapToTheSameData() throws Exception {
        importPath(EXAMPLE.resolve("csv"), myCityMap());
        OpenReferralImport json = importPath(EXAMPLE.resolve("json"), myCityMap());
        assertEquals("JSON API", json.report().serialisation());
        assertTrue(json.result().summary().changedNothing(), json.result().summary().toString());
        assertTrue(json.report().notes().stream().anyMatch(n -> n.startsWith("service list: 1 of 10 pages present")),
                json.report().notes().toString());
        assertEquals(1, json.report().unmappedTerms().size(), "the JSON form links the term to the service");
        assertEquals("name", json.report().unmappedTerms().get(0).name());
    }

    @Test
    void aLondonDirectoryMapsSectorsBoroughsAndNeedsWithReasons() throws Exception {
        OpenReferralReport report = importPath(LONDON, null).report();
        Map<String, AgencyMapping> agencies = report.agencies().stream()
                .collect(Collectors.toMap(AgencyMapping::id, Function.identity()));
        assertEquals("voluntary/charity", agencies.get("org-mind-ci").sector() + "/" + agencies.get("org-mind-ci").kind());
        assertTrue(agencies.get("org-mind-ci").because().startsWith("identifier scheme GB-CHC (needs-map.csv:"));
        assertEquals("health/nhs_trust", agencies.get("org-cnwl").sector() + "/" + agencies.get("org-cnwl").kind());
        assertEquals("RV3", agencies.get("org-cnwl").odsCode());
        assertEquals("other/other", agencies.get("org-hub").sector() + "/" + agencies.get("org-hub").kind());

        Map<String, ServiceMapping> services = report.services().stream()
                .collect(Collectors.toMap(ServiceMapping::id, Function.identity()));
        ServiceMapping talk = services.get("svc-talk");
        assertEquals(List.of("E09000007", "E09000019"), ids(talk.boroughs()), "Camden and Islington");
        assertEquals(List.of("self_harm", "mood_anxiety"), ids(talk.accepts()));
        assertEquals(List.of("substance_misuse"), ids(talk.excludes()), "the exclusion beats 'substance misuse'");
        assertEquals(List.of("E09000033"), ids(services.get("svc-dual").boroughs()));
        assertEquals("GSS code E09000033", services.get("svc-dual").boroughs().get(0).because());
        assertEquals(List.of("psychosis", "substance_misuse"), ids(services.get("svc-dual").accepts()));
        assertEquals(List.of("E09000012"), ids(services.get("svc-old").boroughs()));
        assertEquals("2023-06-30", services.get("svc-old").end(), "defunct: ended on its last_modified day");
        assertEquals(List.of("E09000011"), ids(services.get("svc-women").boroughs()));
        assertEquals(List.of("women_specific"), ids(services.get("svc-women").accepts()));
        assertEquals(1, report.unmappedTerms().size());
        assertEquals("Counselling", report.unmappedTerms().get(0).name());
        assertEquals(2, report.unmappedTerms().get(0).links());

        Map<String, Service> stored = storedServices();
        assertEquals(4, stored.size());
        assertEquals(List.of("E09000007", "E09000019"), stored.get("svc-talk").boroughIds());
        assertEquals(List.of("substance_misuse"), stored.get("svc-talk").excludes());
        assertEquals(java.time.LocalDate.parse("2023-06-30"), stored.get("svc-old").period().end());
        assertNull(stored.get("svc-talk").period().end());
        assertEquals(5, TestStore.stats().labels().get("Borough"));
    }

    @Test
    void pagedJsonListsImportEveryPage() throws Exception {
        OpenReferralReport report = importPath(PAGED, null).report();
        assertEquals(6, report.services().size());
        assertEquals(List.of(), report.notes(), "both pages are present");
        assertEquals("social_care/local_authority", report.agencies().stream().filter(a -> a.id().equals("org-b"))
                .map(a -> a.sector() + "/" + a.kind()).findFirst().orElseThrow());
        assertEquals(List.of("E09000012", "E09000019"), ids(report.services().stream()
                .filter(s -> s.id().equals("svc-6")).findFirst().orElseThrow().boroughs()));
    }

    @Test
    void jsonProblemsAreLocatedByPointerAndNothingIsWritten() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("paged"));
        for (String file : List.of("organization_list.json", "service_list_1.json", "service_list_2.json")) {
            Files.copy(PAGED.resolve(file), dir.resolve(file));
        }
        Path page2 = dir.resolve("service_list_2.json");
        Files.writeString(page2, Files.readString(page2).replace("\"Hackney, Islington\"", "\"Hackney, Gotham\"")
                .replace("\"status\": \"active\",\n      \"organization\": {\n        \"id\": \"org-a\"",
                        "\"status\": \"closed\",\n      \"organization\": {\n        \"id\": \"org-a\""));
        var e = assertThrows(BundleRejectedException.class, () -> importPath(dir, null));
        assertEquals(List.of(
                "service_list_2.json: /contents/1/status: \"closed\" is not an HSDS service status (active, inactive, defunct, temporarily closed)",
                "service_list_2.json: /contents/2/service_areas/0/name: \"Hackney, Gotham\" names no borough: give its GSS code "
                        + "(e.g. E09000019) or name (e.g. Islington), or add an area rule to the mapping (area,text,WORDS,GSS code)"),
                problems(e));
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void tabularProblemsAreLocatedByFileAndLineAndNothingIsWritten() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("london"));
        try (var files = Files.list(LONDON)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Files.writeString(dir.resolve("services.csv"), "svc-x,org-nowhere,Lost Service,,,,,active,\n"
                + "svc-talk,org-hub,Duplicate,,,,,active,\n", StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        Files.writeString(dir.resolve("service_areas.csv"), "sa-9,svc-dual,Gotham,,,,,\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.APPEND);
        var e = assertThrows(BundleRejectedException.class, () -> importPath(dir, null));
        assertEquals(List.of("services.csv:7: id: duplicate id \"svc-talk\" (first at line 2)"), problems(e),
                "duplicates stop the reading; the rest is checked once they are fixed");
        Files.writeString(dir.resolve("services.csv"), Files.readString(dir.resolve("services.csv"))
                .replace("svc-talk,org-hub,Duplicate,,,,,active,\n", ""));
        e = assertThrows(BundleRejectedException.class, () -> importPath(dir, null));
        assertEquals(List.of(
                "service_areas.csv:6: name: \"Gotham\" names no borough: give its GSS code (e.g. E09000019) or name "
                        + "(e.g. Islington), or add an area rule to the mapping (area,text,WORDS,GSS code)",
                "services.csv:6: organization_id: unknown organization \"org-nowhere\" (not in this directory or the store)"),
                problems(e));
        assertEquals(0, TestStore.stats().nodeCount());
    }

    /** Commons CSV said {@code services.csv:5: (csv): malformed CSV: (startline 3) EOF reached before …}. */
    @Test
    void aMalformedDirectoryCsvIsReportedWhereTheBrokenFieldStarts_issue13() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("london"));
        try (var files = Files.list(LONDON)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        String services = Files.readString(dir.resolve("services.csv"));
        Files.writeString(dir.resolve("services.csv"), services.replace(",Assessment for people", ",\"Assessment for people"));
        var e = assertThrows(BundleRejectedException.class, () -> importPath(dir, null));
        assertEquals(List.of("services.csv:3: description: a quoted field starts here and never ends"), problems(e));
        Files.writeString(dir.resolve("services.csv"), services.replace(",Drop-in Café,", ",\"Drop-in\" Café,"));
        e = assertThrows(BundleRejectedException.class, () -> importPath(dir, null));
        assertEquals(List.of("services.csv:4: name: the quoted field that starts here has text after its closing quote; "
                + "quote the whole value and write each quote inside it twice (\"\")"), problems(e));
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void aConflictWithStoredDataIsReportedAtTheDirectoryRow() throws Exception {
        TestStore.importBundle("tiny");
        String taken = TestStore.app().analysis().snapshot(java.time.LocalDate.of(2014, 6, 30)).settings().get(0).id();
        Path dir = Files.createDirectories(temp.resolve("clash"));
        try (var files = Files.list(LONDON)) {
            for (Path file : files.toList()) {
                Files.copy(file, dir.resolve(file.getFileName()));
            }
        }
        Files.writeString(dir.resolve("organizations.csv"), Files.readString(dir.resolve("organizations.csv"))
                .replace("org-hub,", taken + ","));
        Files.writeString(dir.resolve("services.csv"), Files.readString(dir.resolve("services.csv")).replace(",org-hub,", "," + taken + ","));
        Files.writeString(dir.resolve("organization_identifiers.csv"), Files.readString(dir.resolve("organization_identifiers.csv"))
                .replace(",org-hub,", "," + taken + ","));
        StoreStats before = TestStore.stats();
        var e = assertThrows(BundleRejectedException.class, () -> importPath(dir, null));
        assertEquals(List.of("organizations.csv:4: id: id \"" + taken + "\" is already stored as a setting; one id must mean one thing"),
                problems(e));
        assertEquals(before, TestStore.stats());
    }

    @Test
    void aBadMappingFileIsRejectedBeforeAnythingIsRead() throws Exception {
        Path map = temp.resolve("map.csv");
        Files.writeString(map, "map,on,match,to,effect,name\narea,text,MyCity,Islington,,\n");
        var e = assertThrows(BundleRejectedException.class, () -> importPath(EXAMPLE.resolve("csv"), map));
        assertEquals(List.of("map.csv:2: to: \"Islington\" is not a GSS code (e.g. E09000019)"), problems(e));
    }

    @Test
    void aFolderWithoutADirectoryIsRefused() throws Exception {
        var e = assertThrows(BundleRejectedException.class, () -> importPath(temp, null));
        assertTrue(problems(e).get(0).contains("no Open Referral data found"), problems(e).toString());
    }
}
