package bridgemap.openreferral;

import bridgemap.openreferral.HsdsRecords.Area;
import bridgemap.openreferral.HsdsRecords.Attribute;
import bridgemap.openreferral.HsdsRecords.Identifier;
import bridgemap.openreferral.HsdsRecords.Organization;
import bridgemap.openreferral.HsdsRecords.ServiceRecord;
import bridgemap.openreferral.HsdsRecords.TaxonomyTerm;
import bridgemap.report.SpreadsheetCsv;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * HSDS records as the tabular data package of HSDS 3.0: a {@code datapackage.json} and one CSV table per resource,
 * named as HSDS 3.0's own {@code datapackage.json} names them ({@code organizations.csv}, {@code attributes.csv} …),
 * each with the columns Bridgemap fills, in the specification's order, declared with the specification's type,
 * format and constraints. A directory package is opened in spreadsheets, so tables are written through
 * {@link SpreadsheetCsv}: a text that would start a formula gets a quote in front, which {@link TabularPackageReader}
 * takes off again.
 */
final class TabularPackageWriter {

    /** A column as HSDS 3.0's {@code datapackage.json} declares it: type, format, required, unique and allowed values. */
    record Field(String name, String type, String format, boolean required, boolean unique, List<String> allowed) {

        static Field uuid(String name, boolean required, boolean unique) {
            return new Field(name, "string", "uuid", required, unique, List.of());
        }

        static Field text(String name, boolean required) {
            return new Field(name, "string", null, required, false, List.of());
        }
    }

    /** A foreign key: this table's {@code field} refers to the {@code id} of {@code resource}. */
    record ForeignKey(String field, String resource) {}

    /** A resource of the package: its HSDS name, file, columns and foreign keys; every primary key is {@code id}. */
    record Table(String resource, String path, List<Field> fields, List<ForeignKey> foreignKeys) {

        List<String> columns() {
            return fields.stream().map(Field::name).toList();
        }
    }

    static final Table ORGANIZATIONS = new Table("organization", "organizations.csv", List.of(Field.uuid("id", true, true),
            Field.text("name", true), Field.text("description", true)), List.of());
    static final Table ORGANIZATION_IDENTIFIERS = new Table("organization_identifier", "organization_identifiers.csv",
            List.of(Field.uuid("id", true, true), Field.uuid("organization_id", true, false), Field.text("identifier_scheme", false),
                    Field.text("identifier_type", true), Field.text("identifier", true)),
            List.of(new ForeignKey("organization_id", "organization")));
    static final Table SERVICES = new Table("service", "services.csv", List.of(Field.uuid("id", true, true),
            Field.uuid("organization_id", true, false), Field.text("name", true), Field.text("description", false),
            new Field("status", "string", null, true, false, List.of("active", "inactive", "defunct", "temporarily closed"))),
            List.of(new ForeignKey("organization_id", "organization")));
    static final Table SERVICE_AREAS = new Table("service_area", "service_areas.csv", List.of(Field.uuid("id", true, true),
            Field.uuid("service_id", false, false), Field.text("name", false), Field.text("uri", false)),
            List.of(new ForeignKey("service_id", "service")));
    static final Table TAXONOMIES = new Table("taxonomy", "taxonomies.csv", List.of(Field.uuid("id", true, true),
            Field.text("name", true), Field.text("description", true), Field.text("version", false)), List.of());
    static final Table TAXONOMY_TERMS = new Table("taxonomy_term", "taxonomy_terms.csv", List.of(Field.uuid("id", true, true),
            new Field("code", "string", null, false, true, List.of()), Field.text("name", true), Field.text("description", true),
            Field.text("taxonomy", false), Field.uuid("taxonomy_id", false, false)),
            List.of(new ForeignKey("taxonomy_id", "taxonomy")));
    static final Table ATTRIBUTES = new Table("attribute", "attributes.csv", List.of(Field.uuid("id", true, true),
            Field.uuid("link_id", true, false), Field.uuid("taxonomy_term_id", true, false), Field.text("link_type", false),
            Field.text("link_entity", true), Field.text("value", false)),
            List.of(new ForeignKey("taxonomy_term_id", "taxonomy_term")));

    /** Every table, in the order written. */
    static final List<Table> TABLES = List.of(ORGANIZATIONS, ORGANIZATION_IDENTIFIERS, SERVICES, SERVICE_AREAS, TAXONOMIES,
            TAXONOMY_TERMS, ATTRIBUTES);

    private TabularPackageWriter() {}

    /** {@code datapackage.json}, then each table's CSV file. */
    static Map<String, byte[]> write(HsdsRecords records) {
        Map<Table, List<List<Object>>> rows = new LinkedHashMap<>();
        TABLES.forEach(t -> rows.put(t, new ArrayList<>()));
        for (Organization o : records.organizations()) {
            rows.get(ORGANIZATIONS).add(row(o.id(), o.name(), o.description()));
            for (Identifier i : o.identifiers()) {
                rows.get(ORGANIZATION_IDENTIFIERS).add(row(i.id(), i.organizationId(), i.scheme(), i.type(), i.identifier()));
            }
            attributes(rows.get(ATTRIBUTES), o.attributes());
        }
        for (ServiceRecord s : records.services()) {
            rows.get(SERVICES).add(row(s.id(), s.organizationId(), s.name(), s.description(), s.status()));
            for (Area a : s.areas()) {
                rows.get(SERVICE_AREAS).add(row(a.id(), a.serviceId(), a.name(), a.uri()));
            }
            attributes(rows.get(ATTRIBUTES), s.attributes());
        }
        var taxonomy = records.taxonomy();
        rows.get(TAXONOMIES).add(row(taxonomy.id(), taxonomy.name(), taxonomy.description(), taxonomy.version()));
        for (TaxonomyTerm t : records.terms()) {
            rows.get(TAXONOMY_TERMS).add(row(t.id(), t.code(), t.name(), t.description(), t.taxonomy(), t.taxonomyId()));
        }
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageFiles.DATAPACKAGE, datapackage());
        rows.forEach((table, tableRows) -> files.put(table.path(), csv(table, tableRows)));
        return files;
    }

    private static void attributes(List<List<Object>> rows, List<Attribute> attributes) {
        for (Attribute a : attributes) {
            rows.add(row(a.id(), a.linkId(), a.term().id(), a.linkType(), a.linkEntity(), a.value()));
        }
    }

    private static List<Object> row(Object... cells) {
        return Arrays.asList(cells);
    }

    private static byte[] csv(Table table, List<List<Object>> rows) {
        StringWriter out = new StringWriter();
        try {
            SpreadsheetCsv printer = new SpreadsheetCsv(out, "\r\n");
            printer.printRecord(table.columns());
            for (List<Object> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** The package descriptor: each table with its fields as HSDS 3.0 declares them, primary and foreign keys. */
    static byte[] datapackage() {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", "bridgemap_service_directory");
        root.put("title", "Services held by Bridgemap, as an HSDS 3.0 (Open Referral) tabular data package");
        root.put("profile", "tabular-data-package");
        root.put("version", "3.0.0");
        ArrayNode resources = root.putArray("resources");
        for (Table t : TABLES) {
            ObjectNode resource = resources.addObject();
            resource.put("name", t.resource());
            resource.put("path", t.path());
            resource.put("format", "csv");
            resource.put("mediatype", "text/csv");
            resource.put("encoding", "utf-8");
            resource.put("profile", "tabular-data-resource");
            ObjectNode schema = resource.putObject("schema");
            schema.put("primaryKey", "id");
            ArrayNode fields = schema.putArray("fields");
            for (Field f : t.fields()) {
                ObjectNode field = fields.addObject().put("name", f.name()).put("type", f.type());
                if (f.format() != null) {
                    field.put("format", f.format());
                }
                ObjectNode constraints = field.putObject("constraints").put("required", f.required()).put("unique", f.unique());
                if (!f.allowed().isEmpty()) {
                    f.allowed().forEach(constraints.putArray("enum")::add);
                }
            }
            if (!t.foreignKeys().isEmpty()) {
                ArrayNode keys = schema.putArray("foreignKeys");
                for (ForeignKey k : t.foreignKeys()) {
                    keys.addObject().put("fields", k.field()).putObject("reference").put("resource", k.resource()).put("fields", "id");
                }
            }
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
