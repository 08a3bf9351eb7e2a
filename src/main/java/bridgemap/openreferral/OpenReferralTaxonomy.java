package bridgemap.openreferral;

/**
 * Bridgemap's own taxonomy in an Open Referral package: the terms {@code export --format openreferral}
 * links to organisations and services so that an import reads back exactly what was exported (sector,
 * agency kind, needs accepted and excluded, the service's dates, capacity and wait, and the record's Bridgemap id),
 * with no mapping rule. A term's {@code code} says what it is: {@code bridgemap:sector:health},
 * {@code bridgemap:agency_kind:charity}, {@code bridgemap:need:psychosis} (link type {@code accepts} or
 * {@code excludes}), and the valued terms {@code bridgemap:start}, {@code bridgemap:end},
 * {@code bridgemap:capacity_per_month}, {@code bridgemap:wait_weeks}, {@code bridgemap:service_kind} and
 * {@code bridgemap:id} (the attribute's value);
 * {@code bridgemap:exported} marks every exported service, whose needs then come from these terms alone. Its id is the
 * UUID {@link HsdsIds} derives from the code. Packages written before ids were UUIDs used the code as the term's id;
 * both are read.
 */
final class OpenReferralTaxonomy {

    /** The taxonomy's own code (its UUID derives from it) and name. */
    static final String TAXONOMY_CODE = "bridgemap";
    static final String TAXONOMY_NAME = "Bridgemap";
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
    /** The record's Bridgemap id, on an organisation or service whose HSDS id is the UUID derived from it. */
    static final String ID = PREFIX + "id";
    static final String ACCEPTS = "accepts";
    static final String EXCLUDES = "excludes";
    /** The link type of a valued term: the attribute's {@code value} is what the term measures. */
    static final String VALUE = "value";

    private OpenReferralTaxonomy() {}

    /** What the term with this code means, for HSDS's required {@code description}. */
    static String description(String code) {
        if (code.startsWith(SECTOR)) {
            return "The organisation's sector in Bridgemap's vocabulary: " + words(code.substring(SECTOR.length())) + ".";
        }
        if (code.startsWith(AGENCY_KIND)) {
            return "The kind of organisation in Bridgemap's vocabulary: " + words(code.substring(AGENCY_KIND.length())) + ".";
        }
        if (code.startsWith(NEED)) {
            return "A need (Bridgemap need " + code.substring(NEED.length()) + ") that the service accepts (link type "
                    + ACCEPTS + ") or excludes (link type " + EXCLUDES + ").";
        }
        return switch (code) {
            case START -> "The day the service starts; the attribute's value is the date (YYYY-MM-DD).";
            case END -> "The day the service ends; the attribute's value is the date (YYYY-MM-DD).";
            case CAPACITY -> "How many people the service can take each month; the attribute's value is a whole number.";
            case WAIT -> "How many weeks a referral waits for the service; the attribute's value is a number.";
            case SERVICE_KIND -> "What kind of service it is (a community mental health team, a drug and alcohol service …); "
                    + "the attribute's value is the kind, in words.";
            case EXPORTED -> "Exported by Bridgemap: the service's needs are exactly its Bridgemap need terms.";
            case ID -> "The record's id in Bridgemap; the attribute's value is the id, from which the record's UUID derives.";
            default -> throw new IllegalArgumentException("not a Bridgemap term: " + code);
        };
    }

    private static String words(String code) {
        return code.replace('_', ' ');
    }
}
