package bridgemap.service;

import static bridgemap.catalogue.Analyses.BOTTLENECKS;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import bridgemap.graph.ReferralGraph;
import bridgemap.ingest.BundleFile;
import bridgemap.openreferral.OpenReferralExporter;
import bridgemap.openreferral.OpenReferralFeed;
import bridgemap.report.NetworkFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Exports for other tools, as the command line and the API ask for them: the referral graph with its
 * measures (GraphML, GEXF), every analysis as CSV files, and the services as an Open Referral package.
 */
public final class ExportService {

    /** One file to send: its name, its media type and its bytes. */
    public record ExportFile(String fileName, String contentType, byte[] content) {}

    private final AnalysisService analysis;
    private final OpenReferralExporter openReferral;
    private final Clock clock;
    private final Supplier<Map<BundleFile, byte[]>> backup;

    public ExportService(AnalysisService analysis, OpenReferralExporter openReferral, Clock clock,
            Supplier<Map<BundleFile, byte[]>> backup) {
        this.backup = Objects.requireNonNull(backup, "backup");
        this.analysis = Objects.requireNonNull(analysis, "analysis");
        this.openReferral = Objects.requireNonNull(openReferral, "openReferral");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The referral graph of {@code scope} as GraphML. */
    public void graphml(AnalysisService.Scope scope, Writer out) {
        BottlenecksResult bottlenecks = analysis.result(BOTTLENECKS, scope);
        NetworkFiles.graphml(ReferralGraph.ofBorough(analysis.snapshot(scope.asOf()), scope.borough()), bottlenecks, out);
    }

    /** The referral graph of {@code scope} as GEXF. */
    public void gexf(AnalysisService.Scope scope, Writer out) {
        BottlenecksResult bottlenecks = analysis.result(BOTTLENECKS, scope);
        NetworkFiles.gexf(ReferralGraph.ofBorough(analysis.snapshot(scope.asOf()), scope.borough()), bottlenecks,
                "Bridgemap referral graph: referrals in the year to " + scope.asOf()
                        + (scope.borough() == null ? "" : ", cases of borough " + scope.borough()), out);
    }

    /**
     * Every section of every analysis of the catalogue as a CSV file, in catalogue and section order:
     * {@code gaps-conflicts.csv}, … {@code bottlenecks-nodes.csv} …
     */
    public Map<String, byte[]> csvFiles(AnalysisService.Scope scope) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        for (Analysis<?> each : Analyses.ALL) {
            files.putAll(csvFiles(each, scope));
        }
        return files;
    }

    private <R> Map<String, byte[]> csvFiles(Analysis<R> each, AnalysisService.Scope scope) {
        return each.csv(analysis.result(each, scope)).files(each.name() + "-");
    }

    /**
     * Every service held, as an HSDS 3.0 (Open Referral) package: the tabular data package and its JSON serialisation
     * (ended services are {@code defunct}).
     */
    public Map<String, byte[]> openReferralFiles() {
        return openReferral.export(LocalDate.now(clock));
    }

    /** Every service held as the read-only Open Referral (HSDS 3.0) API serves it, as of today. */
    public OpenReferralFeed openReferralFeed() {
        return openReferral.feed(LocalDate.now(clock));
    }

    /** The whole store as canonical bundle files, named as a bundle's files are: a backup that {@code import} restores. */
    public Map<String, byte[]> bundleFiles() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        backup.get().forEach((file, bytes) -> files.put(file.fileName(), bytes));
        return files;
    }

    /** The bundle {@code files} (from {@link #bundleFiles()}) as the one .zip the API sends. */
    public ExportFile bundleFile(Map<String, byte[]> files) {
        return new ExportFile("bridgemap-backup-" + LocalDate.now(clock) + "." + ExportFormat.BUNDLE.extension(),
                ExportFormat.BUNDLE.contentType(), zip(files));
    }

    /** How many data rows CSV {@code files} hold: their lines less each file's header. */
    public static long dataRows(Map<String, byte[]> files) {
        long rows = 0;
        for (byte[] content : files.values()) {
            long lines = 0;
            for (byte b : content) {
                lines += b == '\n' ? 1 : 0;
            }
            rows += Math.max(0, lines - 1);
        }
        return rows;
    }

    /** The export as one file, as the API sends it; {@code csv} and {@code openreferral} are zipped. */
    public ExportFile file(ExportFormat format, AnalysisService.Scope scope) {
        if (format == ExportFormat.BUNDLE) {
            return bundleFile(bundleFiles());
        }
        String base = format == ExportFormat.OPENREFERRAL ? "bridgemap-openreferral-" + LocalDate.now(clock)
                : "bridgemap-" + scope.asOf() + (scope.borough() == null ? "" : "-" + scope.borough())
                        + (format == ExportFormat.CSV ? "-csv" : "");
        byte[] content = switch (format) {
            case GRAPHML -> text(out -> graphml(scope, out));
            case GEXF -> text(out -> gexf(scope, out));
            case CSV -> zip(csvFiles(scope));
            case OPENREFERRAL -> zip(openReferralFiles());
            case BUNDLE -> throw new AssertionError("returned above");
        };
        return new ExportFile(base + "." + format.extension(), format.contentType(), content);
    }

    /** The files in a .zip, in order. */
    public static byte[] zip(Map<String, byte[]> files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                zip.putNextEntry(new ZipEntry(file.getKey()));
                zip.write(file.getValue());
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private interface TextWriter {
        void write(Writer out);
    }

    private static byte[] text(TextWriter writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Writer out = new OutputStreamWriter(bytes, StandardCharsets.UTF_8);
        writer.write(out);
        try {
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
