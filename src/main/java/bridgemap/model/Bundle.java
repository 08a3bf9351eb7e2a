package bridgemap.model;

import java.util.List;

/**
 * A validated import bundle: every list is in file order, every reference resolves.
 *
 * @param catchments the settings that serve more boroughs than their own ({@code catchments.csv}), at most one each
 * @param activity people passing through settings per period ({@code activity.csv})
 * @param populations boroughs' populations by year ({@code populations.csv})
 * @param successions organisations replacing others from a day ({@code successions.csv})
 */
public record Bundle(
        List<Borough> boroughs,
        List<Agency> agencies,
        List<Setting> settings,
        List<Need> needs,
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

    /** A bundle without successions. */
    public Bundle(List<Borough> boroughs, List<Agency> agencies, List<Setting> settings, List<Need> needs,
            List<Service> services, List<Practitioner> practitioners, List<Placement> placements, List<Funder> funders,
            List<Funding> funding, List<Partnership> partnerships, List<Case> cases, List<Referral> referrals,
            List<Catchment> catchments, List<Activity> activity, List<Population> populations) {
        this(boroughs, agencies, settings, needs, services, practitioners, placements, funders, funding, partnerships,
                cases, referrals, catchments, activity, populations, List.of());
    }

    /** A bundle without catchments, activity or populations. */
    public Bundle(List<Borough> boroughs, List<Agency> agencies, List<Setting> settings, List<Need> needs,
            List<Service> services, List<Practitioner> practitioners, List<Placement> placements, List<Funder> funders,
            List<Funding> funding, List<Partnership> partnerships, List<Case> cases, List<Referral> referrals) {
        this(boroughs, agencies, settings, needs, services, practitioners, placements, funders, funding, partnerships,
                cases, referrals, List.of(), List.of(), List.of());
    }

    public Bundle {
        boroughs = List.copyOf(boroughs);
        agencies = List.copyOf(agencies);
        settings = List.copyOf(settings);
        needs = List.copyOf(needs);
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

    /** Total number of rows across all files. */
    public int size() {
        return boroughs.size() + agencies.size() + settings.size() + needs.size() + services.size()
                + practitioners.size() + placements.size() + funders.size() + funding.size()
                + partnerships.size() + cases.size() + referrals.size() + catchments.size() + activity.size()
                + populations.size() + successions.size();
    }
}
