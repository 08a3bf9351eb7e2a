package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code openapi.json} against the rules of a standard linter's recommended set that a test can check (issue 19; Redocly
 * CLI's {@code recommended}: {@code info-license}, {@code info-license-strict}, {@code tag-description},
 * {@code operation-4xx-response}, {@code no-duplicated-enum-values}, {@code operation-operationId-unique},
 * {@code operation-tag-defined}), so a route added without them fails the build rather than a later lint.
 */
class OpenApiDocumentTest {

    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
    private static JsonNode openApi;

    @BeforeAll
    static void read() throws Exception {
        try (InputStream in = OpenApiDocumentTest.class.getClassLoader().getResourceAsStream("openapi.json")) {
            openApi = new ObjectMapper().readTree(in);
        }
    }

    /** "GET /api/stats" → its operation. */
    private static Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new java.util.TreeMap<>();
        openApi.get("paths").properties().forEach(path -> path.getValue().properties().forEach(method -> {
            if (METHODS.contains(method.getKey())) {
                operations.put(method.getKey().toUpperCase(java.util.Locale.ROOT) + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    @Test
    void theDescriptionHasALicence() {
        JsonNode license = openApi.at("/info/license");
        assertFalse(license.path("name").asText().isBlank(), "info.license.name");
        assertTrue(license.has("url") || license.has("identifier"), "info.license needs a url or an SPDX identifier");
    }

    @Test
    void everyTagIsDescribedAndEveryOperationsTagDeclared() {
        Set<String> declared = new HashSet<>();
        for (JsonNode tag : openApi.get("tags")) {
            assertFalse(tag.path("description").asText().isBlank(), tag.get("name").asText() + " has no description");
            assertTrue(declared.add(tag.get("name").asText()), "tag " + tag.get("name").asText() + " declared twice");
        }
        operations().forEach((operation, o) -> {
            assertTrue(o.path("tags").size() > 0, operation + " has no tag");
            o.path("tags").forEach(t -> assertTrue(declared.contains(t.asText()), operation + ": undeclared tag " + t));
        });
    }

    @Test
    void everyOperationHasA4xxResponseAndItsOwnId() {
        List<String> without = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        operations().forEach((operation, o) -> {
            boolean has4xx = false;
            for (var codes = o.path("responses").fieldNames(); codes.hasNext(); ) {
                has4xx |= codes.next().matches("4(\\d\\d|XX)");
            }
            if (!has4xx) {
                without.add(operation);
            }
            assertTrue(ids.add(o.path("operationId").asText()), operation + ": operationId " + o.path("operationId") + " is not unique");
        });
        assertEquals(List.of(), without);
    }

    @Test
    void noEnumRepeatsAValue() {
        Set<String> repeated = new TreeSet<>();
        enums(openApi, "", repeated);
        assertEquals(Set.of(), repeated);
    }

    private static void enums(JsonNode node, String pointer, Set<String> repeated) {
        if (node.isObject()) {
            node.properties().forEach(e -> {
                if (e.getKey().equals("enum") && e.getValue().isArray()) {
                    Set<JsonNode> seen = new HashSet<>();
                    e.getValue().forEach(v -> {
                        if (!seen.add(v)) {
                            repeated.add(pointer + "/enum: " + v);
                        }
                    });
                }
                enums(e.getValue(), pointer + "/" + e.getKey(), repeated);
            });
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                enums(node.get(i), pointer + "/" + i, repeated);
            }
        }
    }
}
