package bridgemap.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.model.NetworkSnapshot;
import bridgemap.report.CsvLayout;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The catalogue itself: what every interface relies on, checked once for every entry, present and future. */
class AnalysesTest {

    private static final LocalDate D = LocalDate.of(2014, 6, 30);

    @Test
    void theCatalogueListsTheAnalysesInTheOrderTheInterfacesShowThem() {
        assertEquals(List.of("gaps", "bottlenecks", "coverage", "outcomes", "funding", "points-of-failure"), Analyses.names());
        assertEquals(Analyses.OUTCOMES, Analyses.named("outcomes").orElseThrow());
        assertTrue(Analyses.named("no-such-analysis").isEmpty());
    }

    @Test
    void namesAndCsvSectionsAreUniqueAndEveryAnalysisHasSome() {
        Set<String> names = new HashSet<>();
        for (Analysis<?> each : Analyses.ALL) {
            assertTrue(names.add(each.name()), "two analyses are called " + each.name());
            assertFalse(each.csvSections().isEmpty(), each.name());
            assertEquals(each.csvSections().size(), Set.copyOf(each.csvSections()).size(), each.name());
        }
    }

    @Test
    void everyAnalysisRendersAnEmptySnapshot() {
        NetworkSnapshot empty = Snapshots.on(D).build();
        for (Analysis<?> each : Analyses.ALL) {
            assertRenders(each, empty);
        }
    }

    private static <R> void assertRenders(Analysis<R> analysis, NetworkSnapshot snapshot) {
        R result = analysis.compute(snapshot, null);
        StringWriter table = new StringWriter();
        analysis.table(new PrintWriter(table, true), result, bridgemap.report.Names.CODES);
        assertTrue(table.toString().contains(D.toString()), analysis.name() + " says its day: " + table);
        assertEquals(analysis.csvSections(), analysis.csv(result).names(), analysis.name());
    }

    @Test
    void aNameIsLowerCaseWordsAndASummaryOneLine() {
        CsvLayout<Object> csv = CsvLayout.sections();
        assertThrows(IllegalArgumentException.class, () -> new Analysis<>("Gaps", "x", (s, b) -> "", (o, r, n) -> {}, csv));
        assertThrows(IllegalArgumentException.class, () -> new Analysis<>("dead ends", "x", (s, b) -> "", (o, r, n) -> {}, csv));
        assertThrows(IllegalArgumentException.class, () -> new Analysis<>("gaps", "one\ntwo", (s, b) -> "", (o, r, n) -> {}, csv));
        assertThrows(IllegalArgumentException.class, () -> new Analysis<>("gaps", " ", (s, b) -> "", (o, r, n) -> {}, csv));
        assertEquals("dead-ends", new Analysis<Object>("dead-ends", "Dead ends.", (s, b) -> "", (o, r, n) -> {}, csv).name());
    }
}
