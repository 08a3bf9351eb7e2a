package bridgemap.model;

import java.util.List;

/** A validated import bundle: every list is in file order, every reference resolves. */
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
        List<Referral> referrals) {

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
    }

    /** Total number of rows across all files. */
    public int size() {
        return boroughs.size() + agencies.size() + settings.size() + needs.size() + services.size()
                + practitioners.size() + placements.size() + funders.size() + funding.size()
                + partnerships.size() + cases.size() + referrals.size();
    }
}
