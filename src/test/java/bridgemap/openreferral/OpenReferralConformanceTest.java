package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.openreferral.HsdsJsonSchemas.Kind;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The Open Referral export against HSDS 3.0's own schemas (issue 19): the tabular package against the specification's
 * {@code datapackage.json}, the JSON serialisation against its compiled JSON schemas. The checkers are first shown to
 * pass the specification's own examples and to fail what the standard forbids, so a pass means something.
 */
class OpenReferralConformanceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path EXAMPLES = TableSchemaChecker.HSDS.resolve("examples");

    private static JsonNode example(String file) throws Exception {
        return MAPPER.readTree(EXAMPLES.resolve(file).toFile());
    }

    @Test
    void theSpecificationsTabularExamplePassesButForItsKnownForeignKeyMistakes() {
        // The v3.0 example's own foreign keys point at rows it lacks (openreferral/specification issue 530, "Some example
        // data has bad foreign key values"): the checker finds exactly those, and nothing else.
        assertEquals(List.of(
                "contacts.csv:2: organization_id: \"ae67a707-5893-4225-b0b1-320ab9cb596b\" is not the id of any organization",
                "contacts.csv:2: service_at_location_id: \"93eaf18d-1cd2-4ec7-bffb-3c9172ee5070\" is not the id of any service_at_location",
                "locations.csv:2: organization_id: \"985e4a42-bd9f-4edc-911d-0243a4640aca\" is not the id of any organization",
                "taxonomy_terms.csv:2: taxonomy_id: \"07ff6aee-a219-438c-b694-d2fcb6c5373b\" is not the id of any taxonomy"),
                TableSchemaChecker.hsds30().check(TableSchemaChecker.csvFiles(EXAMPLES.resolve("csv"))).stream().sorted().toList());
    }

    @Test
    void theTabularCheckerFailsWhatHsdsForbids() {
        Map<String, byte[]> files = new TreeMap<>();
        files.put("organizations.csv", "id,name,description\r\norg-1,Mind,A charity\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("services.csv", ("id,organization_id,name,status\r\n"
                + "ac148810-d857-441c-9679-408f346de14b,d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610,Talk,open\r\n"
                + "ac148810-d857-441c-9679-408f346de14b,,Walk,active\r\n").getBytes(StandardCharsets.UTF_8));
        files.put("taxonomy_terms.csv", "id,name,description,term\r\n5c4d79d7-cc55-470e-9f1f-8cad074e4892,Anxiety,,anxiety\r\n"
                .getBytes(StandardCharsets.UTF_8));
        files.put("attribute.csv", "id\r\n".getBytes(StandardCharsets.UTF_8));
        files.put("service_areas.csv", "name,id\r\n".getBytes(StandardCharsets.UTF_8));
        assertEquals(List.of(
                "attribute.csv:0: (file): not the path of any resource of the descriptor",
                "organizations.csv:2: id: \"org-1\" is not a UUID",
                "service_areas.csv:1: id: out of the schema's order (it comes before name)",
                "services.csv:2: organization_id: \"d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610\" is not the id of any organization",
                "services.csv:2: status: \"open\" is not one of [active, inactive, defunct, temporarily closed]",
                "services.csv:3: id: \"ac148810-d857-441c-9679-408f346de14b\" is not unique",
                "services.csv:3: id: primary key \"ac148810-d857-441c-9679-408f346de14b\" is not unique",
                "services.csv:3: organization_id: required value missing",
                "taxonomy_terms.csv:1: term: not a field of resource taxonomy_term",
                "taxonomy_terms.csv:2: description: required value missing"),
                TableSchemaChecker.hsds30().check(files).stream().sorted().toList());
    }

    @Test
    void theSpecificationsJsonExamplesPass() throws Exception {
        assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.SERVICE, example("service_full.json")));
        assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.ORGANIZATION, example("organization_full.json")));
        assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.TAXONOMY, example("taxonomy.json")));
        assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.TAXONOMY_TERM, example("taxonomy_term.json")));
        assertEquals(List.of(), HsdsJsonSchemas.pageErrors(Kind.SERVICE_LISTED, example("service_list.json")));
        assertEquals(List.of(), HsdsJsonSchemas.pageErrors(Kind.ORGANIZATION_LISTED, example("organization_list.json")));
        assertEquals(List.of(), HsdsJsonSchemas.pageErrors(Kind.TAXONOMY, example("taxonomy_list.json")));
        assertEquals(List.of(), HsdsJsonSchemas.pageErrors(Kind.TAXONOMY_TERM, example("taxonomy_term_list.json")));
    }

    @Test
    void theJsonCheckerFailsWhatHsdsForbids() throws Exception {
        ObjectNode service = (ObjectNode) example("service_full.json");
        service.put("id", "svc-cmht-barnet");
        service.put("term", "anxiety");
        service.remove("name");
        ((ObjectNode) service.get("service_areas").get(0)).put("uri", "");
        List<String> errors = HsdsJsonSchemas.errors(Kind.SERVICE, service);
        assertEquals(3, errors.size(), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.startsWith("/id: ") && e.contains("uuid")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("term")), errors.toString());
        assertTrue(errors.stream().anyMatch(e -> e.contains("name")), errors.toString());
        ObjectNode page = (ObjectNode) example("service_list.json");
        page.put("page_number", "one");
        assertEquals(1, HsdsJsonSchemas.pageErrors(Kind.SERVICE_LISTED, page).size());
    }

    @Test
    void theDemosExportPassesHsds30WithNoException() throws Exception {
        TestStore.demo();
        Map<String, byte[]> files = TestStore.app().exports().openReferralFiles();
        assertEquals(List.of("datapackage.json", "organizations.csv", "organization_identifiers.csv", "services.csv",
                "service_areas.csv", "taxonomies.csv", "taxonomy_terms.csv", "attributes.csv", "services.json"),
                List.copyOf(files.keySet()));
        assertEquals(List.of(), TableSchemaChecker.hsds30().check(files));

        JsonNode services = MAPPER.readTree(files.get("services.json"));
        assertTrue(services.size() > 50, "every service of the demo");
        List<String> errors = new ArrayList<>();
        for (JsonNode service : services) {
            HsdsJsonSchemas.errors(Kind.SERVICE, service).forEach(e -> errors.add(service.get("id").asText() + e));
        }
        assertEquals(List.of(), errors);
    }

    @Test
    void theExportsDescriptorDeclaresEachColumnAsHsdsDoes() throws Exception {
        JsonNode hsds = MAPPER.readTree(TableSchemaChecker.HSDS.resolve("datapackage.json").toFile());
        Map<String, JsonNode> hsdsResources = new HashMap<>();
        hsds.get("resources").forEach(r -> hsdsResources.put(r.get("name").asText(), r));
        JsonNode ours = MAPPER.readTree(TabularPackageWriter.datapackage());
        assertEquals("tabular-data-package", ours.get("profile").asText());
        for (JsonNode resource : ours.get("resources")) {
            JsonNode theirs = hsdsResources.get(resource.get("name").asText());
            assertEquals(theirs.get("path"), resource.get("path"), resource.get("name").asText());
            assertEquals(theirs.at("/schema/primaryKey"), resource.at("/schema/primaryKey"));
            Map<String, JsonNode> theirFields = new HashMap<>();
            theirs.at("/schema/fields").forEach(f -> theirFields.put(f.get("name").asText(), f));
            for (JsonNode field : resource.at("/schema/fields")) {
                JsonNode their = theirFields.get(field.get("name").asText());
                String where = resource.get("name").asText() + "." + field.get("name").asText();
                assertEquals(their.get("type"), field.get("type"), where);
                assertEquals(their.get("format"), field.get("format"), where);
                assertEquals(their.get("constraints"), field.get("constraints"), where);
            }
            for (JsonNode key : resource.at("/schema/foreignKeys")) {
                boolean declared = false;
                for (JsonNode their : theirs.at("/schema/foreignKeys")) {
                    declared |= their.equals(key);
                }
                assertTrue(declared, resource.get("name").asText() + " " + key);
            }
        }
    }
}
