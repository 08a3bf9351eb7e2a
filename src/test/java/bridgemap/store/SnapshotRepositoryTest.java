package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import bridgemap.graph.ReferralGraph;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.testing.TestStore;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The as-of snapshot read from the real store, checked by hand against the tiny bundle. */
class SnapshotRepositoryTest {

    private static SnapshotRepository snapshots;

    @BeforeAll
    static void load() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        snapshots = new SnapshotRepository(TestStore.app().store());
    }

    @Test
    void theDefaultAsOfIsTheLatestReferral() {
        assertEquals(LocalDate.of(2014, 3, 1), snapshots.latestReferralDate().orElseThrow());
    }

    @Test
    void datedFactsAreThoseActiveOnTheDay() {
        NetworkSnapshot s = snapshots.load(LocalDate.of(2014, 3, 1));
        assertEquals(List.of("fmhp-isl-02"), s.practitioners().stream().map(p -> p.id()).toList());
        assertEquals(2, s.placements().size());
        assertEquals(1, s.funding().size(), "only the 2013/14 grant is active on 2014-03-01");
        assertEquals(42000.0, s.funding().get(0).amountGbp());
        assertEquals(2, s.services().size());
        assertEquals(List.of("E09000012", "E09000019"), s.services().get(1).boroughIds());
        assertEquals(2, s.partnerships().size());
        assertEquals(13, s.nodes().size(), "3 settings, 6 agencies, 2 practitioners, 2 services");
        // End dates are inclusive: on 2014-03-31 the 2013/14 grant is still active, on 2014-04-01 the next one.
        assertEquals(LocalDate.of(2013, 4, 1), snapshots.load(LocalDate.of(2014, 3, 31)).funding().get(0).period().start());
        assertEquals(LocalDate.of(2014, 4, 1), snapshots.load(LocalDate.of(2014, 4, 1)).funding().get(0).period().start());
        // Before sms-isl started (2005-04-01) only the CMHT is active.
        assertEquals(1, snapshots.load(LocalDate.of(2004, 1, 1)).services().size());
    }

    @Test
    void theWindowIsTheYearEndingOnTheDay() {
        NetworkSnapshot s = snapshots.load(LocalDate.of(2014, 2, 28));
        assertEquals(List.of("r-0001", "r-0002", "r-0003"), s.referrals().stream().map(Referral::id).toList());
        assertEquals(List.of("c-0001"), s.cases().stream().map(c -> c.id()).toList());
        assertEquals(List.of("personality_disorder", "substance_misuse"), s.cases().get(0).needIds());
        // 2015-02-03 is 365 days after 2014-02-03: the window (2014-02-03, 2015-02-03] no longer holds r-0001.
        assertEquals(List.of("r-0002", "r-0003", "r-0004"),
                snapshots.load(LocalDate.of(2015, 2, 3)).referrals().stream().map(Referral::id).toList());
    }

    @Test
    void nodesCarryTheSectorTheAnalysesGiveThem() {
        NetworkSnapshot s = snapshots.load(LocalDate.of(2014, 3, 1));
        assertEquals(new NetworkNode("mc-highbury", NodeType.SETTING, "Highbury Corner Magistrates' Court",
                Sector.CRIMINAL_JUSTICE, "magistrates_court", "E09000019"), s.node("mc-highbury"));
        assertEquals(Sector.VOLUNTARY, s.node("fmhp-isl-02").sector(), "a practitioner takes its employer's sector");
        assertEquals("FMHP", s.node("fmhp-isl-02").kind());
        assertEquals(Sector.SUBSTANCE_MISUSE, s.node("sms-isl").sector(), "a service takes its agency's sector");
        assertEquals("service", s.node("sms-isl").kind());
        assertNull(s.node("lpt").boroughId());
    }

    @Test
    void theReferralGraphHasOneEdgePerPairWithOutcomeCounts() {
        ReferralGraph graph = ReferralGraph.of(snapshots.load(LocalDate.of(2014, 3, 1)));
        assertEquals(5, graph.size(), "court, FMHP, CMHT, substance service, custody suite");
        assertEquals(4, graph.graph().edgeSet().size());
        var edge = graph.graph().getEdge(graph.vertex("fmhp-isl-02"), graph.vertex("cmht-isl"));
        assertEquals(1, edge.referrals());
        assertEquals(1, edge.declined());
        assertEquals(-1, graph.vertex("lpt"), "an agency that sent and received nothing is not in the graph");
    }
}
