package bridgemap.analysis.coverage;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.Summary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A sanity run on the London demo (no store: the bundle projected in memory). It prints what a commissioner
 * would read; each part's figures for the case study are checked in its own test ({@link CellsTest},
 * {@link UncoveredSettingsTest}, {@link EndingFundingTest}, {@link CoverageSummaryTest} …).
 */
class CoverageDemoTest {

    @ParameterizedTest
    @ValueSource(strings = {"2014-06-30", "2009-06-30"})
    void oneBoroughIsTheSameAsItsRowsInTheWholeCity(String day) {
        var snapshot = DemoSnapshots.asOf(LocalDate.parse(day));
        CoverageResult all = CoverageAnalysis.compute(snapshot, null);
        print(all);
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
