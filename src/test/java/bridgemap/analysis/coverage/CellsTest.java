package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.COURT;
import static bridgemap.analysis.coverage.CoverageFixtures.CUSTODY;
import static bridgemap.analysis.coverage.CoverageFixtures.D;
import static bridgemap.analysis.coverage.CoverageFixtures.MID_2014;
import static bridgemap.analysis.coverage.CoverageFixtures.PROBATION;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.SettingKind;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class CellsTest {

    static List<Cell> cells(Snapshots.Builder b) {
        return Cells.compute(cover(b));
    }

    static Cell cell(List<Cell> cells, CellKey key) {
        return cells.stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    static Cell cell(Snapshots.Builder b, CellKey key) {
        return cell(cells(b), key);
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> Cells.compute(null));
    }

    @Test
    void emptySnapshotHasNoCells() {
        assertEquals(List.of(), cells(CoverageFixtures.empty()));
    }

    @Test
    void aSettingWithNobodyIsAHole() {
        List<Cell> cells = cells(london());

        assertEquals(3, cells.size(), "one cell per borough and setting kind present; Bexley has none");
        Cell court = cell(cells, COURT);
        assertEquals(CellStatus.HOLE, court.status());
        assertEquals("hole", court.status().code());
        assertEquals(List.of("no cover"), court.reasons());
        assertEquals(List.of(), court.practitioners());
        assertEquals(0.0, court.fte());
    }

    @Test
    void onePractitionerWithOneFunderIsFragileForBothReasons() {
        var b = london().practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 40_000);

        Cell court = cell(b, COURT);

        assertEquals(CellStatus.FRAGILE, court.status());
        assertEquals(List.of("single practitioner", "single funder"), court.reasons());
        assertEquals(List.of(b.build().node("p1")), court.practitioners());
        assertEquals(List.of(new Funder("probation", "probation", FunderKind.OTHER)), court.funders());
        assertEquals(1.0, court.fte());
    }

    @Test
    void twoPractitionersWithTwoFundersAreCovered() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 40_000)
                .practitioner("p2", "together", 1.0).placement("p2", "court").funding("nhs", "p2", 40_000);

        Cell court = cell(b, COURT);

        assertEquals(CellStatus.COVERED, court.status());
        assertEquals(List.of(), court.reasons());
        assertEquals(List.of("nhs", "probation"), court.funders().stream().map(Funder::id).toList());
        assertEquals(2.0, court.fte());
    }

    @Test
    void twoPractitionersPaidByOneFunderAreASingleFunder() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 40_000)
                .practitioner("p2", "together", 1.0).placement("p2", "court").funding("probation", "p2", 40_000);

        assertEquals(List.of("single funder"), cell(b, COURT).reasons());
    }

    @Test
    void aPractitionerWithoutActiveFundingMakesTheCellUnfunded() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court")
                .funding("probation", "p1", 40_000).funding("nhs", "p1", 10_000)
                .practitioner("p2", "together", 1.0).placement("p2", "court")
                .funding("nhs", "p2", 40_000, Snapshots.between(null, D.minusDays(1)));
        var nobodyFunded = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court")
                .practitioner("p2", "together", 1.0).placement("p2", "court");

        assertEquals(List.of("unfunded"), cell(b, COURT).reasons());
        assertEquals(List.of("unfunded"), cell(nobodyFunded, COURT).reasons());
        assertEquals(List.of("single practitioner", "unfunded"),
                cell(london().practitioner("p1", "together", 1.0).placement("p1", "court"), COURT).reasons());
    }

    @Test
    void aCourtAndProbationPostIsSplitEquallyOverItsPlacements() {
        var b = CoverageFixtures.sharedPosts();

        List<Cell> cells = cells(b);

        assertEquals(0.9, cell(cells, COURT).fte(), 1e-12);
        assertEquals(0.9, cell(cells, PROBATION).fte(), 1e-12);
    }

    @Test
    void placementsAndPostsNotActiveOnTheDayDoNotCover() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court", Snapshots.between(null, D.minusDays(1)))
                .practitioner("p2", "FMHP", "together", 1.0, Snapshots.between(D.plusDays(1), null)).placement("p2", "court")
                .practitioner("p3", "together", 1.0).placement("p3", "office").placement("p3", "court",
                        Snapshots.between(D.plusDays(1), null));

        List<Cell> cells = cells(b);

        assertEquals(CellStatus.HOLE, cell(cells, COURT).status());
        assertEquals(1.0, cell(cells, PROBATION).fte(), "p3's one active placement takes the whole post");
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsCells() {
        List<Cell> sutton = Cells.compute(cover(CoverageFixtures.courtAndCustody(), "B2"));

        assertEquals(List.of(SettingKind.POLICE_CUSTODY), sutton.stream().map(Cell::kind).toList());
    }

    @Test
    void aBoroughWithNoSettingsHasNoCells() {
        assertEquals(List.of(), Cells.compute(cover(london(), "B3")));
    }

    @Test
    void cellsAreInBoroughNameThenKindOrder() {
        assertEquals(List.of(COURT, PROBATION, CUSTODY), cells(london()).stream().map(Cell::key).toList());
    }

    @Test
    void theLondonDemoHasForensicPractitionersInTwentyTwoBoroughsInMid2014() {
        Set<String> fmhpBoroughs = Cells.compute(CoverageFixtures.demo(MID_2014)).stream()
                .filter(c -> c.practitioners().stream().anyMatch(p -> p.kind().equals("FMHP")))
                .map(Cell::boroughId)
                .collect(Collectors.toSet());
        assertEquals(22, fmhpBoroughs.size(), "forensic mental health services in twenty-two London boroughs");
    }
}
