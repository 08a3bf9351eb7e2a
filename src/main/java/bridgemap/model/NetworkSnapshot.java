package bridgemap.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the store holds, as of day {@link #asOf()} (D): the input of every analysis. Dated facts are
 * already filtered to those active on D ({@link Period#contains}); referrals to those dated in the
 * referral window (D − 365 days, D], in date order; cases to those with a referral in the window.
 *
 * @param nodes every setting, agency, practitioner and service, active or not, by id (for names and sectors)
 * @param settings every setting
 * @param services services active on D
 * @param practitioners practitioners in post on D
 * @param placements placements active on D of practitioners in post on D
 * @param funding funding rows active on D
 * @param partnerships partnerships active on D
 * @param cases cases with at least one referral in the window
 * @param referrals referrals dated in the window, in date order (ties by id)
 * @param catchments the settings that serve more boroughs than their own ({@link #boroughsServed()})
 * @param activity activity figures whose period overlaps the window (D − 365 days, D]
 * @param populations every borough population figure, any year
 * @param successions every succession, any date; the rows above already have those in effect on D applied
 *     ({@link Successions#applyTo}): they name whoever held each employer, funder and partner that day
 */
public record NetworkSnapshot(
        LocalDate asOf,
        List<Borough> boroughs,
        List<Need> needs,
        Map<String, NetworkNode> nodes,
        List<Setting> settings,
        List<Service> services,
        List<Practitioner> practitioners,
        List<Placement> placements,
        List<Funder> funders,
        List<Funding> funding,
        List<Partnership> partnerships,
        List<Case> cases,
        List<Referral> referrals,
        List<Catchment> catchments,
        List<Activity> activity,
        List<Population> populations,
        List<Succession> successions) {

    /** A snapshot without successions. */
    public NetworkSnapshot(LocalDate asOf, List<Borough> boroughs, List<Need> needs, Map<String, NetworkNode> nodes,
            List<Setting> settings, List<Service> services, List<Practitioner> practitioners, List<Placement> placements,
            List<Funder> funders, List<Funding> funding, List<Partnership> partnerships, List<Case> cases,
            List<Referral> referrals, List<Catchment> catchments, List<Activity> activity, List<Population> populations) {
        this(asOf, boroughs, needs, nodes, settings, services, practitioners, placements, funders, funding, partnerships,
                cases, referrals, catchments, activity, populations, List.of());
    }

    /** A snapshot without catchments, activity or populations: every setting serves its own borough. */
    public NetworkSnapshot(LocalDate asOf, List<Borough> boroughs, List<Need> needs, Map<String, NetworkNode> nodes,
            List<Setting> settings, List<Service> services, List<Practitioner> practitioners, List<Placement> placements,
            List<Funder> funders, List<Funding> funding, List<Partnership> partnerships, List<Case> cases,
            List<Referral> referrals) {
        this(asOf, boroughs, needs, nodes, settings, services, practitioners, placements, funders, funding, partnerships,
                cases, referrals, List.of(), List.of(), List.of());
    }

    /** Length of the referral window, in days. */
    public static final int WINDOW_DAYS = 365;

    public NetworkSnapshot {
        Objects.requireNonNull(asOf, "asOf");
        boroughs = List.copyOf(boroughs);
        needs = List.copyOf(needs);
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        settings = List.copyOf(settings);
        services = List.copyOf(services);
        practitioners = List.copyOf(practitioners);
        placements = List.copyOf(placements);
        funders = List.copyOf(funders);
        funding = List.copyOf(funding);
        partnerships = List.copyOf(partnerships);
        cases = List.copyOf(cases);
        referrals = List.copyOf(referrals);
        catchments = List.copyOf(catchments);
        activity = List.copyOf(activity);
        populations = List.copyOf(populations);
        successions = List.copyOf(successions);
    }

    /**
     * The boroughs each setting serves, by setting id: its catchment's boroughs when it has one, else the borough it
     * stands in (none for a setting without a borough). Built afresh on each call: O(S + C).
     */
    public Map<String, List<String>> boroughsServed() {
        Map<String, List<String>> served = new LinkedHashMap<>();
        for (Setting setting : settings) {
            served.put(setting.id(), setting.boroughId() == null ? List.of() : List.of(setting.boroughId()));
        }
        for (Catchment catchment : catchments) {
            if (served.containsKey(catchment.settingId())) {
                served.put(catchment.settingId(), catchment.boroughIds());
            }
        }
        return served;
    }

    /** The first day after the window's open start: referrals dated after {@code asOf − 365} count. */
    public LocalDate windowStart() {
        return asOf.minusDays(WINDOW_DAYS);
    }

    /** The node with this id; throws when unknown (a snapshot is always complete). */
    public NetworkNode node(String id) {
        NetworkNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in the snapshot");
        }
        return node;
    }
}
