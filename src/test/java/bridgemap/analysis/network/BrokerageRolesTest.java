package bridgemap.analysis.network;

import static bridgemap.analysis.network.BrokerageRole.COORDINATOR;
import static bridgemap.analysis.network.BrokerageRole.GATEKEEPER;
import static bridgemap.analysis.network.BrokerageRole.ITINERANT;
import static bridgemap.analysis.network.BrokerageRole.LIAISON;
import static bridgemap.analysis.network.BrokerageRole.REPRESENTATIVE;
import static bridgemap.analysis.network.TestGraphs.bernoulli;
import static bridgemap.analysis.network.TestGraphs.digraph;
import static bridgemap.analysis.network.TestGraphs.undirected;
import static bridgemap.analysis.network.TestGraphs.withVertices;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.FieldSource;

class BrokerageRolesTest {

    /** The path a=0 → v=1 → b=2, with no 0→2: vertex 1 brokers (0, 2) and nothing else is brokered. */
    private static final Graph<Integer, DefaultEdge> PATH = digraph(3, 0, 1, 1, 2);

    @Test
    void nullArgumentsAreRejected() {
        assertThrows(NullPointerException.class, () -> BrokerageRoles.compute(null, new int[0]));
        assertThrows(NullPointerException.class, () -> BrokerageRoles.compute(digraph(1), null));
    }

    @Test
    void groupLengthMustMatch() {
        assertThrows(IllegalArgumentException.class, () -> BrokerageRoles.compute(PATH, new int[] {1, 1}));
    }

    @Test
    void nonDenseIdsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> BrokerageRoles.compute(withVertices(0, 3), new int[2]));
    }

    @Test
    void emptyGraph() {
        BrokerageResult r = BrokerageRoles.compute(digraph(0), new int[0]);
        assertEquals(0, r.vertexCount());
    }

    @Test
    void singleton() {
        BrokerageResult r = BrokerageRoles.compute(digraph(1), new int[] {1});
        assertEquals(0, r.total(0));
    }

    @Test
    void pairBrokersNothing() {
        BrokerageResult r = BrokerageRoles.compute(digraph(2, 0, 1, 1, 0), new int[] {1, 2});
        assertArrayEquals(new long[] {0, 0}, r.totals());
    }

    @Test
    void disconnectedComponentsAreCountedSeparately() {
        // Two separate paths 0→1→2 and 3→4→5; 1 is a coordinator, 4 a liaison, nothing else.
        BrokerageResult r = BrokerageRoles.compute(digraph(6, 0, 1, 1, 2, 3, 4, 4, 5), new int[] {1, 1, 1, 1, 2, 3});
        assertEquals(1, r.count(COORDINATOR, 1));
        assertEquals(1, r.count(LIAISON, 4));
        assertArrayEquals(new long[] {0, 1, 0, 0, 1, 0}, r.totals());
    }

    @Test
    void coordinator() {
        // Groups 1, 1, 1: a, v and b share a group.
        assertOnlyBroker(BrokerageRoles.compute(PATH, new int[] {1, 1, 1}), COORDINATOR);
    }

    @Test
    void itinerant() {
        // Groups 1, 2, 1: v brokers between two members of another group.
        assertOnlyBroker(BrokerageRoles.compute(PATH, new int[] {1, 2, 1}), ITINERANT);
    }

    @Test
    void representative() {
        // Groups 1, 1, 2: v passes its own group's flow (from a) out to b.
        assertOnlyBroker(BrokerageRoles.compute(PATH, new int[] {1, 1, 2}), REPRESENTATIVE);
    }

    @Test
    void gatekeeper() {
        // Groups 1, 2, 2: v lets a's flow into its own group.
        assertOnlyBroker(BrokerageRoles.compute(PATH, new int[] {1, 2, 2}), GATEKEEPER);
    }

    @Test
    void liaison() {
        // Groups 1, 2, 3: all different.
        assertOnlyBroker(BrokerageRoles.compute(PATH, new int[] {1, 2, 3}), LIAISON);
    }

    @Test
    void closedTriangleBrokersNothing() {
        // 0→1→2 but also 0→2: no brokerage.
        BrokerageResult r = BrokerageRoles.compute(digraph(3, 0, 1, 1, 2, 0, 2), new int[] {1, 2, 3});
        assertArrayEquals(new long[] {0, 0, 0}, r.totals());
    }

    @Test
    void reciprocatedTie() {
        // 0↔1 and 1→2, groups 1, 1, 2. Two-paths through 1: 0→1→0 (a = b: never counted) and
        // 0→1→2 (no 0→2: counted, representative). Through 0: 1→0→1 (a = b). So 1 brokers one pair.
        BrokerageResult r = BrokerageRoles.compute(digraph(3, 0, 1, 1, 0, 1, 2), new int[] {1, 1, 2});
        assertOnlyBroker(r, REPRESENTATIVE);
    }

    @Test
    void reverseArcDoesNotCloseTheTriad() {
        // As above plus 2→0. Vertex 1 still brokers (0, 2): only 0→2 would close it, 2→0 does not.
        // New two-paths: 1→2→0 (1→0 exists: closed), 2→0→1 (no 2→1: 0 brokers (2, 1), groups
        // 2, 1, 1: gatekeeper), 2→0→... nothing else.
        BrokerageResult r = BrokerageRoles.compute(digraph(3, 0, 1, 1, 0, 1, 2, 2, 0), new int[] {1, 1, 2});
        assertEquals(1, r.count(REPRESENTATIVE, 1));
        assertEquals(1, r.total(1));
        assertEquals(1, r.count(GATEKEEPER, 0));
        assertEquals(1, r.total(0));
        assertEquals(0, r.total(2));
    }

    @Test
    void reciprocatedTiesOnBothSides() {
        // 0↔1↔2, groups 1, 2, 3: vertex 1 brokers (0, 2) and (2, 0), both liaison.
        BrokerageResult r = BrokerageRoles.compute(digraph(3, 0, 1, 1, 0, 1, 2, 2, 1), new int[] {1, 2, 3});
        assertEquals(2, r.count(LIAISON, 1));
        assertArrayEquals(new long[] {0, 2, 0}, r.totals());
    }

    @Test
    void selfLoopsAreIgnored() {
        assertEquals(BrokerageRoles.compute(PATH, new int[] {1, 2, 3}),
                BrokerageRoles.compute(digraph(3, 0, 1, 1, 2, 0, 0, 1, 1, 2, 2), new int[] {1, 2, 3}));
    }

    @Test
    void undirectedGraphIsTheSymmetricDigraph() {
        int[] group = {1, 2, 3};
        assertEquals(BrokerageRoles.compute(digraph(3, 0, 1, 1, 0, 1, 2, 2, 1), group),
                BrokerageRoles.compute(undirected(3, 0, 1, 1, 2), group));
    }

    @Test
    void callerGroupArrayIsNotModified() {
        int[] group = {1, 2, 3};
        BrokerageRoles.compute(PATH, group);
        assertArrayEquals(new int[] {1, 2, 3}, group);
    }

    @ParameterizedTest
    @FieldSource("bridgemap.analysis.network.ReferenceFixtures#SNA")
    void matchesRSna(String name) {
        ReferenceFixtures.Sna f = ReferenceFixtures.sna(name);
        Graph<Integer, DefaultEdge> g = digraph(f.n());
        for (int[] arc : f.arcs()) {
            g.addEdge(arc[0], arc[1]);
        }
        BrokerageResult r = BrokerageRoles.compute(g, f.group());
        for (int v = 0; v < f.n(); v++) {
            long[] expected = f.rawNli()[v];
            for (BrokerageRole role : BrokerageRole.values()) {
                assertEquals(expected[role.ordinal()], r.count(role, v), name + ": vertex " + v + " " + role.snaColumn());
            }
            assertEquals(expected[5], r.total(v), name + ": vertex " + v + " t");
        }
    }

    @Test
    void snaColumnOrder() {
        assertEquals(List.of("w_I", "w_O", "b_IO", "b_OI", "b_O"),
                java.util.Arrays.stream(BrokerageRole.values()).map(BrokerageRole::snaColumn).toList());
    }

    @ParameterizedTest
    @CsvSource({"20, 0.2, 1", "50, 0.1, 2", "30, 0.5, 3"})
    void matchesTheDefinitionByBruteForce(int n, double p, long seed) {
        Graph<Integer, DefaultEdge> g = bernoulli(n, p, seed);
        int[] group = new int[n];
        for (int v = 0; v < n; v++) {
            group[v] = (int) ((v * 7L + seed) % 4);
        }
        long[][] expected = new long[5][n];
        for (int a = 0; a < n; a++) {
            for (int v = 0; v < n; v++) {
                for (int b = 0; b < n; b++) {
                    if (a != v && v != b && a != b && g.containsEdge(a, v) && g.containsEdge(v, b)
                            && !g.containsEdge(a, b)) {
                        expected[BrokerageRole.of(group[a], group[v], group[b]).ordinal()][v]++;
                    }
                }
            }
        }
        assertEquals(new BrokerageResult(expected), BrokerageRoles.compute(g, group));
    }

    private static void assertOnlyBroker(BrokerageResult r, BrokerageRole role) {
        for (BrokerageRole other : BrokerageRole.values()) {
            assertEquals(other == role ? 1 : 0, r.count(other, 1), other.toString());
        }
        assertEquals(1, r.total(1));
        assertEquals(0, r.total(0));
        assertEquals(0, r.total(2));
    }
}
