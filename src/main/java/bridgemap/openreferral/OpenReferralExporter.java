package bridgemap.openreferral;

import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Need;
import bridgemap.model.Service;
import bridgemap.report.SpreadsheetCsv;
import bridgemap.store.DirectoryRepository;
import bridgemap.store.DirectoryRepository.ServiceDirectory;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Writes the services Bridgemap holds, and the agencies offering them, as an Open Referral UK tabular data
 * package: {@code datapackage.json}, organisations (with ODS codes as {@code GB-NHS} identifiers), services
 * (status {@code defunct} once ended), service areas (each borough's name, its GSS code in the URI), and
 * Bridgemap's own taxonomy linked by attributes — sector, agency kind, needs accepted and excluded, dates,
 * capacity, wait — so that {@code import-openreferral} reads the package back exactly, without rules.
 * Ids are Bridgemap's (HSDS asks for UUIDs; a consumer that insists on them would need to map them).
 */
public final class OpenReferralExporter {

    private static final String AREA_URI = "http://statistics.data.gov.uk/id/statistical-geography/";

    private final DirectoryRepository directory;

    public OpenReferralExporter(DirectoryRepository directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The package's files by name, in a fixed order; a service ended before {@code today} is {@code defunct}. */
    public Map<String, byte[]> export(LocalDate today) {
        ServiceDirectory d = directory.directory();
        Map<String, String> boroughNames = new HashMap<>();
        for (Borough b : d.boroughs()) {
            boroughNames.put(b.id(), b.name());
        }
        Map<String, String> needNames = new HashMap<>();
        for (Need n : d.needs()) {
            needNames.put(n.id(), n.name());
        }
        Table organizations = new Table("organization", "organizations.csv", "id", "name", "description");
        Table identifiers = new Table("organization_identifier", "organization_identifiers.csv", "id", "organization_id",
                "identifier_scheme", "identifier_type", "identifier");
        Table services = new Table("service", "services.csv", "id", "organization_id", "name", "description", "url", "status");
        Table areas = new Table("service_area", "service_areas.csv", "id", "service_id", "name", "uri");
        Table taxonomies = new Table("taxonomy", "taxonomies.csv", "id", "name", "description", "uri", "version");
        Table terms = new Table("taxonomy_term", "taxonomy_terms.csv", "id", "name", "description", "parent_id", "taxonomy",
                "taxonomy_id", "term_uri", "term");
        Table attributes = new Table("attribute", "attribute.csv", "id", "link_id", "taxonomy_term_id", "link_type",
                "link_entity", "value");
        taxonomies.row(OpenReferralTaxonomy.TAXONOMY_ID, "Bridgemap", "Bridgemap's sectors, agency kinds, needs and service "
                + "terms, so that Bridgemap reads its own export back exactly", "", "1");
        Map<String, String> usedTerms = new LinkedHashMap<>();

        for (Agency a : d.agencies()) {
            organizations.row(a.id(), a.name(), "Exported from Bridgemap: " + a.sector().code().replace('_', ' ') + ", "
                    + a.kind().code().replace('_', ' ') + ".");
            if (a.odsCode() != null) {
                identifiers.row(a.id() + ":ods", a.id(), "GB-NHS", "ODS code", a.odsCode());
            }
            link(attributes, usedTerms, a.id(), "organization", OpenReferralTaxonomy.SECTOR + a.sector().code(),
                    a.sector().code().replace('_', ' '), "sector", null);
            link(attributes, usedTerms, a.id(), "organization", OpenReferralTaxonomy.AGENCY_KIND + a.kind().code(),
                    a.kind().code().replace('_', ' '), "agency_kind", null);
        }
        for (Service s : d.services()) {
            boolean ended = s.period().end() != null && s.period().end().isBefore(today);
            services.row(s.id(), s.agencyId(), s.name(), description(s, needNames), "", ended ? "defunct" : "active");
            // Marks the service as Bridgemap's: on import its needs come from these terms alone, not from rules.
            link(attributes, usedTerms, s.id(), "service", OpenReferralTaxonomy.EXPORTED, "exported by Bridgemap", "source", null);
            for (String borough : s.boroughIds()) {
                areas.row(s.id() + ":area:" + borough, s.id(), boroughNames.getOrDefault(borough, borough), AREA_URI + borough);
            }
            for (String need : s.accepts()) {
                link(attributes, usedTerms, s.id(), "service", OpenReferralTaxonomy.NEED + need,
                        needNames.getOrDefault(need, need), OpenReferralTaxonomy.ACCEPTS, null);
            }
            for (String need : s.excludes()) {
                link(attributes, usedTerms, s.id(), "service", OpenReferralTaxonomy.NEED + need,
                        needNames.getOrDefault(need, need), OpenReferralTaxonomy.EXCLUDES, null);
            }
            value(attributes, usedTerms, s.id(), OpenReferralTaxonomy.START, "start", s.period().start());
            value(attributes, usedTerms, s.id(), OpenReferralTaxonomy.END, "end", s.period().end());
            value(attributes, usedTerms, s.id(), OpenReferralTaxonomy.CAPACITY, "capacity per month", s.capacityPerMonth());
            value(attributes, usedTerms, s.id(), OpenReferralTaxonomy.WAIT, "wait in weeks", s.waitWeeks());
            value(attributes, usedTerms, s.id(), OpenReferralTaxonomy.SERVICE_KIND, "kind of service", s.kind());
        }
        usedTerms.forEach((id, name) -> terms.row(id, name, "", "", OpenReferralTaxonomy.TAXONOMY_ID,
                OpenReferralTaxonomy.TAXONOMY_ID, "", id.substring(id.lastIndexOf(':') + 1)));

        List<Table> tables = List.of(organizations, identifiers, services, areas, taxonomies, terms, attributes);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(PackageFiles.DATAPACKAGE, datapackage(tables));
        for (Table t : tables) {
            files.put(t.path, t.bytes());
        }
        return files;
    }

    /** "Accepts: Psychosis; Depression and anxiety. Excludes: Substance (drug) misuse." for people reading the directory. */
    private static String description(Service s, Map<String, String> needNames) {
        List<String> parts = new ArrayList<>();
        if (!s.accepts().isEmpty()) {
            parts.add("Accepts: " + String.join("; ", s.accepts().stream().map(n -> needNames.getOrDefault(n, n)).toList()) + ".");
        }
        if (!s.excludes().isEmpty()) {
            parts.add("Excludes: " + String.join("; ", s.excludes().stream().map(n -> needNames.getOrDefault(n, n)).toList()) + ".");
        }
        return String.join(" ", parts);
    }

    private static void link(Table attributes, Map<String, String> usedTerms, String linkId, String entity, String termId,
            String termName, String linkType, Object value) {
        usedTerms.putIfAbsent(termId, termName);
        attributes.row(linkId + "|" + termId + "|" + linkType, linkId, termId, linkType, entity, value == null ? "" : value);
    }

    private static void value(Table attributes, Map<String, String> usedTerms, String serviceId, String termId, String name,
            Object value) {
        if (value != null) {
            Object shown = value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? (Object) d.longValue() : value;
            link(attributes, usedTerms, serviceId, "service", termId, name, "value", shown);
        }
    }

    private static byte[] datapackage(List<Table> tables) {
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ObjectNode root = mapper.createObjectNode();
        root.put("name", "bridgemap_service_directory");
        root.put("title", "Services held by Bridgemap, as an Open Referral UK (HSDS 3.0) tabular data package");
        root.put("profile", "tabular-data-package");
        root.put("version", "3.0.0");
        ArrayNode resources = root.putArray("resources");
        for (Table t : tables) {
            ObjectNode resource = resources.addObject();
            resource.put("name", t.name);
            resource.put("path", t.path);
            resource.put("format", "csv");
            resource.put("mediatype", "text/csv");
            resource.put("encoding", "utf-8");
            resource.put("profile", "tabular-data-resource");
            ObjectNode schema = resource.putObject("schema");
            schema.put("primaryKey", "id");
            ArrayNode fields = schema.putArray("fields");
            for (String column : t.columns) {
                fields.addObject().put("name", column).put("type", "string");
            }
        }
        try {
            return mapper.writeValueAsBytes(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One CSV table of the package, rows kept in order and duplicates (by id) dropped. A directory package is opened
     * in spreadsheets, so it is written through {@link SpreadsheetCsv}: a name that would start a formula gets a
     * quote in front, which {@link TabularPackageReader} takes off again.
     */
    private static final class Table {
        final String name;
        final String path;
        final List<String> columns;
        final List<List<Object>> rows = new ArrayList<>();
        final TreeSet<String> ids = new TreeSet<>();

        Table(String name, String path, String... columns) {
            this.name = name;
            this.path = path;
            this.columns = Arrays.asList(columns);
        }

        /** A row: its id, then its other cells (text, or a number such as a capacity, written as it is). */
        void row(String id, Object... values) {
            if (ids.add(id)) {
                List<Object> row = new ArrayList<>(values.length + 1);
                row.add(id);
                row.addAll(Arrays.asList(values));
                rows.add(row);
            }
        }

        byte[] bytes() {
            StringWriter out = new StringWriter();
            try {
                SpreadsheetCsv printer = new SpreadsheetCsv(out, "\r\n");
                printer.printRecord(columns);
                for (List<Object> row : rows) {
                    printer.printRecord(row);
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toString().getBytes(StandardCharsets.UTF_8);
        }
    }
}
