package bridgemap.analysis.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.model.NetworkNode;
import bridgemap.model.Practitioner;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Issue 15: the London demo runs past the case study into NHS England's Liaison and Diversion era, when the
 * mental-health trusts' L&D services reached every court and custody suite (2020–21).
 */
class LiaisonAndDiversionDemoTest {

    private static final Set<SettingKind> ENTRY = Set.of(SettingKind.POLICE_CUSTODY, SettingKind.MAGISTRATES_COURT,
            SettingKind.CROWN_COURT);
    private static final Map<String, String> ROLE = DemoSnapshots.bundle().practitioners().stream()
            .collect(Collectors.toMap(Practitioner::id, Practitioner::role));

    /** Boroughs with an entry place (custody suite or court) that an L&D practitioner covers on {@code day}. */
    private static Set<String> boroughsWithLiaisonAndDiversion(CoverageResult r) {
        Set<String> boroughs = new TreeSet<>();
        for (Cell c : r.cells()) {
            if (ENTRY.contains(c.kind()) && c.practitioners().stream().map(NetworkNode::id)
                    .anyMatch(p -> "L&D practitioner".equals(ROLE.get(p)))) {
                boroughs.add(c.boroughId());
            }
        }
        return boroughs;
    }

    @Test
    void on30June2022EveryBoroughHasLiaisonAndDiversionCoverAndNoCourtOrSuiteIsWithout_issue15() {
        CoverageResult r = CoverageAnalysis.compute(DemoSnapshots.asOf(LocalDate.of(2022, 6, 30)), null);

        assertEquals(33, boroughsWithLiaisonAndDiversion(r).size());
        assertEquals(33, r.summary().boroughsWithCover());
        assertEquals(0, r.settingsWithoutCover().size(), () -> r.settingsWithoutCover().toString());
        assertTrue(r.cells().stream().filter(c -> ENTRY.contains(c.kind())).allMatch(c -> c.status() != CellStatus.HOLE));
    }

    /** The rollout came in waves: none before April 2015, some of London in 2016, all of it by 2020–21. */
    @Test
    void theRolloutGrowsYearByYear_issue15() {
        int before = boroughsWithLiaisonAndDiversion(CoverageAnalysis.compute(DemoSnapshots.asOf(LocalDate.of(2014, 6, 30)), null)).size();
        int in2015 = boroughsWithLiaisonAndDiversion(CoverageAnalysis.compute(DemoSnapshots.asOf(LocalDate.of(2015, 6, 30)), null)).size();
        int in2016 = boroughsWithLiaisonAndDiversion(CoverageAnalysis.compute(DemoSnapshots.asOf(LocalDate.of(2016, 6, 30)), null)).size();
        int in2020 = boroughsWithLiaisonAndDiversion(CoverageAnalysis.compute(DemoSnapshots.asOf(LocalDate.of(2020, 6, 30)), null)).size();

        assertEquals(0, before);
        assertTrue(0 < in2015 && in2015 < in2016 && in2016 < 33, in2015 + " then " + in2016);
        assertEquals(33, in2020);
    }

    /** The 2014 picture stays the case study's, with the probation third now paid by London Probation's successor. */
    @Test
    void the2014PictureIsUnchangedAndItsProbationMoneyIsTheNationalProbationServices_issue15() {
        CoverageResult r = CoverageAnalysis.compute(DemoSnapshots.asOf(CoverageFixtures.MID_2014), null);

        assertEquals(22, r.summary().boroughsWithCover());
        assertEquals(2_042_910.0, r.summary().fundingActiveGbp(), 0.5);
        Set<String> funders = r.cells().stream().flatMap(c -> c.funders().stream()).map(f -> f.id()).collect(Collectors.toSet());
        assertTrue(funders.contains("fund-nps"), funders.toString());
        assertTrue(!funders.contains("fund-lpt"), "London Probation Trust ceased on 1 June 2014");
    }
}
