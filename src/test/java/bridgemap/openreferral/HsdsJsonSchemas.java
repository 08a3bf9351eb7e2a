package bridgemap.openreferral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPInputStream;

/**
 * HSDS 3.0's JSON schemas, kept in the test resources, checking JSON as the specification checks its own examples
 * ({@code validate_examples_json_schema.sh}): {@code additionalProperties: false} set on every object schema, as its
 * {@code compiletojsonschema --set-additional-properties-false-everywhere} does, so a property HSDS does not define is
 * an error; formats ({@code uuid}, {@code uri}, {@code email}, {@code date-time}) asserted, as {@code check-jsonschema}
 * does; draft 2020-12, the schemas naming none. A page of a list is checked against the API's {@code Page} schema
 * ({@code schema/openapi.json}) with {@code contents} items of the list schema.
 */
public final class HsdsJsonSchemas {

    /** The schemas used: a file under {@code hsds-3.0/schema/}. */
    public enum Kind {
        SERVICE("compiled/service.json.gz"),
        SERVICE_LISTED("compiled/service_list.json"),
        ORGANIZATION("compiled/organization.json.gz"),
        ORGANIZATION_LISTED("compiled/organization_list.json"),
        TAXONOMY("taxonomy.json"),
        TAXONOMY_TERM("taxonomy_term.json");

        final String file;

        Kind(String file) {
            this.file = file;
        }
    }

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));
    private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

    private HsdsJsonSchemas() {}

    /** Every error of {@code json} against the schema of {@code kind}, as "pointer: message". */
    public static List<String> errors(Kind kind, JsonNode json) {
        Schema schema = SCHEMAS.computeIfAbsent(kind.name(), k -> REGISTRY.getSchema(strict(read(kind.file))));
        return messages(schema.validate(json));
    }

    /** Every error of {@code page} against the API's {@code Page} with {@code contents} of {@code kind}. */
    public static List<String> pageErrors(Kind kind, JsonNode page) {
        Schema schema = SCHEMAS.computeIfAbsent("page:" + kind.name(), k -> {
            ObjectNode pageSchema = read("openapi.json").path("components").path("schemas").path("Page").deepCopy();
            ObjectNode contents = ((ObjectNode) pageSchema.get("properties")).putObject("contents");
            contents.put("type", "array");
            contents.set("items", read(kind.file));
            return REGISTRY.getSchema(strict(pageSchema));
        });
        return messages(schema.validate(page));
    }

    private static List<String> messages(List<Error> errors) {
        return errors.stream().map(e -> e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }

    /** A schema file with every {@code "$ref": "other.json"} replaced by that file's schema, as the compiled ones are. */
    private static ObjectNode read(String file) {
        Path path = TableSchemaChecker.HSDS.resolve("schema").resolve(file);
        try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(path)) : Files.newInputStream(path)) {
            return (ObjectNode) inline(MAPPER.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode inline(JsonNode node) {
        // Only the schema files' own relative references ("taxonomy.json"); openapi.json's absolute ones are not followed.
        if (node.isObject() && node.path("$ref").isTextual() && node.get("$ref").asText().matches("[a-z_]+\\.json")) {
            return read(node.get("$ref").asText());
        }
        if (node.isContainerNode()) {
            if (node.isObject()) {
                ObjectNode object = (ObjectNode) node;
                List.copyOf(object.properties()).forEach(e -> object.set(e.getKey(), inline(e.getValue())));
            } else {
                for (int i = 0; i < node.size(); i++) {
                    ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, inline(node.get(i)));
                }
            }
        }
        return node;
    }

    /** {@code additionalProperties: false} on every schema with {@code properties}, at every depth. */
    static ObjectNode strict(ObjectNode schema) {
        if (schema.path("properties").isObject()) {
            schema.put("additionalProperties", false);
            schema.get("properties").forEach(p -> {
                if (p.isObject()) {
                    strict((ObjectNode) p);
                }
            });
        }
        if (schema.path("items").isObject()) {
            strict((ObjectNode) schema.get("items"));
        }
        return schema;
    }
}
