package bridgemap.analysis.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.Summary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A sanity run on the London demo (no store: the bundle projected in memory). It prints what a
 * commissioner would read and checks the figures the demo README gives for 2014-06-30.
 */
class CoverageDemoTest {

    static final LocalDate MID_2014 = LocalDate.of(2014, 6, 30);
    static final LocalDate MID_2009 = LocalDate.of(2009, 6, 30);

    @Test
    void mid2014MatchesTheCaseStudy() {
        CoverageResult result = CoverageAnalysis.compute(DemoSnapshots.asOf(MID_2014), null);
        print(result);

        Set<String> fmhpBoroughs = result.cells().stream()
                .filter(c -> c.practitioners().stream().anyMatch(p -> p.kind().equals("FMHP")))
                .map(Cell::boroughId)
                .collect(Collectors.toSet());
        assertEquals(22, fmhpBoroughs.size(), "forensic mental health services in twenty-two London boroughs");
        assertEquals(22, result.summary().boroughsWithCover(), "support workers add no borough");
        var snapshot = DemoSnapshots.asOf(MID_2014);
        Map<String, Long> withSomeone = snapshot.settings().stream()
                .filter(s -> s.kind().isEntry())
                .filter(s -> result.settingsWithoutCover().stream().noneMatch(u -> u.setting().id().equals(s.id())))
                .collect(Collectors.groupingBy(s -> s.kind().code(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("magistrates_court", 10L, "crown_court", 2L, "police_custody", 5L), withSomeone,
                "ten magistrates' courts, two Crown Courts and five police custody suites");
        assertEquals(2_042_910.0, result.summary().fundingActiveGbp(), 0.5);
        assertEquals(62, result.fundingEnding().size(), "funding never more than 12 months: every active row ends within a year");
    }

    @Test
    void mid2009() {
        CoverageResult result = CoverageAnalysis.compute(DemoSnapshots.asOf(MID_2009), null);
        print(result);
        assertTrue(result.summary().boroughsWithCover() < 22);
    }

    @Test
    void oneBoroughIsTheSameAsItsRowsInTheWholeCity() {
        var snapshot = DemoSnapshots.asOf(MID_2014);
        CoverageResult all = CoverageAnalysis.compute(snapshot, null);
        CoverageResult newham = CoverageAnalysis.compute(snapshot, "E09000025");
        assertEquals(all.cells().stream().filter(c -> c.boroughId().equals("E09000025")).toList(), newham.cells());
    }

    static void print(CoverageResult r) {
        Summary s = r.summary();
        System.out.printf("%n=== Coverage as of %s%n", r.asOf());
        System.out.printf("boroughs with cover %d | cells %d: %d holes, %d fragile, %d covered | practitioners placed %d,"
                        + " %.1f FTE | funding active £%,.0f%n",
                s.boroughsWithCover(), s.cells(), s.holes(), s.fragile(), s.covered(), s.practitionersPlaced(), s.fte(),
                s.fundingActiveGbp());
        System.out.println("-- cells with cover (borough | kind | status | FTE | practitioners | funders | reasons)");
        for (Cell c : r.cells()) {
            if (c.status() != CellStatus.HOLE) {
                System.out.printf("  %-24s %-17s %-8s %4.1f  %2d  %-60s %s%n", c.boroughName(), c.kind().code(),
                        c.status().code(), c.fte(), c.practitioners().size(),
                        c.funders().stream().map(f -> f.name().length() > 28 ? f.name().substring(0, 28) : f.name())
                                .collect(Collectors.joining(", ")),
                        c.reasons());
            }
        }
        Map<String, Long> uncoveredByKind = r.settingsWithoutCover().stream()
                .collect(Collectors.groupingBy(u -> u.setting().kind(), TreeMap::new, Collectors.counting()));
        System.out.printf("-- entry settings without cover: %d %s%n", r.settingsWithoutCover().size(), uncoveredByKind);
        System.out.printf("-- funding ending within a year: %d rows, £%,.0f; first ends %s, last %s%n",
                r.fundingEnding().size(),
                r.fundingEnding().stream().mapToDouble(f -> f.amountGbp() == null ? 0 : f.amountGbp()).sum(),
                r.fundingEnding().isEmpty() ? "-" : r.fundingEnding().get(0).end(),
                r.fundingEnding().isEmpty() ? "-" : r.fundingEnding().get(r.fundingEnding().size() - 1).end());
        System.out.printf("-- N-1 per practitioner: %d practitioners hold some cell alone; top 5:%n", r.practitionerLosses().size());
        r.practitionerLosses().stream().limit(5).forEach(l -> System.out.printf("  %-18s %s%n", l.practitioner().id(), cells(l.cellsLost())));
        System.out.printf("-- N-1 per funder: %d funders would empty some cell:%n", r.funderLosses().size());
        r.funderLosses().forEach(l -> System.out.printf("  %-45s loses %2d practitioners, %2d cells: %s%n", l.funder().name(),
                l.practitionersLost().size(), l.cellsLost().size(), cells(l.cellsLost())));
    }

    static String cells(List<CellKey> keys) {
        return keys.stream().map(k -> k.boroughName() + "/" + k.kind().code()).collect(Collectors.joining(", "));
    }
}
