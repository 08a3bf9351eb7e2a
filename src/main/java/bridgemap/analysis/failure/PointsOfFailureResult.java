package bridgemap.analysis.failure;

import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.model.NetworkNode;
import bridgemap.model.Ratio;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The single points of failure as of {@code asOf} (docs/analysis.md, "Single points of failure").
 *
 * @param boroughId the borough filter, or null for all
 * @param points everyone and everything whose loss alone would break something, most people depending first
 */
public record PointsOfFailureResult(LocalDate asOf, String boroughId, List<PointOfFailure> points) {

    /** Reason measure: the shape of the referral network. */
    public static final String STRUCTURE = "structure";
    /** Reason measure: practitioner cover of places. */
    public static final String COVER = "cover";
    /** Reason measure: who carries people to health. */
    public static final String FLOW = "flow";

    /** In a flow reason's words, where the share goes. */
    public static final String SHARE = "{share}";

    public PointsOfFailureResult {
        Objects.requireNonNull(asOf, "asOf");
        points = List.copyOf(points);
    }

    /**
     * One single point of failure.
     *
     * @param people how much depends on it: the people in scope behind any of its reasons, each counted once
     * @param id the node's or the funder's id
     * @param type {@code practitioner}, {@code setting}, {@code agency}, {@code service} or {@code funder}
     * @param node the node, or null for a funder
     * @param reasons why it is one, in the order cover, flow, structure; a node of the referral network that is not a
     *     cut vertex ends with a {@code not_cut_vertex} reason saying so
     */
    public record PointOfFailure(Tally people, String id, String name, String type, NetworkNode node,
            List<Reason> reasons) {

        public PointOfFailure {
            Objects.requireNonNull(people, "people");
            reasons = List.copyOf(reasons);
        }
    }

    /**
     * One reason, in plain words with the technical term beside them.
     *
     * @param measure {@value #STRUCTURE}, {@value #COVER} or {@value #FLOW}
     * @param code {@code only_practitioner}, {@code funder_withdrawal} (cover); {@code main_broker} (flow);
     *     {@code sole_bridge}, {@code broker_cut}, {@code cut_vertex}, {@code not_cut_vertex} (structure)
     * @param term the technical term ("N−1 practitioner loss", "main broker", "cut vertex" …)
     * @param words the reason in plain words, without counts of people; in a flow reason {@value #SHARE} stands for
     *     {@code share}, as a percentage
     * @param share for a flow reason, the share of the setting's people to health it carried; else null
     * @param nodes what the reason is about: the settings of the places (cover), the setting (flow, sole bridge),
     *     the nodes its loss cuts off (cut vertex); empty otherwise
     * @param places for a cover reason, the places (borough × setting kind) left with no practitioner; else empty
     */
    public record Reason(String measure, String code, String term, String words, Ratio share, List<NetworkNode> nodes,
            List<CellKey> places) {

        public Reason {
            nodes = List.copyOf(nodes);
            places = List.copyOf(places);
        }

        /** True for every reason but the note that a node is not a cut vertex. */
        public boolean holds() {
            return !"not_cut_vertex".equals(code);
        }
    }
}
