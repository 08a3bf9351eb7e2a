package bridgemap.cli;

import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.service.ExportFormat;
import bridgemap.service.ExportService;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "export", mixinStandardHelpOptions = true,
        description = {"Export for other tools:",
                "  graphml, gexf   the referral graph as of a day, every node with its sector, kind, borough, betweenness, "
                        + "brokerage roles and cut-vertex flag, every edge weighted by referrals with outcome counts (opens in Gephi);",
                "  csv             every analysis, one CSV file per section (gaps-conflicts.csv, bottlenecks-nodes.csv …);",
                "  openreferral    every service held, as HSDS 3.0 (Open Referral): a tabular data package and services.json, that import-openreferral reads back;",
                "  bundle          the whole store as a canonical bundle: a backup that import restores (it holds case-level data: keep it safe).",
                "--out names a file (graphml, gexf; default: standard output), or a folder or a .zip (csv, openreferral)."})
final class ExportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", required = true, paramLabel = "FORMAT", description = "graphml, gexf, csv, openreferral or bundle.")
    String format;

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The day (default: the latest referral date in the store). Not used by openreferral.")
    LocalDate asOf;

    @Option(names = "--borough", paramLabel = "NAME|GSS",
            description = "Only this borough's cases' referrals (graphml, gexf) or this borough (csv, as analyze does).")
    String borough;

    @Option(names = "--out", paramLabel = "FILE|DIR|ZIP", description = "Where to write.")
    Path out;

    @Override
    public Integer call() throws IOException {
        ExportFormat chosen = ExportFormat.parse(format.toLowerCase(Locale.ROOT)).orElseThrow(() -> new CommandLine.ParameterException(
                spec.commandLine(), "unknown format \"" + format + "\"; formats: " + ExportFormat.codes()));
        if (chosen.isManyFiles() && out == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--format " + chosen.code() + " writes several files: give --out DIR or --out FILE.zip");
        }
        try (BridgemapApp app = storeOptions.open()) {
            ExportService exports = app.exports();
            AnalysisService.Scope scope = chosen == ExportFormat.OPENREFERRAL || chosen == ExportFormat.BUNDLE ? null : app.analysis().scope(asOf, borough);
            PrintWriter err = spec.commandLine().getErr();
            switch (chosen) {
                case GRAPHML, GEXF -> {
                    if (out == null) {
                        Writer stdout = new OutputStreamWriter(System.out, StandardCharsets.UTF_8);
                        write(exports, chosen, scope, stdout);
                        stdout.flush();
                    } else {
                        try (Writer file = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
                            write(exports, chosen, scope, file);
                        }
                        err.printf("Wrote the referral graph as of %s to %s.%n", scope.asOf(), out);
                    }
                }
                case CSV -> files(exports.csvFiles(scope), err);
                case OPENREFERRAL -> files(exports.openReferralFiles(), err);
                case BUNDLE -> {
                    Map<String, byte[]> files = exports.bundleFiles();
                    CommandOutput.audit(app, "export bundle", "out", out, "exported", ExportService.dataRows(files));
                    files(files, err);
                    err.printf("Content fingerprint sha256:%s (bridgemap stats --fingerprint after a restore shows the same).%n",
                            app.fingerprint());
                }
            }
            err.flush();
            return BridgemapCommand.EXIT_OK;
        }
    }

    private static void write(ExportService exports, ExportFormat format, AnalysisService.Scope scope, Writer to) {
        if (format == ExportFormat.GRAPHML) {
            exports.graphml(scope, to);
        } else {
            exports.gexf(scope, to);
        }
    }

    private void files(Map<String, byte[]> files, PrintWriter err) throws IOException {
        if (out.getFileName() != null && out.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".zip")) {
            Files.write(out, ExportService.zip(files));
            err.printf("Wrote %d files to %s.%n", files.size(), out);
            return;
        }
        Files.createDirectories(out);
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            Files.write(out.resolve(file.getKey()), file.getValue());
        }
        err.printf("Wrote %d files to %s.%n", files.size(), out);
    }
}
