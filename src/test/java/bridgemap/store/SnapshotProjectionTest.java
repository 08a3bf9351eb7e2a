package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.model.Case;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Service;
import bridgemap.testing.TestStore;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The snapshot read from Neo4j with the Cypher in cypher/snapshot equals an independent projection of the
 * demo's CSV files (analysis/Snapshots#project), on dates across the demo's history.
 */
class SnapshotProjectionTest {

    @ParameterizedTest
    @ValueSource(strings = {"1995-03-31", "2009-06-30", "2013-04-01", "2014-06-30"})
    void neo4jAndTheCsvFilesGiveTheSameSnapshot(String day) {
        TestStore.demo();
        LocalDate asOf = LocalDate.parse(day);
        NetworkSnapshot stored = new SnapshotRepository(TestStore.app().store()).load(asOf);
        NetworkSnapshot expected = DemoSnapshots.asOf(asOf);

        assertEquals(expected.boroughs(), stored.boroughs());
        assertEquals(Set.copyOf(expected.needs()), Set.copyOf(stored.needs()));
        assertEquals(nodeFacts(expected), nodeFacts(stored));
        assertEquals(Set.copyOf(expected.settings()), Set.copyOf(stored.settings()));
        assertEquals(sortedServices(expected), sortedServices(stored));
        assertEquals(Set.copyOf(expected.practitioners()), Set.copyOf(stored.practitioners()));
        assertEquals(Set.copyOf(expected.placements()), Set.copyOf(stored.placements()));
        assertEquals(Set.copyOf(expected.funders()), Set.copyOf(stored.funders()));
        assertEquals(Set.copyOf(expected.funding()), Set.copyOf(stored.funding()));
        assertEquals(Set.copyOf(expected.partnerships()), Set.copyOf(stored.partnerships()));
        assertEquals(sortedCases(expected), sortedCases(stored));
        assertEquals(expected.referrals(), stored.referrals(), "same referrals in the same (date, id) order");
    }

    /** Everything about a node but the name: practitioners are named by their placements on the day. */
    private static Set<List<Object>> nodeFacts(NetworkSnapshot s) {
        return s.nodes().values().stream()
                .map(n -> List.<Object>of(n.id(), n.type(), n.sector(), n.kind(), String.valueOf(n.boroughId())))
                .collect(Collectors.toSet());
    }

    private static Set<Service> sortedServices(NetworkSnapshot s) {
        return s.services().stream().map(x -> new Service(x.id(), x.name(), x.agencyId(), sorted(x.boroughIds()),
                sorted(x.accepts()), sorted(x.excludes()), x.capacityPerMonth(), x.waitWeeks(), x.period()))
                .collect(Collectors.toSet());
    }

    private static List<Case> sortedCases(NetworkSnapshot s) {
        return s.cases().stream().map(c -> new Case(c.id(), c.boroughId(), c.ageBand(), c.gender(), sorted(c.needIds())))
                .sorted(Comparator.comparing(Case::id)).toList();
    }

    private static List<String> sorted(List<String> ids) {
        return ids.stream().sorted().toList();
    }
}
