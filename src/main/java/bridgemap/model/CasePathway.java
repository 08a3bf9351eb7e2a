package bridgemap.model;

import java.time.LocalDate;
import java.util.List;

/** One pseudonymous case's referral chain, in date order: a research and casework view, audit-logged where served. */
public record CasePathway(String id, String boroughId, String ageBand, Gender gender, List<String> needIds, List<Step> steps) {

    public CasePathway {
        needIds = List.copyOf(needIds);
        steps = List.copyOf(steps);
    }

    /** One referral of the chain, with both ends as the analyses name them. */
    public record Step(String referralId, LocalDate date, NetworkNode from, NetworkNode to, Outcome outcome, String reason) {}
}
