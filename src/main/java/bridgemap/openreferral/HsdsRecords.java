package bridgemap.openreferral;

import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Need;
import bridgemap.model.Service;
import bridgemap.store.DirectoryRepository.ServiceDirectory;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The services Bridgemap holds, and the agencies offering them, as HSDS 3.0 records — the one mapping behind the
 * tabular package, the JSON serialisation and the read-only feed. Agencies become organisations (ODS codes as
 * {@code GB-NHS} identifiers), services services (status {@code defunct} once ended; the description lists the needs
 * accepted and excluded, for people reading the directory), boroughs service areas (the borough's name, its GSS code
 * in the URI), and everything else Bridgemap knows of a service — sector, agency kind, needs, dates, capacity, wait, kind of service —
 * attributes linking Bridgemap's own taxonomy ({@link OpenReferralTaxonomy}). Every id is a UUID ({@link HsdsIds});
 * where the Bridgemap id is not one, a {@code bridgemap:id} attribute carries it, so an import maps it back.
 * Records are in the store's order (by Bridgemap id), so the same store gives the same records.
 */
record HsdsRecords(List<Organization> organizations, List<ServiceRecord> services, Taxonomy taxonomy,
        List<TaxonomyTerm> terms) {

    static final String AREA_URI = "http://statistics.data.gov.uk/id/statistical-geography/";

    HsdsRecords {
        organizations = List.copyOf(organizations);
        services = List.copyOf(services);
        terms = List.copyOf(terms);
    }

    /** An HSDS organisation: name and description are required. */
    record Organization(String id, String name, String description, List<Identifier> identifiers, List<Attribute> attributes) {}

    /** An entry of {@code organization_identifiers}: an ODS code as scheme GB-NHS. */
    record Identifier(String id, String organizationId, String scheme, String type, String identifier) {}

    /** An HSDS service: {@code description} may be null (a service with no needs); status is required. */
    record ServiceRecord(String id, String organizationId, String name, String description, String status,
            List<Area> areas, List<Attribute> attributes) {}

    /** A service area: one borough. */
    record Area(String id, String serviceId, String name, String uri) {}

    /** A taxonomy term linked to an organisation or service ({@code linkEntity}), with a value for valued terms. */
    record Attribute(String id, String linkId, TaxonomyTerm term, String linkType, String linkEntity, String value) {}

    record Taxonomy(String id, String name, String description, String version) {}

    record TaxonomyTerm(String id, String code, String name, String description, String taxonomy, String taxonomyId) {}

    /** The records of {@code directory}; a service that ended before {@code today} is {@code defunct}. */
    static HsdsRecords of(ServiceDirectory directory, LocalDate today) {
        return new Builder(directory).build(today);
    }

    /** The service with this HSDS id, if any. */
    java.util.Optional<ServiceRecord> service(String id) {
        return services.stream().filter(s -> s.id().equalsIgnoreCase(id)).findFirst();
    }

    java.util.Optional<Organization> organization(String id) {
        return organizations.stream().filter(o -> o.id().equalsIgnoreCase(id)).findFirst();
    }

    private static final class Builder {
        private final ServiceDirectory directory;
        private final Map<String, String> boroughNames = new HashMap<>();
        private final Map<String, String> needNames = new HashMap<>();
        private final Taxonomy taxonomy = new Taxonomy(HsdsIds.derived("taxonomy", OpenReferralTaxonomy.TAXONOMY_CODE),
                OpenReferralTaxonomy.TAXONOMY_NAME, "Bridgemap's sectors, agency kinds, needs and service terms, so that "
                        + "Bridgemap reads its own export back exactly", "1");
        /** Terms by code, in the order first used. */
        private final Map<String, TaxonomyTerm> terms = new LinkedHashMap<>();

        Builder(ServiceDirectory directory) {
            this.directory = directory;
            for (Borough b : directory.boroughs()) {
                boroughNames.put(b.id(), b.name());
            }
            for (Need n : directory.needs()) {
                needNames.put(n.id(), n.name());
            }
        }

        HsdsRecords build(LocalDate today) {
            Map<String, String> organizationIds = new HashMap<>();
            List<Organization> organizations = new ArrayList<>();
            for (Agency a : directory.agencies()) {
                String id = HsdsIds.of("organization", a.id());
                organizationIds.put(a.id(), id);
                List<Identifier> identifiers = a.odsCode() == null ? List.of() : List.of(new Identifier(
                        HsdsIds.derived("organization_identifier", a.id() + ":GB-NHS"), id, "GB-NHS", "ODS code", a.odsCode()));
                List<Attribute> attributes = new ArrayList<>();
                bridgemapId(attributes, id, "organization", a.id());
                link(attributes, id, "organization", OpenReferralTaxonomy.SECTOR + a.sector().code(),
                        words(a.sector().code()), "sector", null);
                link(attributes, id, "organization", OpenReferralTaxonomy.AGENCY_KIND + a.kind().code(),
                        words(a.kind().code()), "agency_kind", null);
                organizations.add(new Organization(id, a.name(), "Exported from Bridgemap: " + words(a.sector().code()) + ", "
                        + words(a.kind().code()) + ".", identifiers, attributes));
            }
            List<ServiceRecord> services = new ArrayList<>();
            for (Service s : directory.services()) {
                String id = HsdsIds.of("service", s.id());
                boolean ended = s.period().end() != null && s.period().end().isBefore(today);
                List<Area> areas = new ArrayList<>();
                for (String borough : s.boroughIds()) {
                    areas.add(new Area(HsdsIds.derived("service_area", s.id() + ":" + borough), id,
                            boroughNames.getOrDefault(borough, borough), AREA_URI + borough));
                }
                List<Attribute> attributes = new ArrayList<>();
                bridgemapId(attributes, id, "service", s.id());
                // Marks the service as Bridgemap's: on import its needs come from these terms alone, not from rules.
                link(attributes, id, "service", OpenReferralTaxonomy.EXPORTED, "exported by Bridgemap", "source", null);
                for (String need : s.accepts()) {
                    link(attributes, id, "service", OpenReferralTaxonomy.NEED + need, needNames.getOrDefault(need, need),
                            OpenReferralTaxonomy.ACCEPTS, null);
                }
                for (String need : s.excludes()) {
                    link(attributes, id, "service", OpenReferralTaxonomy.NEED + need, needNames.getOrDefault(need, need),
                            OpenReferralTaxonomy.EXCLUDES, null);
                }
                value(attributes, id, OpenReferralTaxonomy.START, "start", s.period().start());
                value(attributes, id, OpenReferralTaxonomy.END, "end", s.period().end());
                value(attributes, id, OpenReferralTaxonomy.CAPACITY, "capacity per month", s.capacityPerMonth());
                value(attributes, id, OpenReferralTaxonomy.WAIT, "wait in weeks", s.waitWeeks());
                value(attributes, id, OpenReferralTaxonomy.SERVICE_KIND, "kind of service", s.kind());
                services.add(new ServiceRecord(id, organizationIds.getOrDefault(s.agencyId(), HsdsIds.of("organization",
                        s.agencyId())), s.name(), description(s), ended ? "defunct" : "active", areas, attributes));
            }
            return new HsdsRecords(organizations, services, taxonomy, List.copyOf(terms.values()));
        }

        /** The Bridgemap id as a valued attribute, where the HSDS id is derived from it rather than equal to it. */
        private void bridgemapId(List<Attribute> attributes, String hsdsId, String entity, String bridgemapId) {
            if (!hsdsId.equals(bridgemapId)) {
                link(attributes, hsdsId, entity, OpenReferralTaxonomy.ID, "Bridgemap id", OpenReferralTaxonomy.VALUE, bridgemapId);
            }
        }

        private void link(List<Attribute> attributes, String linkId, String entity, String code, String name, String linkType,
                String value) {
            TaxonomyTerm term = terms.computeIfAbsent(code, c -> new TaxonomyTerm(HsdsIds.derived("taxonomy_term", c), c, name,
                    OpenReferralTaxonomy.description(c), taxonomy.name(), taxonomy.id()));
            String id = HsdsIds.derived("attribute", entity + ":" + linkId + "|" + code + "|" + linkType);
            if (attributes.stream().noneMatch(a -> a.id().equals(id))) {
                attributes.add(new Attribute(id, linkId, term, linkType, entity, value));
            }
        }

        private void value(List<Attribute> attributes, String serviceId, String code, String name, Object value) {
            if (value != null) {
                Object shown = value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d) ? (Object) d.longValue() : value;
                link(attributes, serviceId, "service", code, name, OpenReferralTaxonomy.VALUE, shown.toString());
            }
        }

        /** "Accepts: Psychosis; Depression and anxiety. Excludes: Substance (drug) misuse." or null without needs. */
        private String description(Service s) {
            List<String> parts = new ArrayList<>();
            if (!s.accepts().isEmpty()) {
                parts.add("Accepts: " + String.join("; ", s.accepts().stream().map(n -> needNames.getOrDefault(n, n)).toList()) + ".");
            }
            if (!s.excludes().isEmpty()) {
                parts.add("Excludes: " + String.join("; ", s.excludes().stream().map(n -> needNames.getOrDefault(n, n)).toList()) + ".");
            }
            return parts.isEmpty() ? null : String.join(" ", parts);
        }

        private static String words(String code) {
            return code.replace('_', ' ');
        }
    }
}
