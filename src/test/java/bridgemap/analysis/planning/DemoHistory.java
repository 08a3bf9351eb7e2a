package bridgemap.analysis.planning;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkSnapshot;
import java.time.LocalDate;

/** Histories for timeline tests. */
final class DemoHistory {

    private DemoHistory() {}

    /** Every post, placement and funding row of the London demo. */
    static NetworkHistory demo() {
        return Snapshots.history(DemoSnapshots.bundle());
    }

    /** The structure of a small test snapshot, as a history. */
    static NetworkHistory of(NetworkSnapshot snapshot) {
        return new NetworkHistory(LocalDate.MIN, snapshot.boroughs(), snapshot.needs(), snapshot.nodes(), snapshot.settings(),
                snapshot.practitioners(), snapshot.placements(), snapshot.funders(), snapshot.funding());
    }
}
