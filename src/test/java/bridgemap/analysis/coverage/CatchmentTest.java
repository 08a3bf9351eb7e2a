package bridgemap.analysis.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A setting serves every borough of its catchment (issue 14: Camberwell Green serves Lambeth and Southwark). */
class CatchmentTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);

    @Test
    void aCourtBelongsToACellOfEachBoroughItServesAndItsFteIsShared() {
        NetworkSnapshot snapshot = Snapshots.on(D)
                .borough("E09000022", "Lambeth").borough("E09000028", "Southwark")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("together", Sector.VOLUNTARY)
                .setting("camberwell", "Camberwell Green Magistrates' Court", SettingKind.MAGISTRATES_COURT, "E09000028", "hmcts")
                .catchment("camberwell", "E09000022;E09000028")
                .practitioner("fmhp-1", "together", 1.0).placement("fmhp-1", "camberwell")
                .build();
        CoverageResult lambeth = CoverageAnalysis.compute(snapshot, "E09000022");
        assertEquals(1, lambeth.cells().size());
        CoverageResult.Cell court = lambeth.cells().get(0);
        assertEquals(SettingKind.MAGISTRATES_COURT, court.kind());
        assertEquals(List.of("Camberwell Green Magistrates' Court"), court.settings().stream().map(s -> s.name()).toList());
        assertEquals(0.5, court.fte(), 1e-9, "one FTE shared by the two boroughs the court serves");
        CoverageResult all = CoverageAnalysis.compute(snapshot, null);
        assertEquals(1.0, all.cells().stream().mapToDouble(CoverageResult.Cell::fte).sum(), 1e-9);
    }

    @Test
    void onTheDemoLambethsCoverageShowsCamberwellGreen() {
        CoverageResult lambeth = CoverageAnalysis.compute(DemoSnapshots.asOf(D), "E09000022");
        CoverageResult.Cell court = lambeth.cells().stream().filter(c -> c.kind() == SettingKind.MAGISTRATES_COURT)
                .findFirst().orElseThrow();
        assertTrue(court.settings().stream().anyMatch(s -> s.name().contains("Camberwell Green")), court.toString());
        assertTrue(court.status() != CellStatus.HOLE, "an FMHP is placed at Camberwell Green in 2014: " + court);
    }

    /**
     * Issue 14: Lambeth's bottlenecks showed Camberwell Green while its coverage showed no magistrates' court. Now
     * every court and custody suite on Lambeth's people's routes that serves Lambeth is in Lambeth's coverage, and
     * gaps check Camberwell Green's reach for Lambeth too.
     */
    @Test
    void onTheDemoLambethsBottlenecksCoverageAndGapsAgreeOnItsCourts() {
        var snapshot = DemoSnapshots.asOf(D);
        var served = snapshot.boroughsServed();
        var routes = bridgemap.analysis.bottlenecks.BottleneckAnalysis.compute(snapshot, "E09000022").entryRoutes();
        List<String> entriesServingLambeth = routes.stream().map(r -> r.entry())
                .filter(n -> served.getOrDefault(n.id(), List.of()).contains("E09000022"))
                .filter(n -> snapshot.settings().stream().anyMatch(s -> s.id().equals(n.id()) && s.kind().isEntry()))
                .map(n -> n.name()).sorted().toList();
        assertTrue(entriesServingLambeth.stream().anyMatch(n -> n.contains("Camberwell Green")), entriesServingLambeth.toString());
        List<String> inCoverage = CoverageAnalysis.compute(snapshot, "E09000022").cells().stream()
                .flatMap(c -> c.settings().stream()).map(s -> s.name()).toList();
        assertTrue(inCoverage.containsAll(entriesServingLambeth), inCoverage + " lacks some of " + entriesServingLambeth);
        List<String> inGaps = bridgemap.analysis.gaps.UnreachableEntries.compute(snapshot, "E09000022").settings().stream()
                .map(e -> e.setting().name()).toList();
        assertTrue(inGaps.stream().anyMatch(n -> n.contains("Camberwell Green")), inGaps.toString());
    }
}
