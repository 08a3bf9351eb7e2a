package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Agency;
import bridgemap.model.ProgressListener;
import bridgemap.model.Service;
import bridgemap.store.DirectoryRepository;
import bridgemap.store.DirectoryRepository.ServiceDirectory;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's services out as an Open Referral package and back in: into the same store, and into an empty one, from
 * either serialisation (issue 19: the UUIDs map back to Bridgemap's ids); a foreign directory's own UUIDs kept through
 * an import and an export.
 */
class OpenReferralExportTest {

    @TempDir
    Path temp;

    private static ServiceDirectory held() {
        return new DirectoryRepository(TestStore.app().store()).directory();
    }

    private Path export(String name) throws Exception {
        Path dir = Files.createDirectories(temp.resolve(name));
        for (Map.Entry<String, byte[]> file : TestStore.app().exports().openReferralFiles().entrySet()) {
            Files.write(dir.resolve(file.getKey()), file.getValue());
        }
        return dir;
    }

    private static OpenReferralImport importPath(Path path, Path map) throws Exception {
        return TestStore.app().openReferral().importPath(path, map, ProgressListener.NONE);
    }

    /** The same agencies, services (by id, with every field), boroughs and needs. */
    private static void assertSameServiceMap(ServiceDirectory before, ServiceDirectory after) {
        assertEquals(before.agencies(), after.agencies());
        Map<String, Service> services = new java.util.HashMap<>();
        after.services().forEach(s -> services.put(s.id(), s));
        for (Service s : before.services()) {
            assertEquals(s, services.get(s.id()), s.id());
        }
        assertEquals(before.services().size(), after.services().size());
        assertEquals(before.boroughs(), after.boroughs());
        assertEquals(before.needs(), after.needs());
    }

    @Test
    void theDemoRoundTripsExactly() throws Exception {
        TestStore.demo();
        ServiceDirectory before = held();
        Path dir = export("package");
        assertTrue(Files.readString(dir.resolve("datapackage.json")).contains("\"path\" : \"services.csv\""));
        assertEquals(before.services().size() + 1, Files.readAllLines(dir.resolve("services.csv")).size());

        OpenReferralImport same = importPath(dir, null);
        assertTrue(same.result().summary().changedNothing(), "back into the same store: " + same.result().summary());
        assertEquals(0, same.report().agencies().stream().filter(a -> a.because().contains("no rule")).count());

        TestStore.clear();
        OpenReferralImport fresh = importPath(dir, null);
        assertEquals(33, fresh.report().newBoroughs().size(), "the boroughs come from the reference list");
        assertEquals(before.needs().size(), fresh.report().newNeeds().size());
        ServiceDirectory after = held();
        assertSameServiceMap(before, after);
        Agency trust = after.agencies().stream().filter(a -> a.id().equals("trust-rv5")).findFirst().orElseThrow();
        assertEquals("RV5", trust.odsCode());
    }

    @Test
    void theJsonSerialisationRoundTripsToTheSameServiceMap_issue19() throws Exception {
        TestStore.demo();
        ServiceDirectory before = held();
        Path json = export("package").resolve(OpenReferralExporter.SERVICES_JSON);
        TestStore.clear();
        OpenReferralImport fresh = importPath(json, null);
        assertEquals("JSON API", fresh.report().serialisation());
        assertSameServiceMap(before, held());
        assertTrue(importPath(json, null).result().summary().changedNothing());
    }

    @Test
    void idsAreStableUuidsDerivedFromBridgemapsIds_issue19() throws Exception {
        TestStore.demo();
        Map<String, byte[]> first = TestStore.app().exports().openReferralFiles();
        Map<String, byte[]> second = TestStore.app().exports().openReferralFiles();
        assertEquals(first.keySet(), second.keySet());
        first.forEach((file, bytes) -> assertArrayEquals(bytes, second.get(file), file + " is the same on every export"));
        String services = new String(first.get("services.csv"), java.nio.charset.StandardCharsets.UTF_8);
        String barnet = HsdsIds.derived("service", "svc-cmht-barnet");
        assertTrue(services.contains("\r\n" + barnet + "," + HsdsIds.derived("organization", "trust-rrp") + ","), services);
        assertFalse(services.contains("svc-cmht-barnet"), "Bridgemap ids are in attributes, not in ids");
        String attributes = new String(first.get("attributes.csv"), java.nio.charset.StandardCharsets.UTF_8);
        assertTrue(attributes.contains("," + barnet + "," + HsdsIds.derived("taxonomy_term", "bridgemap:id") + ",value,service,"
                + "svc-cmht-barnet\r\n"), "the Bridgemap id travels as a valued attribute");
    }

    @Test
    void aForeignDirectoryKeepsItsOwnUuidsThroughImportAndExport_issue19() throws Exception {
        TestStore.clear();
        Path map = temp.resolve("mycity-map.csv");
        Files.writeString(map, Files.readString(OpenReferralImporterTest.SHIPPED_MAP) + "area,text,MyCity,E09000019,,\n");
        importPath(OpenReferralImporterTest.EXAMPLE.resolve("csv"), map);
        String organization = "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610";
        String service = "ac148810-d857-441c-9679-408f346de14b";
        assertEquals(List.of(organization), held().agencies().stream().map(Agency::id).toList());

        Path dir = export("again");
        assertTrue(Files.readString(dir.resolve("organizations.csv")).contains("\r\n" + organization + ",Example Organization Inc.,"));
        assertTrue(Files.readString(dir.resolve("services.csv")).contains("\r\n" + service + "," + organization + ",Community Counselling,"));
        assertFalse(Files.readString(dir.resolve("attributes.csv")).contains(HsdsIds.derived("taxonomy_term", "bridgemap:id")),
                "ids that are UUIDs need no bridgemap:id");
        assertEquals(List.of(), TableSchemaChecker.hsds30().check(TableSchemaChecker.csvFiles(dir)));

        ServiceDirectory before = held();
        TestStore.clear();
        importPath(dir, null);
        assertSameServiceMap(before, held());
        assertEquals(List.of(service), held().services().stream().map(Service::id).toList());
    }

    @Test
    void aBridgemapIdThatIsNotTheRecordsOwnIsIgnoredWithANote_issue19() throws Exception {
        TestStore.demo();
        Path dir = export("edited");
        // Someone gives the Barnet team's record another service's Bridgemap id: the UUID no longer derives from it.
        Path attributes = dir.resolve("attributes.csv");
        Files.writeString(attributes, Files.readString(attributes).replace(",value,service,svc-cmht-barnet\r\n",
                ",value,service,svc-other\r\n"));
        TestStore.clear();
        OpenReferralImport imported = importPath(dir, null);
        String barnet = HsdsIds.derived("service", "svc-cmht-barnet");
        assertTrue(held().services().stream().anyMatch(s -> s.id().equals(barnet)), "it keeps its own (HSDS) id");
        assertTrue(imported.report().notes().stream().anyMatch(n -> n.contains("bridgemap:id \"svc-other\" is not the id of service "
                + barnet)), imported.report().notes().toString());
    }
}
