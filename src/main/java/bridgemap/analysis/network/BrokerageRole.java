package bridgemap.analysis.network;

/**
 * Gould and Fernandez's five brokerage roles for a broker v between a and b (a→v→b, no a→b), in
 * the column order of R's {@code sna::brokerage} ({@code raw.nli}); g(x) is x's group.
 */
public enum BrokerageRole {
    /** g(a) = g(v) = g(b): a local broker within one group (sna {@code w_I}). */
    COORDINATOR("w_I"),
    /** g(a) = g(b) ≠ g(v): an outsider brokering within another group; "consultant" (sna {@code w_O}). */
    ITINERANT("w_O"),
    /** g(a) = g(v) ≠ g(b): v passes its own group's flow out (sna {@code b_IO}). */
    REPRESENTATIVE("b_IO"),
    /** g(a) ≠ g(v) = g(b): v lets an outsider's flow into its own group (sna {@code b_OI}). */
    GATEKEEPER("b_OI"),
    /** g(a), g(v), g(b) all different (sna {@code b_O}). */
    LIAISON("b_O");

    private final String snaColumn;

    BrokerageRole(String snaColumn) {
        this.snaColumn = snaColumn;
    }

    /** The column name R's {@code sna::brokerage} gives this role. */
    public String snaColumn() {
        return snaColumn;
    }

    /** The role of v brokering from a to b, given the three groups. */
    static BrokerageRole of(int groupA, int groupV, int groupB) {
        if (groupA == groupV) {
            return groupV == groupB ? COORDINATOR : REPRESENTATIVE;
        }
        if (groupV == groupB) {
            return GATEKEEPER;
        }
        return groupA == groupB ? ITINERANT : LIAISON;
    }
}
