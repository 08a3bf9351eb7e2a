package bridgemap.openreferral;

import java.util.List;

/**
 * The parts of an Open Referral directory Bridgemap reads, whichever serialisation they came from: its
 * organisations and services, with the taxonomy terms linked to them and where each record was read.
 *
 * @param name the file or folder read, for messages
 * @param serialisation "tabular data package" or "JSON API"
 * @param notes things worth telling the user that are not errors (pages missing, links ignored)
 */
record Directory(String name, String serialisation, List<Organization> organizations, List<ServiceEntry> services,
        List<String> notes) {

    Directory {
        organizations = List.copyOf(organizations);
        services = List.copyOf(services);
        notes = List.copyOf(notes);
    }

    /** An HSDS organisation. */
    record Organization(String id, String name, String description, List<Identifier> identifiers,
            List<TermLink> terms, Origin origin) {

        Organization {
            identifiers = List.copyOf(identifiers);
            terms = List.copyOf(terms);
        }
    }

    /** An entry of {@code organization_identifiers}: e.g. scheme GB-CHC, identifier 1234567. */
    record Identifier(String scheme, String type, String value, Origin origin) {}

    /**
     * A taxonomy term: its id, its code ({@code term}: HSDS 3.0's {@code code}, or the UK profile's {@code term}), its
     * name and its taxonomy's name or id.
     */
    record Term(String id, String term, String name, String taxonomy) {

        /**
         * The code of a term of Bridgemap's own taxonomy, which {@code export --format openreferral} writes
         * ({@code bridgemap:need:psychosis}), else null: the term's code, or its id in packages written before
         * Bridgemap's ids were UUIDs.
         */
        String bridgemapCode() {
            if (id != null && id.startsWith(OpenReferralTaxonomy.PREFIX)) {
                return id;
            }
            return term != null && term.startsWith(OpenReferralTaxonomy.PREFIX) ? term : null;
        }

        /** True for the terms of Bridgemap's own taxonomy. */
        boolean isBridgemap() {
            return bridgemapCode() != null;
        }
    }

    /** An attribute: a term linked to an organisation or a service, with its link type and value, if any. */
    record TermLink(Term term, String linkType, String value, Origin origin) {}

    /** An HSDS service area; {@code text} is the UK profile's free-text {@code service_area}. */
    record ServiceArea(String id, String name, String description, String text, String extent, String extentType,
            String uri, Origin origin) {}

    /** An HSDS service; {@code eligibility} is HSDS 3.0's {@code eligibility_description}. */
    record ServiceEntry(String id, String name, String description, String eligibility, String organizationId,
            String status, String lastModified, List<ServiceArea> areas, List<TermLink> terms, Origin origin) {

        ServiceEntry {
            areas = List.copyOf(areas);
            terms = List.copyOf(terms);
        }
    }
}
