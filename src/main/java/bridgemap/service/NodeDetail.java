package bridgemap.service;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.model.NetworkNode;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;

/**
 * One node as of a day: its measures (null when it sent and received no referral in the window), who
 * referred to it and whom it referred to, where practitioners are placed (or who is placed at a setting),
 * what a service accepts and excludes, and who funds a practitioner.
 */
public record NodeDetail(
        LocalDate asOf,
        NetworkNode node,
        BottlenecksResult.NodeMeasures measures,
        List<Flow> referredBy,
        List<Flow> referredTo,
        List<Placed> placements,
        ServiceTerms service,
        List<Funded> funding) {

    public NodeDetail {
        referredBy = List.copyOf(referredBy);
        referredTo = List.copyOf(referredTo);
        placements = List.copyOf(placements);
        funding = List.copyOf(funding);
    }

    /** Referrals in the window between this node and {@code other}, by outcome. */
    public record Flow(NetworkNode other, Tally referrals, Tally accepted, Tally declined, Tally noResponse, Tally withdrawn,
            Tally pending) {}

    /** A practitioner placed at a setting on the day. */
    public record Placed(NetworkNode practitioner, NetworkNode setting, LocalDate start, LocalDate end) {}

    /** What a service takes. */
    public record ServiceTerms(List<String> boroughIds, List<String> accepts, List<String> excludes,
            Integer capacityPerMonth, Double waitWeeks) {}

    /** A funding row active on the day. */
    public record Funded(String funderId, String funderName, Double amountGbp, LocalDate start, LocalDate end) {}
}
