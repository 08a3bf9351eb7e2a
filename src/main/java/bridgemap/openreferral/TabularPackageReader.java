package bridgemap.openreferral;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.openreferral.Directory.Identifier;
import bridgemap.openreferral.Directory.Organization;
import bridgemap.openreferral.Directory.ServiceArea;
import bridgemap.openreferral.Directory.ServiceEntry;
import bridgemap.openreferral.Directory.Term;
import bridgemap.openreferral.Directory.TermLink;
import bridgemap.report.SpreadsheetCsv;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the HSDS tabular data package: the CSV tables named by {@code datapackage.json} (or, without one, by
 * their usual file names): organisations, their identifiers, services, service areas, taxonomy terms and the
 * attributes linking terms to organisations and services. Other tables are not needed and not read.
 */
final class TabularPackageReader {

    /** The resources read, with the file names used when there is no {@code datapackage.json}. */
    private static final Map<String, List<String>> RESOURCES = new LinkedHashMap<>();

    static {
        RESOURCES.put("organization", List.of("organizations.csv", "organization.csv"));
        RESOURCES.put("organization_identifier", List.of("organization_identifiers.csv", "organization_identifier.csv"));
        RESOURCES.put("service", List.of("services.csv", "service.csv"));
        RESOURCES.put("service_area", List.of("service_areas.csv", "service_area.csv"));
        RESOURCES.put("taxonomy", List.of("taxonomies.csv", "taxonomy.csv"));
        RESOURCES.put("taxonomy_term", List.of("taxonomy_terms.csv", "taxonomy_term.csv"));
        RESOURCES.put("attribute", List.of("attributes.csv", "attribute.csv"));
    }

    private final PackageFiles files;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    private TabularPackageReader(PackageFiles files) {
        this.files = files;
    }

    static Directory read(PackageFiles files) throws BundleRejectedException {
        return new TabularPackageReader(files).run();
    }

    private Directory run() throws BundleRejectedException {
        Map<String, String> paths = resourcePaths();
        Map<String, String> taxonomyNames = new HashMap<>();
        for (CsvRows.Row row : rows(paths, "taxonomy", List.of("id"))) {
            taxonomyNames.put(row.get("id"), row.get("name") == null ? row.get("id") : row.get("name"));
        }
        Map<String, Term> terms = new HashMap<>();
        Map<String, Origin> termOrigins = new HashMap<>();
        for (CsvRows.Row row : rows(paths, "taxonomy_term", List.of("id"))) {
            String id = row.get("id");
            if (unique(termOrigins, id, row.origin())) {
                String taxonomy = row.get("taxonomy") != null ? row.get("taxonomy")
                        : taxonomyNames.getOrDefault(row.get("taxonomy_id"), row.get("taxonomy_id"));
                terms.put(id, new Term(id, row.get("code") != null ? row.get("code") : row.get("term"), row.get("name"),
                        taxonomy));
            }
        }

        Map<String, CsvRows.Row> organizations = new LinkedHashMap<>();
        Map<String, Origin> organizationOrigins = new HashMap<>();
        for (CsvRows.Row row : rows(paths, "organization", List.of("id", "name"))) {
            if (unique(organizationOrigins, row.get("id"), row.origin())) {
                organizations.put(row.get("id"), row);
            }
        }
        Map<String, CsvRows.Row> services = new LinkedHashMap<>();
        Map<String, Origin> serviceOrigins = new HashMap<>();
        for (CsvRows.Row row : rows(paths, "service", List.of("id", "name", "organization_id"))) {
            if (unique(serviceOrigins, row.get("id"), row.origin())) {
                services.put(row.get("id"), row);
            }
        }

        Map<String, List<Identifier>> identifiers = new HashMap<>();
        for (CsvRows.Row row : rows(paths, "organization_identifier", List.of("organization_id"))) {
            String organization = row.get("organization_id");
            if (organizations.containsKey(organization)) {
                identifiers.computeIfAbsent(organization, k -> new ArrayList<>()).add(new Identifier(
                        row.get("identifier_scheme"), row.get("identifier_type"), row.get("identifier"), row.origin()));
            } else {
                notes.add(row.origin().describe() + ": identifier of organization \"" + organization
                        + "\", which is not in this directory: ignored");
            }
        }
        Map<String, List<ServiceArea>> areas = new HashMap<>();
        for (CsvRows.Row row : rows(paths, "service_area", List.of("service_id"))) {
            String service = row.get("service_id");
            if (services.containsKey(service)) {
                areas.computeIfAbsent(service, k -> new ArrayList<>()).add(new ServiceArea(row.get("id"), row.get("name"),
                        row.get("description"), row.get("service_area"), row.get("extent"), row.get("extent_type"),
                        row.get("uri"), row.origin()));
            } else {
                notes.add(row.origin().describe() + ": service area of service \"" + (service == null ? "" : service)
                        + "\", which is not in this directory: ignored");
            }
        }
        Map<String, List<TermLink>> links = new HashMap<>();
        int ignoredLinks = 0;
        String ignoredExample = null;
        for (CsvRows.Row row : rows(paths, "attribute", List.of("link_id", "taxonomy_term_id"))) {
            String linkId = row.get("link_id");
            String entity = row.get("link_entity");
            boolean service = services.containsKey(linkId) && (entity == null || entity.equals("service"));
            boolean organization = organizations.containsKey(linkId) && (entity == null || entity.equals("organization"));
            if (!service && !organization) {
                ignoredLinks++;
                if (ignoredExample == null) {
                    ignoredExample = row.origin().describe() + " (link_id \"" + linkId + "\")";
                }
                continue;
            }
            String termId = row.get("taxonomy_term_id");
            Term term = terms.get(termId);
            if (term == null) {
                term = new Term(termId, null, null, null);
                if (!term.isBridgemap()) {
                    notes.add(row.origin().describe() + ": taxonomy term \"" + termId
                            + "\" is not in the taxonomy terms table; only its id can match a rule");
                }
            }
            links.computeIfAbsent(linkId, k -> new ArrayList<>())
                    .add(new TermLink(term, row.get("link_type"), row.get("value"), row.origin()));
        }
        if (ignoredLinks > 0) {
            notes.add(ignoredLinks + " attribute" + (ignoredLinks == 1 ? "" : "s")
                    + " link a term to something other than an organisation or service of this directory (first: "
                    + ignoredExample + "): ignored");
        }

        List<Organization> organizationList = new ArrayList<>();
        organizations.forEach((id, row) -> organizationList.add(new Organization(id, row.get("name"),
                row.get("description"), identifiers.getOrDefault(id, List.of()), links.getOrDefault(id, List.of()),
                row.origin())));
        List<ServiceEntry> serviceList = new ArrayList<>();
        services.forEach((id, row) -> serviceList.add(new ServiceEntry(id, row.get("name"), row.get("description"),
                row.get("eligibility_description"), row.get("organization_id"), row.get("status"),
                row.get("last_modified"), areas.getOrDefault(id, List.of()), links.getOrDefault(id, List.of()),
                row.origin())));
        if (serviceList.isEmpty() && organizationList.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(files.name(), 0, "(directory)", "the package has no organisations or services"));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(Problem::file).thenComparingInt(Problem::line));
            throw new BundleRejectedException(problems);
        }
        return new Directory(files.name(), "tabular data package", organizationList, serviceList, notes);
    }

    private boolean unique(Map<String, Origin> seen, String id, Origin origin) {
        Origin first = seen.putIfAbsent(id, origin);
        if (first != null) {
            problems.add(origin.problem("id", "duplicate id \"" + id + "\" (first at line " + first.line() + ")"));
            return false;
        }
        return true;
    }

    private List<CsvRows.Row> rows(Map<String, String> paths, String resource, List<String> required) {
        String path = paths.get(resource);
        if (path == null) {
            return List.of();
        }
        List<CsvRows.Row> rows = CsvRows.parse(path, files.get(path), (char) 0, required, problems);
        if (rows == null) {
            return List.of();
        }
        List<CsvRows.Row> kept = new ArrayList<>();
        for (CsvRows.Row written : rows) {
            CsvRows.Row row = restored(written);
            boolean complete = true;
            for (String column : required) {
                if (row.get(column) == null) {
                    problems.add(row.origin().problem(column, "required value is empty"));
                    complete = false;
                }
            }
            if (complete) {
                kept.add(row);
            }
        }
        return kept;
    }

    /**
     * The row with each value as it was before it was written for spreadsheets: Bridgemap's export (and other tools
     * following OWASP's advice) puts a quote in front of a value that would start a formula ({@link SpreadsheetCsv}).
     */
    private static CsvRows.Row restored(CsvRows.Row row) {
        Map<String, String> values = new LinkedHashMap<>();
        row.values().forEach((column, value) -> values.put(column, SpreadsheetCsv.restore(value)));
        return new CsvRows.Row(row.origin(), values);
    }

    /** Resource name to file name: from {@code datapackage.json} when present, else the usual names. */
    private Map<String, String> resourcePaths() {
        Map<String, String> paths = new HashMap<>();
        byte[] descriptor = files.get(PackageFiles.DATAPACKAGE);
        if (descriptor != null) {
            JsonNode root;
            try {
                root = new ObjectMapper().readTree(descriptor);
            } catch (JacksonException e) {
                problems.add(new Problem(PackageFiles.DATAPACKAGE, Problem.NO_LINE, "/",
                        "not valid JSON: " + e.getOriginalMessage()));
                return paths;
            } catch (IOException e) {
                problems.add(new Problem(PackageFiles.DATAPACKAGE, 0, "(file)", "cannot read: " + e.getMessage()));
                return paths;
            }
            JsonNode resources = root.path("resources");
            for (int i = 0; i < resources.size(); i++) {
                String name = resources.get(i).path("name").asText("");
                String path = resources.get(i).path("path").asText("");
                if (!RESOURCES.containsKey(name)) {
                    continue;
                }
                String fileName = path.substring(path.lastIndexOf('/') + 1);
                if (files.get(fileName) == null) {
                    problems.add(new Problem(PackageFiles.DATAPACKAGE, Problem.NO_LINE, "/resources/" + i + "/path",
                            "\"" + path + "\" is not in the package"));
                } else {
                    paths.put(name, fileName);
                }
            }
            return paths;
        }
        RESOURCES.forEach((resource, names) -> names.stream().filter(n -> files.get(n) != null).findFirst()
                .ifPresent(n -> paths.put(resource, n)));
        return paths;
    }
}
