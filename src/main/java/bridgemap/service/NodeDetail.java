package bridgemap.service;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.model.NetworkNode;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;

/**
 * One node as of a day: its measures (null when it sent and received no referral in the window), who
 * referred to it and whom it referred to, where practitioners are placed (or who is placed at a setting),
 * what a service accepts and excludes, who funds a practitioner, and which organisations an agency replaced
 * ({@code predecessors}) or was replaced by ({@code successors}), at any date ({@code successions.csv}).
 */
public record NodeDetail(
        LocalDate asOf,
        NetworkNode node,
        BottlenecksResult.NodeMeasures measures,
        List<Flow> referredBy,
        List<Flow> referredTo,
        List<Placed> placements,
        ServiceTerms service,
        List<Funded> funding,
        List<Succeeded> predecessors,
        List<Succeeded> successors) {

    /** A node that took over from, and was taken over by, nobody. */
    public NodeDetail(LocalDate asOf, NetworkNode node, BottlenecksResult.NodeMeasures measures, List<Flow> referredBy,
            List<Flow> referredTo, List<Placed> placements, ServiceTerms service, List<Funded> funding) {
        this(asOf, node, measures, referredBy, referredTo, placements, service, funding, List.of(), List.of());
    }

    public NodeDetail {
        referredBy = List.copyOf(referredBy);
        referredTo = List.copyOf(referredTo);
        placements = List.copyOf(placements);
        funding = List.copyOf(funding);
        predecessors = List.copyOf(predecessors);
        successors = List.copyOf(successors);
    }

    /** Referrals in the window between this node and {@code other}, by outcome. */
    public record Flow(NetworkNode other, Tally referrals, Tally accepted, Tally declined, Tally noResponse, Tally withdrawn,
            Tally pending) {}

    /** A practitioner placed at a setting on the day. */
    public record Placed(NetworkNode practitioner, NetworkNode setting, LocalDate start, LocalDate end) {}

    /** What a service takes. */
    public record ServiceTerms(List<String> boroughIds, List<String> accepts, List<String> excludes,
            Integer capacityPerMonth, Double waitWeeks) {}

    /**
     * The other side of a succession: the organisation ({@code id}, {@code name}) this node replaced or was replaced by,
     * from {@code date} (the successor's first day), what passed over ({@code takes}: role, funding, posts,
     * partnerships) and the note (the Act or order), or null.
     */
    public record Succeeded(String id, String name, LocalDate date, List<String> takes, String note) {
        public Succeeded {
            takes = List.copyOf(takes);
        }
    }

    /** A funding row active on the day. */
    public record Funded(String funderId, String funderName, Double amountGbp, LocalDate start, LocalDate end) {}
}
