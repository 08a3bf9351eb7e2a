package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.openreferral.HsdsJsonSchemas;
import bridgemap.openreferral.HsdsJsonSchemas.Kind;
import bridgemap.report.Json;
import bridgemap.privacy.Role;
import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The read-only Open Referral feed (issue 19) on the tiny bundle: every path of HSDS 3.0's API answers with documents
 * that pass the specification's compiled schemas, pages as the specification's paging fields say, refuses bad paging
 * (400) and unknown ids (404) as problem details, and is open to every role with a token, researchers included.
 */
class OpenReferralFeedRoutesTest {

    private static final String FEED = "/api/openreferral/v3";
    private static TokenServer server;

    @BeforeAll
    static void start() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        server = TokenServer.start("feed");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpResponse<String> get(Role role, String path) throws Exception {
        return server.get(role, path);
    }

    private static JsonNode json(String path) throws Exception {
        HttpResponse<String> response = get(Role.VIEWER, path);
        assertEquals(200, response.statusCode(), path + ": " + response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"), path);
        return Json.mapper().readTree(response.body());
    }

    /** Every record of a list, page by page, each page checked against the API's Page schema. */
    private static List<JsonNode> all(String path, Kind kind) throws Exception {
        List<JsonNode> records = new ArrayList<>();
        for (int page = 1; ; page++) {
            JsonNode json = json(path + (path.contains("?") ? "&" : "?") + "per_page=1&page=" + page);
            assertEquals(List.of(), HsdsJsonSchemas.pageErrors(kind, json), path);
            json.get("contents").forEach(records::add);
            if (json.get("last_page").asBoolean()) {
                return records;
            }
        }
    }

    @Test
    void everyPathAnswersWithDocumentsTheSpecificationsSchemasAccept() throws Exception {
        JsonNode about = json(FEED);
        assertEquals("3.0", about.get("version").asText());
        assertTrue(about.get("openapi_url").asText().endsWith("/openapi.json"));

        List<JsonNode> services = all(FEED + "/services", Kind.SERVICE_LISTED);
        assertEquals(List.of("Islington community mental health team", "Islington substance misuse service"),
                services.stream().map(s -> s.get("name").asText()).toList());
        for (JsonNode listed : services) {
            JsonNode service = json(FEED + "/services/" + listed.get("id").asText());
            assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.SERVICE, service));
            assertEquals(listed.get("organization").get("id"), service.get("organization").get("id"));
        }
        JsonNode sms = json(FEED + "/services/" + services.get(1).get("id").asText().toUpperCase(java.util.Locale.ROOT));
        assertEquals(List.of("Hackney", "Islington"), names(sms.get("service_areas")));
        assertTrue(sms.get("description").asText().startsWith("Accepts: "), sms.toString());

        List<JsonNode> organizations = all(FEED + "/organizations", Kind.ORGANIZATION_LISTED);
        assertEquals(2, organizations.size(), "the agencies offering services");
        for (JsonNode listed : organizations) {
            JsonNode organization = json(FEED + "/organizations/" + listed.get("id").asText());
            assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.ORGANIZATION, organization));
            assertEquals(1, organization.get("services").size());
        }

        List<JsonNode> taxonomies = all(FEED + "/taxonomies", Kind.TAXONOMY);
        assertEquals(List.of("Bridgemap"), taxonomies.stream().map(t -> t.get("name").asText()).toList());
        assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.TAXONOMY, json(FEED + "/taxonomies/" + taxonomies.get(0).get("id").asText())));
        List<JsonNode> terms = all(FEED + "/taxonomy_terms", Kind.TAXONOMY_TERM);
        assertTrue(terms.stream().anyMatch(t -> t.get("code").asText().equals("bridgemap:need:psychosis")), terms.toString());
        for (JsonNode listed : terms) {
            assertEquals(List.of(), HsdsJsonSchemas.errors(Kind.TAXONOMY_TERM, json(FEED + "/taxonomy_terms/" + listed.get("id").asText())));
        }
    }

    private static List<String> names(JsonNode array) {
        List<String> names = new ArrayList<>();
        array.forEach(n -> names.add(n.get("name").asText()));
        return names;
    }

    @Test
    void listsFilterAsTheSpecificationsParametersSay() throws Exception {
        JsonNode psychosis = null;
        for (JsonNode term : json(FEED + "/taxonomy_terms?per_page=1000").get("contents")) {
            if (term.get("code").asText().equals("bridgemap:need:psychosis")) {
                psychosis = term;
            }
        }
        JsonNode treating = json(FEED + "/services?taxonomy_term_id=" + psychosis.get("id").asText());
        assertEquals(List.of("Islington community mental health team"), names(treating.get("contents")));
        JsonNode cmht = treating.get("contents").get(0);
        JsonNode ofTrust = json(FEED + "/services?organization_id=" + cmht.get("organization_id").asText());
        assertEquals(1, ofTrust.get("total_items").asInt());
        String taxonomy = json(FEED + "/taxonomies").get("contents").get(0).get("id").asText();
        assertEquals(json(FEED + "/taxonomy_terms").get("total_items"), json(FEED + "/taxonomy_terms?taxonomy_id=" + taxonomy).get("total_items"));
        assertEquals(0, json(FEED + "/taxonomy_terms?taxonomy_id=5c4d79d7-cc55-470e-9f1f-8cad074e4892").get("total_items").asInt());
    }

    @Test
    void pagesCarryTheSpecificationsPagingFields() throws Exception {
        JsonNode first = json(FEED + "/services?per_page=1");
        assertEquals("{\"total_items\":2,\"total_pages\":2,\"page_number\":1,\"size\":1,\"first_page\":true,\"last_page\":false,"
                + "\"empty\":false}", withoutContents(first));
        JsonNode second = json(FEED + "/services?per_page=1&page=2");
        assertEquals("{\"total_items\":2,\"total_pages\":2,\"page_number\":2,\"size\":1,\"first_page\":false,\"last_page\":true,"
                + "\"empty\":false}", withoutContents(second));
        JsonNode past = json(FEED + "/services?per_page=1&page=3");
        assertEquals("{\"total_items\":2,\"total_pages\":2,\"page_number\":3,\"size\":0,\"first_page\":false,\"last_page\":true,"
                + "\"empty\":true}", withoutContents(past));
        assertEquals(0, past.get("contents").size());
        JsonNode whole = json(FEED + "/services");
        assertEquals(2, whole.get("size").asInt());
        assertFalse(first.get("contents").get(0).get("id").equals(second.get("contents").get(0).get("id")));
    }

    private static String withoutContents(JsonNode page) {
        com.fasterxml.jackson.databind.node.ObjectNode copy = page.deepCopy();
        copy.remove("contents");
        return copy.toString();
    }

    @ParameterizedTest
    @CsvSource({"page=0,page", "page=x,page", "page=1.5,page", "per_page=0,per_page", "per_page=1001,per_page",
            "per_page=-3,per_page", "page=99999999999999999999,page"})
    void badPagingIsAProblemNamingTheParameter(String query, String parameter) throws Exception {
        for (String list : List.of("/services", "/organizations", "/taxonomies", "/taxonomy_terms")) {
            HttpResponse<String> response = get(Role.VIEWER, FEED + list + "?" + query);
            assertEquals(400, response.statusCode(), list + "?" + query);
            assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
            assertEquals(parameter, Json.mapper().readTree(response.body()).get("parameter").asText());
        }
    }

    @ParameterizedTest
    @CsvSource({"/services/cmht-isl", "/services/5c4d79d7-cc55-470e-9f1f-8cad074e4892", "/organizations/trust-taf",
            "/taxonomies/bridgemap", "/taxonomy_terms/bridgemap:need:psychosis"})
    void anUnknownIdIsANotFoundProblem(String path) throws Exception {
        HttpResponse<String> response = get(Role.VIEWER, FEED + path);
        assertEquals(404, response.statusCode(), path);
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode problem = Json.mapper().readTree(response.body());
        assertEquals(404, problem.get("status").asInt());
        assertTrue(problem.get("detail").asText().startsWith("No "), problem.toString());
    }

    @Test
    void everyRoleMayReadTheFeedButNotWithoutAToken() throws Exception {
        String expected = json(FEED + "/services").toString();
        for (Role role : Role.values()) {
            HttpResponse<String> response = get(role, FEED + "/services");
            assertEquals(200, response.statusCode(), role.code());
            assertEquals(expected, response.body(), role.code() + " reads the same directory");
        }
        assertEquals(401, get(null, FEED + "/services").statusCode());
        assertEquals(401, get(null, FEED).statusCode());
    }
}
