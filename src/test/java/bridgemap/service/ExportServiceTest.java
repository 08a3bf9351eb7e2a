package bridgemap.service;

import bridgemap.service.ExportFormat;
import bridgemap.service.ExportService;
import bridgemap.service.AnalysisService;
import static bridgemap.catalogue.Analyses.BOTTLENECKS;
import static bridgemap.catalogue.Analyses.COVERAGE;
import static bridgemap.catalogue.Analyses.GAPS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.bottlenecks.BottlenecksResult.NodeMeasures;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.gaps.GapsResult;
import bridgemap.testing.TestStore;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** CSV exports of the demo re-read with Commons CSV and checked against the analyses; export file names. */
class ExportServiceTest {

    private static AnalysisService.Scope scope;

    @BeforeAll
    static void demo() {
        TestStore.demo();
        scope = TestStore.app().analysis().scope(LocalDate.of(2014, 6, 30), null);
    }

    private static List<CSVRecord> records(byte[] csv) throws Exception {
        try (Reader in = new InputStreamReader(new ByteArrayInputStream(csv), StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords();
        }
    }

    @Test
    void everyAnalysisSectionIsOneCsvFile() {
        Map<String, byte[]> files = TestStore.app().exports().csvFiles(scope);
        assertEquals(List.of("gaps-conflicts.csv", "gaps-dead_ends_by_borough.csv", "gaps-dead_ends_by_hand_off.csv",
                "gaps-dead_end_targets.csv", "gaps-hand_offs.csv", "gaps-unreachable.csv", "bottlenecks-nodes.csv",
                "bottlenecks-bridges.csv", "bottlenecks-broker_cut.csv", "bottlenecks-entry_routes.csv", "bottlenecks-services.csv", "coverage-places.csv",
                "coverage-uncovered_settings.csv", "coverage-funding_ending.csv", "coverage-practitioner_loss.csv",
                "coverage-funder_loss.csv", "outcomes-outcomes.csv", "funding-shares.csv", "funding-ending_within_year.csv",
                "funding-single_funder_places.csv", "funding-funder_loss.csv", "points-of-failure-points.csv",
                "points-of-failure-reasons.csv"), List.copyOf(files.keySet()));
    }

    @Test
    void theCsvFilesReadBackAsTheAnalyses() throws Exception {
        Map<String, byte[]> files = TestStore.app().exports().csvFiles(scope);
        BottlenecksResult bottlenecks = TestStore.app().analysis().result(BOTTLENECKS, scope);
        List<CSVRecord> nodes = records(files.get("bottlenecks-nodes.csv"));
        assertEquals(bottlenecks.nodes().size(), nodes.size());
        for (int i = 0; i < nodes.size(); i++) {
            NodeMeasures m = bottlenecks.nodes().get(i);
            CSVRecord r = nodes.get(i);
            assertEquals(m.node().id(), r.get("id"));
            assertEquals(m.node().sector().code(), r.get("sector"));
            assertEquals(m.betweenness(), Double.parseDouble(r.get("betweenness")), m.node().id());
            assertEquals(m.articulationPoint(), Boolean.parseBoolean(r.get("articulation_point")));
            assertEquals(m.brokerage().total(), Long.parseLong(r.get("brokerage_total")));
        }
        CoverageResult coverage = TestStore.app().analysis().result(COVERAGE, scope);
        List<CSVRecord> cells = records(files.get("coverage-places.csv"));
        assertEquals(coverage.cells().size(), cells.size());
        assertEquals(coverage.summary().holes(), cells.stream().filter(r -> r.get("status").equals("hole")).count());
        GapsResult gaps = TestStore.app().analysis().result(GAPS, scope);
        assertEquals(gaps.exclusionConflicts().conflicts().size(), records(files.get("gaps-conflicts.csv")).size());
        assertEquals(gaps.handOffLoss().handOffs().size(), records(files.get("gaps-hand_offs.csv")).size());
        // Each file is what `analyze … --format csv --section NAME` prints.
        var printed = new java.io.StringWriter();
        BOTTLENECKS.csv(bottlenecks).print(new java.io.PrintWriter(printed, true), "bridges");
        assertEquals(printed.toString(), new String(files.get("bottlenecks-bridges.csv"), StandardCharsets.UTF_8));
    }

    @Test
    void oneFileExportsAreNamedByDayAndBoroughAndZippedWhenMany() throws Exception {
        ExportService exports = TestStore.app().exports();
        var graphml = exports.file(ExportFormat.GRAPHML, scope);
        assertEquals("bridgemap-2014-06-30.graphml", graphml.fileName());
        assertEquals("application/graphml+xml", graphml.contentType());
        assertTrue(new String(graphml.content(), StandardCharsets.UTF_8).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?><graphml"));
        var islington = TestStore.app().analysis().scope(LocalDate.of(2014, 6, 30), "E09000019");
        assertEquals("bridgemap-2014-06-30-E09000019.gexf", exports.file(ExportFormat.GEXF, islington).fileName());
        var csv = exports.file(ExportFormat.CSV, scope);
        assertEquals("bridgemap-2014-06-30-csv.zip", csv.fileName());
        Map<String, String> unzipped = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(csv.content()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                unzipped.put(e.getName(), new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(new ArrayList<>(exports.csvFiles(scope).keySet()), new ArrayList<>(unzipped.keySet()));
        assertTrue(records(unzipped.get("outcomes-outcomes.csv").getBytes(StandardCharsets.UTF_8)).size() > 0);
        assertTrue(new StringReader(unzipped.get("bottlenecks-nodes.csv")).read() > 0);
    }
}
