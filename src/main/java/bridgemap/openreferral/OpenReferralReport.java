package bridgemap.openreferral;

import java.util.List;

/**
 * How an Open Referral directory became Bridgemap data, so nothing is mapped silently: each organisation's
 * sector and kind and the rule that decided them, each service's boroughs and needs and why, the services
 * left out, the taxonomy terms no rule maps, the boroughs and needs created, and notes (missing pages,
 * links ignored).
 *
 * @param directory the file or folder read
 * @param serialisation "tabular data package" or "JSON API"
 * @param mapping the mapping file used
 */
public record OpenReferralReport(
        String directory,
        String serialisation,
        String mapping,
        List<AgencyMapping> agencies,
        List<ServiceMapping> services,
        List<SkippedService> skipped,
        List<UnmappedTerm> unmappedTerms,
        List<String> newBoroughs,
        List<String> newNeeds,
        List<String> notes) {

    public OpenReferralReport {
        agencies = List.copyOf(agencies);
        services = List.copyOf(services);
        skipped = List.copyOf(skipped);
        unmappedTerms = List.copyOf(unmappedTerms);
        newBoroughs = List.copyOf(newBoroughs);
        newNeeds = List.copyOf(newNeeds);
        notes = List.copyOf(notes);
    }

    /** An organisation as an agency: {@code because} names the rule behind its sector and kind, or says none matched. */
    public record AgencyMapping(String id, String name, String sector, String kind, String odsCode, String because) {}

    /** A service: its agency, the boroughs it serves and the needs it accepts and excludes, each with its reason. */
    public record ServiceMapping(String id, String name, String agency, List<Match> boroughs, List<Match> accepts,
            List<Match> excludes, String start, String end) {

        public ServiceMapping {
            boroughs = List.copyOf(boroughs);
            accepts = List.copyOf(accepts);
            excludes = List.copyOf(excludes);
        }
    }

    /** A borough or need id and what in the directory led to it. */
    public record Match(String id, String because) {}

    /** A service not imported, and why. */
    public record SkippedService(String id, String name, String reason) {}

    /** A taxonomy term linked to services or organisations that no rule maps, and how many it is linked to. */
    public record UnmappedTerm(String id, String term, String name, String taxonomy, int links) {}
}
