package bridgemap.analysis;

import bridgemap.model.Activity;
import bridgemap.model.ActivityMeasure;
import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Catchment;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.Funding;
import bridgemap.model.Gender;
import bridgemap.model.Need;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.Partnership;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.Population;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Network snapshots written in code, so that a test reads like the situation it describes:
 *
 * <pre>
 * NetworkSnapshot s = Snapshots.on(D)
 *         .borough("B1", "Islington")
 *         .agency("trust", Sector.HEALTH)
 *         .service("cmht", "trust", "B1", "psychosis;personality_disorder", "substance_misuse")
 *         .caseIn("c1", "B1", "personality_disorder", "substance_misuse")
 *         .referral("c1", D.minusDays(10), "court", "cmht", Outcome.DECLINED)
 *         .build();
 * </pre>
 *
 * The builder collects raw, dated facts as a {@link Bundle} would hold them; {@link #project} turns them
 * into the snapshot as of D by the rules of {@code docs/analysis.md}, as the store's projection does —
 * so a service that ended before D, or a referral older than the window, can be written and is left out.
 * Lists inside a cell are {@code ;}-separated, as in bundle CSV files. Names default to ids.
 */
public final class Snapshots {

    private Snapshots() {}

    /** A builder for the snapshot as of {@code asOf}. */
    public static Builder on(LocalDate asOf) {
        return new Builder(asOf);
    }

    /** Both ends inclusive; null for an open end. */
    public static Period between(LocalDate start, LocalDate end) {
        return new Period(start, end);
    }

    /** The snapshot of {@code bundle} as of {@code asOf}: what the store's projection gives the analyses. */
    /** The undated history behind a bundle, as the store's SnapshotRepository#history gives it. */
    public static NetworkHistory history(Bundle bundle) {
        LocalDate earliest = java.util.stream.Stream.of(
                        bundle.practitioners().stream().map(p -> p.period().start()),
                        bundle.placements().stream().map(p -> p.period().start()),
                        bundle.funding().stream().map(f -> f.period().start()),
                        bundle.referrals().stream().map(Referral::date))
                .flatMap(x -> x).filter(java.util.Objects::nonNull).min(Comparator.naturalOrder()).orElse(null);
        return new NetworkHistory(earliest, bundle.boroughs(), bundle.needs(), nodes(bundle), bundle.settings(),
                bundle.practitioners(), bundle.placements(), bundle.funders(), bundle.funding());
    }

    private static Map<String, NetworkNode> nodes(Bundle bundle) {
        Map<String, Agency> agencies = new HashMap<>();
        bundle.agencies().forEach(a -> agencies.put(a.id(), a));
        Map<String, NetworkNode> nodes = new LinkedHashMap<>();
        for (Agency a : bundle.agencies()) {
            nodes.put(a.id(), new NetworkNode(a.id(), NodeType.AGENCY, a.name(), a.sector(), a.kind().code(), null));
        }
        for (Setting s : bundle.settings()) {
            nodes.put(s.id(), new NetworkNode(s.id(), NodeType.SETTING, s.name(), sectorOf(agencies, s.runById()),
                    s.kind().code(), s.boroughId()));
        }
        for (Practitioner p : bundle.practitioners()) {
            nodes.put(p.id(), new NetworkNode(p.id(), NodeType.PRACTITIONER, p.id(), sectorOf(agencies, p.employerId()),
                    p.role(), null));
        }
        for (Service s : bundle.services()) {
            nodes.put(s.id(), new NetworkNode(s.id(), NodeType.SERVICE, s.name(), sectorOf(agencies, s.agencyId()),
                    "service", null));
        }
        return nodes;
    }

    public static NetworkSnapshot project(Bundle bundle, LocalDate asOf) {
        Map<String, NetworkNode> nodes = nodes(bundle);
        List<Practitioner> inPost = bundle.practitioners().stream().filter(p -> p.period().contains(asOf)).toList();
        Set<String> inPostIds = new HashSet<>();
        inPost.forEach(p -> inPostIds.add(p.id()));
        LocalDate windowStart = asOf.minusDays(NetworkSnapshot.WINDOW_DAYS);
        List<Referral> referrals = bundle.referrals().stream()
                .filter(r -> r.date().isAfter(windowStart) && !r.date().isAfter(asOf))
                .sorted(Comparator.comparing(Referral::date).thenComparing(Referral::id))
                .toList();
        Set<String> inScope = new HashSet<>();
        referrals.forEach(r -> inScope.add(r.caseId()));
        // the successions in effect on the day applied, as both of the application's snapshot paths do
        return new bridgemap.model.Successions(bundle.successions()).applyTo(new NetworkSnapshot(
                asOf,
                bundle.boroughs(),
                bundle.needs(),
                nodes,
                bundle.settings(),
                bundle.services().stream().filter(s -> s.period().contains(asOf)).toList(),
                inPost,
                bundle.placements().stream()
                        .filter(p -> p.period().contains(asOf) && inPostIds.contains(p.practitionerId()))
                        .toList(),
                bundle.funders(),
                bundle.funding().stream().filter(f -> f.period().contains(asOf)).toList(),
                bundle.partnerships().stream().filter(p -> p.period().contains(asOf)).toList(),
                bundle.cases().stream().filter(c -> inScope.contains(c.id())).toList(),
                referrals,
                bundle.catchments(),
                bundle.activity().stream()
                        .filter(a -> !a.period().start().isAfter(asOf) && a.period().end().isAfter(windowStart))
                        .toList(),
                bundle.populations(),
                bundle.successions()));
    }

    private static Sector sectorOf(Map<String, Agency> agencies, String agencyId) {
        Agency agency = agencies.get(agencyId);
        return agency == null ? Sector.OTHER : agency.sector();
    }

    private static List<String> cell(String list) {
        return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(";"));
    }

    /** Raw facts of one situation; {@link #build()} projects them as of D. */
    public static final class Builder {

        private final LocalDate asOf;
        private final List<Borough> boroughs = new ArrayList<>();
        private final Set<String> needs = new LinkedHashSet<>();
        private final List<Agency> agencies = new ArrayList<>();
        private final List<Setting> settings = new ArrayList<>();
        private final List<Service> services = new ArrayList<>();
        private final List<Practitioner> practitioners = new ArrayList<>();
        private final List<Placement> placements = new ArrayList<>();
        private final List<Funder> funders = new ArrayList<>();
        private final List<Funding> funding = new ArrayList<>();
        private final List<Partnership> partnerships = new ArrayList<>();
        private final List<Case> cases = new ArrayList<>();
        private final List<Referral> referrals = new ArrayList<>();
        private final List<Catchment> catchments = new ArrayList<>();
        private final List<Activity> activity = new ArrayList<>();
        private final List<Population> populations = new ArrayList<>();

        private Builder(LocalDate asOf) {
            this.asOf = asOf;
        }

        public Builder borough(String id, String name) {
            boroughs.add(new Borough(id, name, "London"));
            return this;
        }

        /** Needs of the vocabulary, in order; needs first named by a service or a case are added after. */
        public Builder needs(String... ids) {
            needs.addAll(List.of(ids));
            return this;
        }

        public Builder agency(String id, Sector sector) {
            return agency(id, id, sector, AgencyKind.OTHER);
        }

        public Builder agency(String id, String name, Sector sector, AgencyKind kind) {
            agencies.add(new Agency(id, name, sector, kind, null));
            return this;
        }

        public Builder setting(String id, SettingKind kind, String boroughId, String runBy) {
            return setting(id, id, kind, boroughId, runBy);
        }

        public Builder setting(String id, String name, SettingKind kind, String boroughId, String runBy) {
            settings.add(new Setting(id, name, kind, boroughId, runBy));
            return this;
        }

        /** A service active at every date; boroughs, accepts and excludes are {@code ;}-separated. */
        public Builder service(String id, String agency, String boroughs, String accepts, String excludes) {
            return service(id, agency, boroughs, accepts, excludes, Period.ALWAYS);
        }

        public Builder service(String id, String agency, String boroughs, String accepts, String excludes, Period period) {
            return service(id, agency, boroughs, accepts, excludes, null, null, period);
        }

        /** A service stating a monthly capacity and a wait in weeks (either may be null). */
        public Builder service(String id, String agency, String boroughs, String accepts, String excludes,
                Integer capacityPerMonth, Double waitWeeks, Period period) {
            services.add(new Service(id, id, agency, cell(boroughs), cell(accepts), cell(excludes), capacityPerMonth,
                    waitWeeks, period));
            needs.addAll(cell(accepts));
            needs.addAll(cell(excludes));
            return this;
        }

        /** An FMHP in post at every date. */
        public Builder practitioner(String id, String employer, double fte) {
            return practitioner(id, "FMHP", employer, fte, Period.ALWAYS);
        }

        public Builder practitioner(String id, String role, String employer, double fte, Period period) {
            practitioners.add(new Practitioner(id, role, "nursing", employer, fte, period));
            return this;
        }

        public Builder placement(String practitioner, String setting) {
            return placement(practitioner, setting, Period.ALWAYS);
        }

        public Builder placement(String practitioner, String setting, Period period) {
            placements.add(new Placement(practitioner, setting, period));
            return this;
        }

        public Builder funder(String id) {
            funders.add(new Funder(id, id, FunderKind.OTHER));
            return this;
        }

        /** Funding active at every date. */
        public Builder funding(String funder, String practitioner, double amountGbp) {
            return funding(funder, practitioner, amountGbp, Period.ALWAYS);
        }

        public Builder funding(String funder, String practitioner, double amountGbp, Period period) {
            funding.add(new Funding(funder, practitioner, amountGbp, period));
            return this;
        }

        /** A partnership from one agency to another, active at every date. */
        public Builder partnership(String from, String to) {
            return partnership(from, to, Period.ALWAYS);
        }

        public Builder partnership(String from, String to, Period period) {
            partnerships.add(new Partnership(from, to, "referral_protocol", period));
            return this;
        }

        /** A case living in {@code boroughId} with these needs. */
        public Builder caseIn(String id, String boroughId, String... needIds) {
            cases.add(new Case(id, boroughId, "25-34", Gender.UNKNOWN, List.of(needIds)));
            needs.addAll(List.of(needIds));
            return this;
        }

        /** A referral with the next id ({@code r-0001}, {@code r-0002}, … in the order written). */
        public Builder referral(String caseId, LocalDate date, String from, String to, Outcome outcome) {
            return referral(String.format("r-%04d", referrals.size() + 1), caseId, date, from, to, outcome);
        }

        public Builder referral(String id, String caseId, LocalDate date, String from, String to, Outcome outcome) {
            referrals.add(new Referral(id, caseId, date, from, to, outcome, null));
            return this;
        }

        /** The boroughs a setting serves ({@code ;}-separated), its own among them. */
        public Builder catchment(String setting, String boroughs) {
            catchments.add(new Catchment(setting, cell(boroughs), null));
            return this;
        }

        /** An activity figure with no flagged share. */
        public Builder activity(String setting, ActivityMeasure measure, LocalDate start, LocalDate end, long count) {
            return activity(setting, measure, start, end, count, null);
        }

        public Builder activity(String setting, ActivityMeasure measure, LocalDate start, LocalDate end, long count,
                Double mentalHealthShare) {
            activity.add(new Activity(setting, new Period(start, end), measure, count, mentalHealthShare, null));
            return this;
        }

        public Builder population(String borough, int year, long people) {
            populations.add(new Population(borough, year, people, null));
            return this;
        }

        /** The raw facts, as an import bundle would hold them. */
        public Bundle bundle() {
            return new Bundle(boroughs, agencies, settings, needs.stream().map(n -> new Need(n, n)).toList(), services,
                    practitioners, placements, funders, funding, partnerships, cases, referrals, catchments, activity,
                    populations);
        }

        /** The snapshot as of D. */
        public NetworkSnapshot build() {
            return project(bundle(), asOf);
        }
    }
}
