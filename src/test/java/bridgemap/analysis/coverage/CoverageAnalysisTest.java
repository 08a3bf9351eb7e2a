package bridgemap.analysis.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.FunderLoss;
import bridgemap.analysis.coverage.CoverageResult.FundingEnding;
import bridgemap.analysis.coverage.CoverageResult.PractitionerLoss;
import bridgemap.analysis.coverage.CoverageResult.Summary;
import bridgemap.analysis.coverage.CoverageResult.UncoveredSetting;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.NetworkNode;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class CoverageAnalysisTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);
    static final CellKey COURT = new CellKey("B1", "Islington", SettingKind.MAGISTRATES_COURT);
    static final CellKey PROBATION = new CellKey("B1", "Islington", SettingKind.PROBATION_OFFICE);

    /** Islington has a magistrates' court and a probation office; Sutton has a custody suite. Nobody is placed yet. */
    static Snapshots.Builder london() {
        return Snapshots.on(D)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .borough("B3", "Bexley")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("lpt", Sector.CRIMINAL_JUSTICE)
                .agency("mps", Sector.CRIMINAL_JUSTICE)
                .agency("together", Sector.VOLUNTARY)
                .setting("court", "Highbury Corner Magistrates' Court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .setting("office", "Islington probation office", SettingKind.PROBATION_OFFICE, "B1", "lpt")
                .setting("custody", "Sutton custody suite", SettingKind.POLICE_CUSTODY, "B2", "mps")
                .funder("probation")
                .funder("nhs");
    }

    static CoverageResult coverage(Snapshots.Builder b) {
        return CoverageAnalysis.compute(b.build(), null);
    }

    static Cell cell(CoverageResult result, CellKey key) {
        return result.cells().stream().filter(c -> c.key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> CoverageAnalysis.compute(null, null));
    }

    @Test
    void emptySnapshotHasNoCells() {
        CoverageResult result = CoverageAnalysis.compute(Snapshots.on(D).build(), null);
        assertEquals(new Summary(0, 0, 0, 0, 0, 0, 0.0, 0.0), result.summary());
        assertEquals(List.of(), result.cells());
        assertEquals(List.of(), result.settingsWithoutCover());
    }

    @Test
    void aSettingWithNobodyIsAHoleAndAnUncoveredEntry() {
        CoverageResult result = coverage(london());

        assertEquals(3, result.cells().size(), "one cell per borough and setting kind present; Bexley has none");
        Cell court = cell(result, COURT);
        assertEquals(CellStatus.HOLE, court.status());
        assertEquals("hole", court.status().code());
        assertEquals(List.of("no cover"), court.reasons());
        assertEquals(List.of(), court.practitioners());
        assertEquals(0.0, court.fte());
        assertEquals(List.of("court", "custody"),
                result.settingsWithoutCover().stream().map(u -> u.setting().id()).toList(),
                "entry settings only: the probation office is not an entry");
        assertEquals("Sutton", result.settingsWithoutCover().get(1).boroughName());
    }

    @Test
    void onePractitionerWithOneFunderIsFragileForBothReasons() {
        var b = london().practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 40_000);

        Cell court = cell(coverage(b), COURT);

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

        Cell court = cell(coverage(b), COURT);

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

        assertEquals(List.of("single funder"), cell(coverage(b), COURT).reasons());
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

        assertEquals(List.of("unfunded"), cell(coverage(b), COURT).reasons());
        assertEquals(List.of("unfunded"), cell(coverage(nobodyFunded), COURT).reasons());
        assertEquals(List.of("single practitioner", "unfunded"),
                cell(coverage(london().practitioner("p1", "together", 1.0).placement("p1", "court")), COURT).reasons());
    }

    @Test
    void aCourtAndProbationPostIsSplitEquallyOverItsPlacements() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .practitioner("p2", "together", 0.8).placement("p2", "court").placement("p2", "office")
                .practitioner("p3", "together", 1.0).placement("p3", "custody");

        CoverageResult result = coverage(b);

        assertEquals(0.9, cell(result, COURT).fte(), 1e-12);
        assertEquals(0.9, cell(result, PROBATION).fte(), 1e-12);
        assertEquals(2.8, result.summary().fte(), 1e-12);
        assertEquals(3, result.summary().practitionersPlaced());
        assertEquals(2, result.summary().boroughsWithCover());
    }

    @Test
    void placementsAndPostsNotActiveOnTheDayDoNotCover() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court", Snapshots.between(null, D.minusDays(1)))
                .practitioner("p2", "FMHP", "together", 1.0, Snapshots.between(D.plusDays(1), null)).placement("p2", "court")
                .practitioner("p3", "together", 1.0).placement("p3", "office").placement("p3", "court",
                        Snapshots.between(D.plusDays(1), null));

        CoverageResult result = coverage(b);

        assertEquals(CellStatus.HOLE, cell(result, COURT).status());
        assertEquals(1.0, cell(result, PROBATION).fte(), "p3's one active placement takes the whole post");
    }

    @Test
    void fundingEndingMeansAnEndInTheComingYearAfterTheDay() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .funding("probation", "p1", 100, Snapshots.between(D.minusDays(10), D))
                .funding("nhs", "p1", 200, Snapshots.between(D.minusDays(10), D.plusDays(365)))
                .funding("probation", "p1", 300, Snapshots.between(D.minusDays(10), D.plusDays(366)))
                .funding("nhs", "p1", 400, Snapshots.between(D.minusDays(10), null))
                .practitioner("mgr", "manager", "together", 1.0, Snapshots.between(null, null))
                .funding("nhs", "mgr", 500, Snapshots.between(D.minusDays(10), D.plusDays(1)));

        CoverageResult result = coverage(b);

        assertEquals(List.of(
                new FundingEnding(new Funder("nhs", "nhs", FunderKind.OTHER), b.build().node("mgr"),
                        D.plusDays(1), 500.0, List.of()),
                new FundingEnding(new Funder("nhs", "nhs", FunderKind.OTHER), b.build().node("p1"),
                        D.plusDays(365), 200.0, List.of(COURT, PROBATION))), result.fundingEnding());
        assertEquals(1500.0, result.summary().fundingActiveGbp(), "every row active on D, placed or not");
    }

    @Test
    void practitionerLossIsTheCellsTheyHoldAlone() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .practitioner("p2", "together", 1.0).placement("p2", "office")
                .practitioner("p3", "together", 1.0).placement("p3", "custody");

        List<PractitionerLoss> losses = coverage(b).practitionerLosses();

        var snapshot = b.build();
        assertEquals(List.of(
                new PractitionerLoss(snapshot.node("p1"), List.of(COURT)),
                new PractitionerLoss(snapshot.node("p3"), List.of(new CellKey("B2", "Sutton", SettingKind.POLICE_CUSTODY)))),
                losses, "p2 shares the office with p1, so losing p2 empties nothing");
    }

    @Test
    void practitionerLossesAreSortedByCellsLostThenId() {
        var b = london()
                .practitioner("p2", "together", 1.0).placement("p2", "court").placement("p2", "office")
                .practitioner("p1", "together", 1.0).placement("p1", "custody");

        assertEquals(List.of("p2", "p1"),
                coverage(b).practitionerLosses().stream().map(l -> l.practitioner().id()).toList());
    }

    @Test
    void aFunderTakesOnlyThePractitionersItAlonePays() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court")
                .funding("probation", "p1", 20_000).funding("nhs", "p1", 20_000)
                .practitioner("p2", "together", 1.0).placement("p2", "office").funding("probation", "p2", 40_000)
                .practitioner("p3", "together", 1.0).placement("p3", "custody");

        List<FunderLoss> losses = coverage(b).funderLosses();

        var snapshot = b.build();
        assertEquals(List.of(new FunderLoss(new Funder("probation", "probation", FunderKind.OTHER),
                List.of(snapshot.node("p2")), List.of(PROBATION))), losses,
                "p1 survives either funder's withdrawal; p3 has no funding and stays; nhs alone pays nobody");
    }

    @Test
    void aFunderLosesACellOnlyWhenEveryPractitionerThereGoes() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 1)
                .practitioner("p2", "together", 1.0).placement("p2", "court").funding("probation", "p2", 1)
                .practitioner("p3", "together", 1.0).placement("p3", "office").funding("probation", "p3", 1)
                .practitioner("p4", "together", 1.0).placement("p4", "office").funding("nhs", "p4", 1);

        List<FunderLoss> losses = coverage(b).funderLosses();

        assertEquals(1, losses.size());
        assertEquals(List.of(COURT), losses.get(0).cellsLost());
        assertEquals(List.of("p1", "p2", "p3"), losses.get(0).practitionersLost().stream().map(NetworkNode::id).toList());
    }

    @Test
    void summaryCountsTheCells() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 10)
                .practitioner("p2", "together", 1.0).placement("p2", "court").funding("nhs", "p2", 20)
                .practitioner("p3", "together", 1.0).placement("p3", "office").funding("nhs", "p3", 30);

        assertEquals(new Summary(1, 3, 1, 1, 1, 3, 3.0, 60.0), coverage(b).summary());
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsCells() {
        var b = london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 10,
                        Snapshots.between(null, D.plusDays(30)))
                .practitioner("p3", "together", 1.0).placement("p3", "custody").funding("nhs", "p3", 30,
                        Snapshots.between(null, D.plusDays(30)));
        var snapshot = b.build();

        CoverageResult sutton = CoverageAnalysis.compute(snapshot, "B2");

        assertEquals("B2", sutton.boroughId());
        assertEquals(List.of(SettingKind.POLICE_CUSTODY), sutton.cells().stream().map(Cell::kind).toList());
        assertEquals(List.of("p3"), sutton.fundingEnding().stream().map(f -> f.practitioner().id()).toList());
        assertEquals(List.of("p3"), sutton.practitionerLosses().stream().map(l -> l.practitioner().id()).toList());
        assertEquals(List.of("nhs"), sutton.funderLosses().stream().map(l -> l.funder().id()).toList());
        assertEquals(new Summary(1, 1, 0, 1, 0, 1, 1.0, 30.0), sutton.summary());
        assertEquals(List.<UncoveredSetting>of(), sutton.settingsWithoutCover());
    }

    @Test
    void aBoroughWithNoSettingsHasNoCellsAndAnUnknownBoroughIsAnError() {
        var snapshot = london().build();
        assertEquals(List.of(), CoverageAnalysis.compute(snapshot, "B3").cells());
        assertEquals(new Summary(0, 0, 0, 0, 0, 0, 0.0, 0.0), CoverageAnalysis.compute(snapshot, "B3").summary());
        assertThrows(IllegalArgumentException.class, () -> CoverageAnalysis.compute(snapshot, "E09999999"));
    }

    @Test
    void cellsAreInBoroughNameThenKindOrder() {
        assertEquals(List.of(COURT, PROBATION, new CellKey("B2", "Sutton", SettingKind.POLICE_CUSTODY)),
                coverage(london()).cells().stream().map(Cell::key).toList());
    }
}
