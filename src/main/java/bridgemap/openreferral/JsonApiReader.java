package bridgemap.openreferral;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.openreferral.Directory.Identifier;
import bridgemap.openreferral.Directory.Organization;
import bridgemap.openreferral.Directory.ServiceArea;
import bridgemap.openreferral.Directory.ServiceEntry;
import bridgemap.openreferral.Directory.Term;
import bridgemap.openreferral.Directory.TermLink;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Supplier;

/**
 * Reads the Open Referral JSON API form: single records ({@code service_full.json}, {@code organization_full.json},
 * {@code service_at_location_full.json}, {@code taxonomy.json}, {@code taxonomy_term.json}) and paged lists
 * ({@code service_list.json}, {@code organization_list.json} …: {@code {"total_pages", "page_number",
 * "contents": […]}}), any number of pages, in any files. What each file holds is read from its name, else
 * from the shape of its records. A service or organisation met several times (in a list, nested in an
 * organisation, in its own file) is one record: each field is taken from the first representation that has it.
 */
final class JsonApiReader {

    private enum Kind { SERVICE, ORGANIZATION, SERVICE_AT_LOCATION, TAXONOMY, TAXONOMY_TERM }

    /** What a service and an organisation assembled from their representations share. */
    private abstract static class Parts {
        String id;
        String name;
        String description;
        List<PendingLink> links;
        Origin origin;
    }

    /** A service as assembled from its representations. */
    private static final class ServiceParts extends Parts {
        String eligibility;
        String organizationId;
        String status;
        String lastModified;
        List<ServiceArea> areas;
    }

    private static final class OrganizationParts extends Parts {
        List<Identifier> identifiers;
    }

    /** An attribute whose term may be given only by id, resolved once every file is read. */
    private record PendingLink(Term term, String termId, String linkType, String value, Origin origin) {}

    private final ObjectMapper mapper = new ObjectMapper();
    private final PackageFiles files;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final Map<String, ServiceParts> services = new LinkedHashMap<>();
    private final Map<String, OrganizationParts> organizations = new LinkedHashMap<>();
    private final Map<String, Term> terms = new HashMap<>();
    /** Per list kind: total pages announced, and the page numbers seen. */
    private final Map<Kind, Integer> totalPages = new TreeMap<>();
    private final Map<Kind, TreeSet<Integer>> pagesSeen = new TreeMap<>();

    private JsonApiReader(PackageFiles files) {
        this.files = files;
    }

    static Directory read(PackageFiles files) throws BundleRejectedException {
        return new JsonApiReader(files).run();
    }

    private Directory run() throws BundleRejectedException {
        for (Map.Entry<String, byte[]> file : files.files().entrySet()) {
            if (file.getKey().endsWith(".json") && !file.getKey().equals(PackageFiles.DATAPACKAGE)) {
                readFile(file.getKey(), file.getValue());
            }
        }
        pagesSeen.forEach((kind, seen) -> {
            int total = totalPages.getOrDefault(kind, 1);
            if (seen.size() < total) {
                notes.add(noun(kind) + " list: " + seen.size() + " of " + total + " pages present (page"
                        + (seen.size() == 1 ? " " : "s ") + seen + "); the records of the other pages are not imported");
            }
        });
        List<Organization> organizationList = new ArrayList<>();
        for (OrganizationParts o : organizations.values()) {
            if (o.name == null) {
                problems.add(o.origin.problem("name", "required value is empty"));
                continue;
            }
            organizationList.add(new Organization(o.id, o.name, o.description,
                    o.identifiers == null ? List.of() : o.identifiers, resolve(o.links), o.origin));
        }
        List<ServiceEntry> serviceList = new ArrayList<>();
        for (ServiceParts s : services.values()) {
            if (s.name == null) {
                problems.add(s.origin.problem("name", "required value is empty"));
                continue;
            }
            if (s.organizationId == null) {
                problems.add(s.origin.problem("organization", "the service names no organization "
                        + "(give \"organization\": {\"id\": …} or \"organization_id\")"));
                continue;
            }
            serviceList.add(new ServiceEntry(s.id, s.name, s.description, s.eligibility, s.organizationId, s.status,
                    s.lastModified, s.areas == null ? List.of() : s.areas, resolve(s.links), s.origin));
        }
        if (serviceList.isEmpty() && organizationList.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(files.name(), 0, "(directory)", "the JSON files hold no organisations or services"));
        }
        if (!problems.isEmpty()) {
            problems.sort(java.util.Comparator.comparing(Problem::file));
            throw new BundleRejectedException(problems);
        }
        return new Directory(files.name(), "JSON API", organizationList, serviceList, notes);
    }

    private List<TermLink> resolve(List<PendingLink> links) {
        if (links == null) {
            return List.of();
        }
        List<TermLink> out = new ArrayList<>();
        for (PendingLink link : links) {
            Term term = link.term() != null ? link.term() : terms.get(link.termId());
            if (term == null) {
                term = new Term(link.termId(), null, null, null);
                if (!term.isBridgemap()) {
                    notes.add(link.origin().describe() + ": taxonomy term \"" + link.termId()
                            + "\" is described nowhere in these files; only its id can match a rule");
                }
            }
            out.add(new TermLink(term, link.linkType(), link.value(), link.origin()));
        }
        return out;
    }

    private void readFile(String file, byte[] bytes) {
        JsonNode root;
        try {
            root = mapper.readTree(bytes);
        } catch (JacksonException e) {
            var at = e.getLocation();
            problems.add(new Problem(file, at == null ? 0 : at.getLineNr(), "(json)", "not valid JSON: " + e.getOriginalMessage()));
            return;
        } catch (IOException e) {
            problems.add(new Problem(file, 0, "(file)", "cannot read: " + e.getMessage()));
            return;
        }
        Kind named = kindFromName(file);
        Origin origin = Origin.json(file, "");
        if (root.isObject() && root.has("contents")) {
            JsonNode contents = root.get("contents");
            if (!contents.isArray()) {
                problems.add(origin.problem("contents", "expected an array of records"));
                return;
            }
            Kind kind = named;
            if (kind == null && !contents.isEmpty()) {
                kind = kindFromShape(contents.get(0));
            }
            if (kind == null) {
                if (!contents.isEmpty()) {
                    problems.add(origin.problem("contents", "cannot tell what this list holds: name the file "
                            + "service_list.json, organization_list.json, service_at_location_list.json or taxonomy_term_list.json"));
                }
                return;
            }
            int page = root.path("page_number").asInt(1);
            int total = root.path("total_pages").asInt(1);
            totalPages.merge(kind, total, Math::max);
            pagesSeen.computeIfAbsent(kind, k -> new TreeSet<>()).add(page);
            for (int i = 0; i < contents.size(); i++) {
                record(kind, contents.get(i), origin.child("contents").child(i));
            }
        } else if (root.isArray()) {
            for (int i = 0; i < root.size(); i++) {
                Kind kind = named != null ? named : kindFromShape(root.get(i));
                if (kind != null) {
                    record(kind, root.get(i), origin.child(i));
                }
            }
        } else if (root.isObject()) {
            Kind kind = named != null ? named : kindFromShape(root);
            if (kind == null) {
                problems.add(origin.problem("cannot tell what this file holds: name it service_full.json, "
                        + "organization_full.json, service_at_location_full.json, taxonomy.json or taxonomy_term.json"));
                return;
            }
            record(kind, root, origin);
        } else {
            problems.add(origin.problem("expected a JSON object or array"));
        }
    }

    private static Kind kindFromName(String file) {
        String name = file.toLowerCase(Locale.ROOT);
        if (name.startsWith("service_at_location")) {
            return Kind.SERVICE_AT_LOCATION;
        }
        if (name.startsWith("service")) {
            return Kind.SERVICE;
        }
        if (name.startsWith("organization") || name.startsWith("organisation")) {
            return Kind.ORGANIZATION;
        }
        if (name.startsWith("taxonomy_term")) {
            return Kind.TAXONOMY_TERM;
        }
        if (name.startsWith("taxonomy") || name.startsWith("taxonomies")) {
            return Kind.TAXONOMY;
        }
        return null;
    }

    private static Kind kindFromShape(JsonNode node) {
        if (!node.isObject()) {
            return null;
        }
        if (node.path("service").isObject()) {
            return Kind.SERVICE_AT_LOCATION;
        }
        if (node.has("service_areas") || node.has("status") || node.has("organization_id") || node.path("organization").isObject()) {
            return Kind.SERVICE;
        }
        if (node.has("taxonomy_terms")) {
            return Kind.TAXONOMY;
        }
        if (node.has("term") || node.has("parent_id")) {
            return Kind.TAXONOMY_TERM;
        }
        if (node.has("organization_identifiers") || node.has("services") || node.has("website")) {
            return Kind.ORGANIZATION;
        }
        return null;
    }

    private static String noun(Kind kind) {
        return switch (kind) {
            case SERVICE -> "service";
            case ORGANIZATION -> "organization";
            case SERVICE_AT_LOCATION -> "service_at_location";
            case TAXONOMY -> "taxonomy";
            case TAXONOMY_TERM -> "taxonomy_term";
        };
    }

    private void record(Kind kind, JsonNode node, Origin origin) {
        if (!node.isObject()) {
            problems.add(origin.problem("expected a JSON object"));
            return;
        }
        switch (kind) {
            case SERVICE -> service(node, origin, null);
            case ORGANIZATION -> organization(node, origin);
            case SERVICE_AT_LOCATION -> {
                JsonNode service = node.get("service");
                if (service != null && service.isObject()) {
                    service(service, origin.child("service"), null);
                }
            }
            case TAXONOMY -> {
                JsonNode list = node.path("taxonomy_terms");
                for (int i = 0; i < list.size(); i++) {
                    term(list.get(i), text(node, "name"));
                }
            }
            case TAXONOMY_TERM -> term(node, null);
        }
    }

    private Term term(JsonNode node, String taxonomy) {
        String id = text(node, "id");
        Term term = new Term(id, text(node, "code") != null ? text(node, "code") : text(node, "term"), text(node, "name"),
                text(node, "taxonomy") != null ? text(node, "taxonomy") : taxonomy != null ? taxonomy : text(node, "taxonomy_id"));
        if (id != null) {
            terms.putIfAbsent(id, term);
        }
        return term;
    }

    private void organization(JsonNode node, Origin origin) {
        OrganizationParts parts = parts(organizations, OrganizationParts::new, node, origin);
        if (parts == null) {
            return;
        }
        if (parts.identifiers == null && node.has("organization_identifiers")) {
            JsonNode list = array(node, "organization_identifiers", origin);
            List<Identifier> identifiers = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode item = list.get(i);
                identifiers.add(new Identifier(text(item, "identifier_scheme"), text(item, "identifier_type"),
                        text(item, "identifier"), origin.child("organization_identifiers").child(i)));
            }
            parts.identifiers = identifiers;
        }
        if (parts.links == null && node.has("attributes")) {
            parts.links = links(node, origin);
        }
        JsonNode services = node.get("services");
        if (services != null) {
            JsonNode list = array(node, "services", origin);
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i).isObject()) {
                    service(list.get(i), origin.child("services").child(i), parts.id);
                }
            }
        }
    }

    private void service(JsonNode node, Origin origin, String parentOrganization) {
        ServiceParts parts = parts(services, ServiceParts::new, node, origin);
        if (parts == null) {
            return;
        }
        parts.eligibility = first(parts.eligibility, text(node, "eligibility_description"));
        parts.status = first(parts.status, text(node, "status"));
        parts.lastModified = first(parts.lastModified, text(node, "last_modified"));
        JsonNode organization = node.get("organization");
        if (organization != null && organization.isObject()) {
            organization(organization, origin.child("organization"));
            parts.organizationId = first(parts.organizationId, text(organization, "id"));
        }
        parts.organizationId = first(parts.organizationId, text(node, "organization_id"));
        parts.organizationId = first(parts.organizationId, parentOrganization);
        if (parts.areas == null && node.has("service_areas")) {
            JsonNode list = array(node, "service_areas", origin);
            List<ServiceArea> areas = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                JsonNode a = list.get(i);
                areas.add(new ServiceArea(text(a, "id"), text(a, "name"), text(a, "description"), text(a, "service_area"),
                        text(a, "extent"), text(a, "extent_type"), text(a, "uri"), origin.child("service_areas").child(i)));
            }
            parts.areas = areas;
            parts.origin = origin; // the fullest representation is where problems are best reported
        }
        if (parts.links == null && node.has("attributes")) {
            parts.links = links(node, origin);
        }
    }

    /**
     * The record of {@code node}'s id, made at its first representation (whose origin it keeps), with the name and
     * description this representation adds where the record has none yet; null, with a problem, when there is no id.
     */
    private <P extends Parts> P parts(Map<String, P> byId, Supplier<P> fresh, JsonNode node, Origin origin) {
        String id = text(node, "id");
        if (id == null) {
            problems.add(origin.problem("id", "required value is empty"));
            return null;
        }
        P parts = byId.computeIfAbsent(id, k -> {
            P p = fresh.get();
            p.id = id;
            p.origin = origin;
            return p;
        });
        parts.name = first(parts.name, text(node, "name"));
        parts.description = first(parts.description, text(node, "description"));
        return parts;
    }

    private List<PendingLink> links(JsonNode node, Origin origin) {
        JsonNode list = array(node, "attributes", origin);
        List<PendingLink> links = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            Origin at = origin.child("attributes").child(i);
            JsonNode termNode = a.get("taxonomy_term");
            Term term = termNode != null && termNode.isObject() ? term(termNode, null) : null;
            String termId = term != null ? term.id() : text(a, "taxonomy_term_id");
            if (termId == null) {
                problems.add(at.problem("taxonomy_term", "the attribute names no taxonomy term"));
                continue;
            }
            links.add(new PendingLink(term, termId, text(a, "link_type"), text(a, "value"), at));
        }
        return links;
    }

    private JsonNode array(JsonNode node, String field, Origin origin) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return mapper.createArrayNode();
        }
        if (!value.isArray()) {
            problems.add(origin.problem(field, "expected an array"));
            return mapper.createArrayNode();
        }
        return value;
    }

    private static String first(String current, String candidate) {
        return current != null ? current : candidate;
    }

    /** A field as text (numbers too), stripped; null when absent, null or blank. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
