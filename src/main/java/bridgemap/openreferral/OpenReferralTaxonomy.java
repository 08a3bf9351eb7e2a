package bridgemap.openreferral;

/**
 * Bridgemap's own taxonomy in an Open Referral package: the terms {@code export --format openreferral}
 * links to organisations and services so that an import reads back exactly what was exported (sector,
 * agency kind, needs accepted and excluded, the service's dates, capacity and wait), with no mapping rule.
 * Term ids: {@code bridgemap:sector:health}, {@code bridgemap:agency_kind:charity}, {@code bridgemap:need:psychosis}
 * (link type {@code accepts} or {@code excludes}), and the valued terms {@code bridgemap:start},
 * {@code bridgemap:end}, {@code bridgemap:capacity_per_month}, {@code bridgemap:wait_weeks} (the attribute's value);
 * {@code bridgemap:exported} marks every exported service, whose needs then come from these terms alone.
 */
final class OpenReferralTaxonomy {

    static final String TAXONOMY_ID = "bridgemap";
    static final String PREFIX = "bridgemap:";
    static final String SECTOR = PREFIX + "sector:";
    static final String AGENCY_KIND = PREFIX + "agency_kind:";
    static final String NEED = PREFIX + "need:";
    static final String START = PREFIX + "start";
    static final String END = PREFIX + "end";
    static final String CAPACITY = PREFIX + "capacity_per_month";
    static final String WAIT = PREFIX + "wait_weeks";
    static final String SERVICE_KIND = PREFIX + "service_kind";
    static final String EXPORTED = PREFIX + "exported";
    static final String ACCEPTS = "accepts";
    static final String EXCLUDES = "excludes";

    private OpenReferralTaxonomy() {}
}
