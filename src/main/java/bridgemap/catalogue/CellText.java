package bridgemap.catalogue;

import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.model.NetworkNode;
import java.util.List;
import java.util.stream.Collectors;

/** How a missing value or a list is written into one table cell, the same way by every analysis's renderers. */
final class CellText {

    private CellText() {}

    /** The value, or an empty cell for null. */
    static Object orEmpty(Object value) {
        return value == null ? "" : value;
    }

    /** "id;id" for tools. */
    static String ids(List<NetworkNode> nodes) {
        return nodes.stream().map(NetworkNode::id).collect(Collectors.joining(";"));
    }

    /** "FMHP at X (practitioner); Service Y" for people: names, with the kind of whatever is not a service. */
    static String names(List<NetworkNode> nodes) {
        return nodes.stream().map(n -> n.name() + (n.kind().equals("service") ? "" : " (" + n.kind() + ")"))
                .collect(Collectors.joining("; "));
    }

    /** "E09000019/magistrates_court;…" for tools: each coverage cell as borough and setting kind. */
    static String cellIds(List<CellKey> cells) {
        return cells.stream().map(k -> k.boroughId() + "/" + k.kind().code()).collect(Collectors.joining(";"));
    }
}
