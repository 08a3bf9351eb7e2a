package bridgemap.openreferral;

import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Need;
import bridgemap.model.Period;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Vocabulary;
import bridgemap.openreferral.Directory.Organization;
import bridgemap.openreferral.Directory.ServiceArea;
import bridgemap.openreferral.Directory.ServiceEntry;
import bridgemap.openreferral.Directory.Term;
import bridgemap.openreferral.Directory.TermLink;
import bridgemap.openreferral.MappingRules.On;
import bridgemap.openreferral.MappingRules.Rule;
import bridgemap.openreferral.MappingRules.Target;
import bridgemap.openreferral.OpenReferralReport.AgencyMapping;
import bridgemap.openreferral.OpenReferralReport.Match;
import bridgemap.openreferral.OpenReferralReport.ServiceMapping;
import bridgemap.openreferral.OpenReferralReport.SkippedService;
import bridgemap.openreferral.OpenReferralReport.UnmappedTerm;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Maps a directory to a bundle (docs/openreferral.md): organisations → agencies (sector and kind from
 * Bridgemap's own terms, then the mapping's id, identifier-scheme, term and text rules, else
 * {@code other/other}, said so in the report); services → services offered by them, serving the boroughs
 * their service areas name, accepting and excluding the needs their terms and text map to (an exclusion
 * beats an acceptance); the boroughs and needs they reference that the store lacks. Every problem is
 * reported at the directory record it comes from.
 *
 * <p>Ids: a record keeps its HSDS id as its Bridgemap id (a foreign directory's UUIDs stay as they are, so exporting
 * it again gives the same ids), except Bridgemap's own records, recognised by their UUID ({@link HsdsIds}): one whose
 * id is the UUID derived from its {@code bridgemap:id} attribute, or from the id of an agency or service in the store,
 * gets that Bridgemap id back.
 */
final class DirectoryMapper {

    /** A bundle with, per bundle file, the directory record behind each of its rows. */
    record Mapped(Bundle bundle, Map<BundleFile, List<Origin>> origins, OpenReferralReport report) {}

    private final Directory directory;
    private final MappingRules rules;
    private final BoroughMatcher boroughs;
    private final Map<String, String> storedNeeds;
    private final Map<String, String> storedLabels;
    private final List<Problem> problems = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    /** The agencies and services in the store by the UUID Bridgemap derives for them: "organization:UUID" → id. */
    private final Map<String, String> storedUuids = new java.util.HashMap<>();

    private final Map<String, Borough> newBoroughs = new LinkedHashMap<>();
    private final Map<String, Origin> newBoroughOrigins = new LinkedHashMap<>();
    private final Map<String, Need> newNeeds = new LinkedHashMap<>();
    private final Map<String, Origin> newNeedOrigins = new LinkedHashMap<>();
    private final Map<String, UnmappedTerm> unmapped = new LinkedHashMap<>();

    /**
     * @param storedNeeds the needs in the store, id → name
     * @param storedLabels every id in the store with its label (Agency, Service, …)
     */
    DirectoryMapper(Directory directory, MappingRules rules, BoroughMatcher boroughs, Map<String, String> storedNeeds,
            Map<String, String> storedLabels) {
        this.directory = Objects.requireNonNull(directory, "directory");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.boroughs = Objects.requireNonNull(boroughs, "boroughs");
        this.storedNeeds = Map.copyOf(storedNeeds);
        this.storedLabels = Map.copyOf(storedLabels);
        storedLabels.forEach((id, label) -> {
            String type = "Agency".equals(label) ? "organization" : "Service".equals(label) ? "service" : null;
            if (type != null && !HsdsIds.isUuid(id)) {
                storedUuids.put(type + ":" + HsdsIds.derived(type, id), id);
            }
        });
    }

    Mapped map() throws BundleRejectedException {
        List<Agency> agencies = new ArrayList<>();
        List<Origin> agencyOrigins = new ArrayList<>();
        List<AgencyMapping> agencyReport = new ArrayList<>();
        Set<String> organizationIds = new HashSet<>();
        Map<String, String> bridgemapOrganizations = new java.util.HashMap<>();
        for (Organization o : directory.organizations()) {
            String id = bridgemapId(o.id(), "organization", o.terms());
            if (!usableId(id, o.origin())) {
                continue;
            }
            organizationIds.add(id);
            bridgemapOrganizations.put(o.id(), id);
            AgencyMapping mapping = agency(o, id);
            agencies.add(new Agency(id, clean(o.name()), Vocabulary.parse(Sector.class, mapping.sector()).orElseThrow(),
                    Vocabulary.parse(AgencyKind.class, mapping.kind()).orElseThrow(), mapping.odsCode()));
            agencyOrigins.add(o.origin());
            agencyReport.add(mapping);
        }
        List<Service> services = new ArrayList<>();
        List<Origin> serviceOrigins = new ArrayList<>();
        List<ServiceMapping> serviceReport = new ArrayList<>();
        List<SkippedService> skipped = new ArrayList<>();
        for (ServiceEntry s : directory.services()) {
            String id = bridgemapId(s.id(), "service", s.terms());
            if (!usableId(id, s.origin())) {
                continue;
            }
            String organization = bridgemapOrganizations.getOrDefault(s.organizationId(),
                    storedUuids.getOrDefault("organization:" + s.organizationId().toLowerCase(Locale.ROOT), s.organizationId()));
            if (!organizationIds.contains(organization) && !"Agency".equals(storedLabels.get(organization))) {
                problems.add(s.origin().problem(s.origin().isJson() ? "organization" : "organization_id",
                        "unknown organization \"" + s.organizationId() + "\" (not in this directory or the store)"));
                continue;
            }
            int before = problems.size();
            Optional<Period> period = period(s, skipped);
            List<Match> boroughMatches = boroughs(s);
            Map<String, Match> accepts = new LinkedHashMap<>();
            Map<String, Match> excludes = new LinkedHashMap<>();
            needs(s, accepts, excludes);
            Integer capacity = wholeNumber(s, OpenReferralTaxonomy.CAPACITY);
            Double wait = number(s, OpenReferralTaxonomy.WAIT);
            String kind = valued(s, OpenReferralTaxonomy.SERVICE_KIND).map(link -> Objects.toString(link.value(), null))
                    .map(String::strip).filter(k -> !k.isEmpty()).orElse(null);
            if (problems.size() > before || period.isEmpty()) {
                continue;
            }
            excludes.keySet().forEach(accepts::remove);
            Service service = new Service(id, clean(s.name()), organization,
                    boroughMatches.stream().map(Match::id).toList(), List.copyOf(accepts.keySet()),
                    List.copyOf(excludes.keySet()), capacity, wait, period.get(), kind);
            services.add(service);
            serviceOrigins.add(s.origin());
            serviceReport.add(new ServiceMapping(id, service.name(), organization, boroughMatches,
                    List.copyOf(accepts.values()), List.copyOf(excludes.values()),
                    period.get().start() == null ? null : period.get().start().toString(),
                    period.get().end() == null ? null : period.get().end().toString()));
        }
        if (!problems.isEmpty()) {
            throw new BundleRejectedException(problems);
        }
        Bundle bundle = new Bundle(List.copyOf(newBoroughs.values()), agencies, List.of(), List.copyOf(newNeeds.values()),
                services, List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
        Map<BundleFile, List<Origin>> origins = new EnumMap<>(BundleFile.class);
        origins.put(BundleFile.BOROUGHS, List.copyOf(newBoroughOrigins.values()));
        origins.put(BundleFile.AGENCIES, agencyOrigins);
        origins.put(BundleFile.NEEDS, List.copyOf(newNeedOrigins.values()));
        origins.put(BundleFile.SERVICES, serviceOrigins);
        OpenReferralReport report = new OpenReferralReport(directory.name(), directory.serialisation(), rules.file(),
                agencyReport, serviceReport, skipped, List.copyOf(unmapped.values()),
                newBoroughs.values().stream().map(b -> b.id() + " " + b.name()).toList(),
                newNeeds.values().stream().map(n -> n.id() + " " + n.name()).toList(),
                java.util.stream.Stream.concat(directory.notes().stream(), notes.stream()).toList());
        return new Mapped(bundle, origins, report);
    }

    /**
     * The Bridgemap id of the record of {@code type} with HSDS id {@code hsdsId}: the value of its {@code bridgemap:id}
     * attribute when {@code hsdsId} is the UUID derived from it, else the stored agency's or service's id whose derived
     * UUID it is, else {@code hsdsId} itself.
     */
    private String bridgemapId(String hsdsId, String type, List<TermLink> terms) {
        for (TermLink link : terms) {
            if (OpenReferralTaxonomy.ID.equals(link.term().bridgemapCode()) && link.value() != null) {
                if (HsdsIds.isDerived(hsdsId, type, link.value())) {
                    return link.value();
                }
                notes.add(link.origin().describe() + ": bridgemap:id \"" + link.value() + "\" is not the id of " + type + " "
                        + hsdsId + " (its UUID would differ): the record keeps its own id");
            }
        }
        return storedUuids.getOrDefault(type + ":" + hsdsId.toLowerCase(Locale.ROOT), hsdsId);
    }

    private boolean usableId(String id, Origin origin) {
        if (id.length() > 100 || id.indexOf(';') >= 0 || id.chars().anyMatch(Character::isISOControl)) {
            problems.add(origin.problem("id", "\"" + id + "\" cannot be a Bridgemap id (at most 100 characters, "
                    + "no ';', no control characters)"));
            return false;
        }
        return true;
    }

    // ---- organisations ------------------------------------------------------------------------------

    private AgencyMapping agency(Organization o, String id) {
        Sector sector = null;
        AgencyKind kind = null;
        List<String> because = new ArrayList<>();
        for (Rule rule : rules.rules(Target.AGENCY, On.ID)) {
            if (rule.match().equals(id) || rule.match().equals(o.id())) {
                sector = rule.sector();
                kind = rule.kind();
                because.add(rule.because());
                break;
            }
        }
        if (sector == null) {
            for (TermLink link : o.terms()) {
                String code = Objects.toString(link.term().bridgemapCode(), "");
                if (code.startsWith(OpenReferralTaxonomy.SECTOR) && sector == null) {
                    sector = Vocabulary.parse(Sector.class, code.substring(OpenReferralTaxonomy.SECTOR.length())).orElse(null);
                }
                if (code.startsWith(OpenReferralTaxonomy.AGENCY_KIND) && kind == null) {
                    kind = Vocabulary.parse(AgencyKind.class, code.substring(OpenReferralTaxonomy.AGENCY_KIND.length())).orElse(null);
                }
            }
            if (sector != null || kind != null) {
                because.add("Bridgemap's own terms");
            }
        }
        for (Rule rule : agencyRules(o)) {
            if (sector != null && kind != null) {
                break;
            }
            if (sector == null) {
                sector = rule.sector();
            }
            if (kind == null) {
                kind = rule.kind();
            }
            because.add(rule.because());
        }
        if (sector == null || kind == null) {
            because.add("no rule matched: " + (sector == null ? "sector" : "") + (sector == null && kind == null ? " and " : "")
                    + (kind == null ? "kind" : "") + " set to other; add an agency rule to the mapping to say what it is");
            sector = sector == null ? Sector.OTHER : sector;
            kind = kind == null ? AgencyKind.OTHER : kind;
        }
        for (TermLink link : o.terms()) {
            if (!link.term().isBridgemap() && rules.rules(Target.AGENCY, On.TERM).stream().noneMatch(r -> r.matchesTerm(link.term()))) {
                unmapped(link.term());
            }
        }
        String ods = o.identifiers().stream().filter(i -> "GB-NHS".equalsIgnoreCase(i.scheme()) && i.value() != null)
                .map(Directory.Identifier::value).findFirst().orElse(null);
        return new AgencyMapping(id, clean(o.name()), sector.code(), kind.code(), ods, String.join("; ", because));
    }

    /** The agency rules that apply to {@code o}, strongest first: identifier scheme, term, text. */
    private List<Rule> agencyRules(Organization o) {
        List<Rule> applicable = new ArrayList<>();
        for (Rule rule : rules.rules(Target.AGENCY, On.IDENTIFIER_SCHEME)) {
            if (o.identifiers().stream().anyMatch(i -> rule.match().equalsIgnoreCase(Objects.toString(i.scheme(), "")))) {
                applicable.add(rule);
            }
        }
        for (Rule rule : rules.rules(Target.AGENCY, On.TERM)) {
            if (o.terms().stream().anyMatch(l -> rule.matchesTerm(l.term()))) {
                applicable.add(rule);
            }
        }
        for (Rule rule : rules.rules(Target.AGENCY, On.TEXT)) {
            if (rule.matchesText(o.name())) {
                applicable.add(rule);
            }
        }
        return applicable;
    }

    // ---- services -----------------------------------------------------------------------------------

    /** The service's dates; empty (and a skipped entry or a problem) when it is not imported. */
    private Optional<Period> period(ServiceEntry s, List<SkippedService> skipped) {
        LocalDate start = date(s, OpenReferralTaxonomy.START);
        LocalDate end = date(s, OpenReferralTaxonomy.END);
        String status = s.status() == null ? "active" : s.status().toLowerCase(Locale.ROOT).strip();
        switch (status) {
            case "active", "temporarily closed" -> { }
            case "inactive", "defunct" -> {
                if (end == null) {
                    LocalDate modified = lastModified(s);
                    if (modified == null) {
                        skipped.add(new SkippedService(s.id(), clean(s.name()), "status " + status
                                + " and no last_modified date to end it on"));
                        return Optional.empty();
                    }
                    end = modified;
                }
            }
            default -> {
                problems.add(s.origin().problem("status", "\"" + s.status()
                        + "\" is not an HSDS service status (active, inactive, defunct, temporarily closed)"));
                return Optional.empty();
            }
        }
        if (start != null && end != null && end.isBefore(start)) {
            problems.add(s.origin().problem("status", "the service ends (" + end + ") before it starts (" + start + ")"));
            return Optional.empty();
        }
        return Optional.of(new Period(start, end));
    }

    private LocalDate lastModified(ServiceEntry s) {
        String value = s.lastModified();
        if (value == null || value.length() < 10) {
            return null;
        }
        try {
            return LocalDate.parse(value.substring(0, 10));
        } catch (DateTimeParseException e) {
            problems.add(s.origin().problem("last_modified", "\"" + value + "\" is not a date-time"));
            return null;
        }
    }

    private Optional<TermLink> valued(ServiceEntry s, String termId) {
        return s.terms().stream().filter(l -> termId.equals(l.term().bridgemapCode())).findFirst();
    }

    private LocalDate date(ServiceEntry s, String termId) {
        Optional<TermLink> link = valued(s, termId);
        if (link.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(Objects.toString(link.get().value(), ""));
        } catch (DateTimeParseException e) {
            problems.add(link.get().origin().problem("value", "\"" + link.get().value() + "\" is not a date (YYYY-MM-DD)"));
            return null;
        }
    }

    private Integer wholeNumber(ServiceEntry s, String termId) {
        Optional<TermLink> link = valued(s, termId);
        if (link.isEmpty()) {
            return null;
        }
        try {
            int value = Integer.parseInt(Objects.toString(link.get().value(), ""));
            if (value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(link.get().origin().problem("value", "\"" + link.get().value() + "\" is not a whole number ≥ 0"));
        return null;
    }

    private Double number(ServiceEntry s, String termId) {
        Optional<TermLink> link = valued(s, termId);
        if (link.isEmpty()) {
            return null;
        }
        try {
            double value = Double.parseDouble(Objects.toString(link.get().value(), ""));
            if (Double.isFinite(value) && value >= 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add(link.get().origin().problem("value", "\"" + link.get().value() + "\" is not a number ≥ 0"));
        return null;
    }

    /** The boroughs the service's areas name; a problem for each area that names none. */
    private List<Match> boroughs(ServiceEntry s) {
        Map<String, Match> found = new LinkedHashMap<>();
        if (s.areas().isEmpty()) {
            problems.add(s.origin().problem("service_areas", "the service has no service area; Bridgemap needs the "
                    + "boroughs it serves (a service area naming a borough or its GSS code)"));
            return List.of();
        }
        for (ServiceArea area : s.areas()) {
            List<Match> matches = area(area);
            if (matches == null) {
                continue;
            }
            for (Match m : matches) {
                found.putIfAbsent(m.id(), m);
            }
        }
        return List.copyOf(found.values());
    }

    /** The boroughs one area names, or null after reporting a problem. */
    private List<Match> area(ServiceArea area) {
        String field = area.name() != null ? "name" : area.text() != null ? "service_area"
                : area.description() != null ? "description" : area.uri() != null ? "uri" : "name";
        List<String> texts = new ArrayList<>();
        for (String text : new String[] {area.name(), area.text(), area.description(), area.uri(), area.extent()}) {
            if (text != null) {
                texts.add(text);
            }
        }
        Set<String> codes = new java.util.LinkedHashSet<>();
        for (String text : texts) {
            codes.addAll(BoroughMatcher.codesIn(text));
        }
        if (!codes.isEmpty()) {
            List<Match> matches = new ArrayList<>();
            for (String code : codes) {
                Optional<Borough> borough = boroughs.byCode(code);
                if (borough.isEmpty()) {
                    problems.add(area.origin().problem(field, "GSS code " + code + " is not a borough Bridgemap knows "
                            + "(not in the store or " + BoroughMatcher.REFERENCE + "); import it in a bundle's boroughs.csv first"));
                    return null;
                }
                matches.add(new Match(use(borough.get(), area.origin()), "GSS code " + code));
            }
            return matches;
        }
        for (String text : new String[] {area.name(), area.text(), area.description()}) {
            List<Borough> named = boroughs.byName(text);
            if (!named.isEmpty()) {
                return named.stream().map(b -> new Match(use(b, area.origin()), "name \"" + clean(text) + "\"")).toList();
            }
        }
        for (Rule rule : rules.rules(Target.AREA, On.TEXT)) {
            if (rule.matchesText(area.name()) || rule.matchesText(area.text()) || rule.matchesText(area.description())) {
                List<Match> matches = new ArrayList<>();
                for (String code : rule.boroughs()) {
                    Optional<Borough> borough = boroughs.byCode(code);
                    if (borough.isEmpty()) {
                        problems.add(rule.origin().problem("to", "GSS code " + code + " is not a borough Bridgemap knows "
                                + "(not in the store or " + BoroughMatcher.REFERENCE + ")"));
                        return null;
                    }
                    matches.add(new Match(use(borough.get(), area.origin()), rule.because()));
                }
                return matches;
            }
        }
        String shown = texts.isEmpty() ? "(empty)" : "\"" + shorten(clean(texts.get(0))) + "\"";
        problems.add(area.origin().problem(field, shown + " names no borough: give its GSS code (e.g. E09000019) or "
                + "name (e.g. Islington), or add an area rule to the mapping (area,text,WORDS,GSS code)"));
        return null;
    }

    /** Returns the borough's id, adding it to the bundle when the store lacks it. */
    private String use(Borough borough, Origin origin) {
        if (!boroughs.isStored(borough.id()) && newBoroughs.putIfAbsent(borough.id(), borough) == null) {
            newBoroughOrigins.put(borough.id(), origin);
        }
        return borough.id();
    }

    private void needs(ServiceEntry s, Map<String, Match> accepts, Map<String, Match> excludes) {
        // A service Bridgemap exported carries its needs as Bridgemap terms: they are exact, and rules would only add noise.
        boolean exact = s.terms().stream().anyMatch(l -> l.term().isBridgemap());
        for (TermLink link : s.terms()) {
            Term term = link.term();
            String code = Objects.toString(term.bridgemapCode(), "");
            if (code.startsWith(OpenReferralTaxonomy.NEED)) {
                String need = code.substring(OpenReferralTaxonomy.NEED.length());
                boolean exclude = OpenReferralTaxonomy.EXCLUDES.equalsIgnoreCase(Objects.toString(link.linkType(), ""));
                (exclude ? excludes : accepts).putIfAbsent(need(need, term.name(), link.origin()),
                        new Match(need, "Bridgemap term " + code));
                continue;
            }
            if (term.isBridgemap() || exact) {
                continue;
            }
            boolean mapped = false;
            for (Rule rule : rules.rules(Target.NEED, On.TERM)) {
                if (rule.matchesTerm(term)) {
                    mapped = true;
                    (rule.excludes() ? excludes : accepts).putIfAbsent(need(rule.to(), rule.name(), rule.origin()),
                            new Match(rule.to(), rule.because()));
                }
            }
            if (!mapped) {
                unmapped(term);
            }
        }
        if (exact) {
            return;
        }
        String text = String.join("\n", Objects.toString(s.name(), ""), Objects.toString(s.description(), ""),
                Objects.toString(s.eligibility(), ""));
        for (Rule rule : rules.rules(Target.NEED, On.TEXT)) {
            if (rule.matchesText(text)) {
                (rule.excludes() ? excludes : accepts).putIfAbsent(need(rule.to(), rule.name(), rule.origin()),
                        new Match(rule.to(), rule.because()));
            }
        }
    }

    /** Returns the need id, adding the need to the bundle when the store lacks it. */
    private String need(String id, String name, Origin origin) {
        if (!storedNeeds.containsKey(id) && !newNeeds.containsKey(id)) {
            String label = name != null && !name.isBlank() ? clean(name) : humanise(id);
            newNeeds.put(id, new Need(id, label));
            newNeedOrigins.put(id, origin);
        }
        return id;
    }

    private void unmapped(Term term) {
        unmapped.merge(term.id(), new UnmappedTerm(term.id(), term.term(), term.name(), term.taxonomy(), 1),
                (a, b) -> new UnmappedTerm(a.id(), a.term(), a.name(), a.taxonomy(), a.links() + 1));
    }

    private static String humanise(String id) {
        String words = id.replace('_', ' ').replace('-', ' ').strip();
        return words.isEmpty() ? id : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** White space collapsed to single spaces: names become one-line bundle cells. */
    static String clean(String text) {
        return text == null ? null : text.replaceAll("\\s+", " ").strip();
    }

    private static String shorten(String text) {
        return text.length() <= 80 ? text : text.substring(0, 79) + "…";
    }
}
