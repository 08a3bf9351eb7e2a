package bridgemap.cli;

import bridgemap.report.Json;
import bridgemap.app.BridgemapApp;
import bridgemap.openreferral.OpenReferralImport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import-openreferral", mixinStandardHelpOptions = true,
        description = {"Import an Open Referral UK / HSDS 3.0 service directory: a tabular data package (a folder or .zip "
                + "of CSV tables, with or without datapackage.json) or JSON API files (service_full.json, *_list.json pages …).",
                "Organisations become agencies, services services, service areas the boroughs they serve, taxonomy terms and "
                        + "eligibility text the needs they accept or exclude, by the mapping file (default: the shipped "
                        + "data/openreferral/needs-map.csv). All or nothing, like import; re-importing changes nothing."})
final class ImportOpenReferralCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "PATH", description = "The directory: a folder, a .zip or a .json file.")
    Path path;

    @Option(names = {"--needs-map", "--map"}, paramLabel = "FILE",
            description = "The mapping file (CSV: map,on,match,to,effect,name). Default: the shipped one.")
    Path mapping;

    @Option(names = "--report", paramLabel = "FILE",
            description = "Also write the whole mapping report (every agency, service, rule and note) to FILE as JSON.")
    Path report;

    /** CLI imports are audited as API imports are. */

    @Override
    public Integer call() throws IOException {
        try (BridgemapApp app = storeOptions.open()) {
            ProgressBar bar = ProgressBar.onStderr();
            Optional<OpenReferralImport> imported = CommandOutput.importAudited(app, spec.commandLine().getErr(),
                    "import-openreferral", path, bar, () -> app.openReferral().importPath(path, mapping, bar),
                    result -> result.result().summary().rows());
            if (imported.isEmpty()) {
                return BridgemapCommand.EXIT_BAD_INPUT;
            }
            OpenReferralImport result = imported.get();
            var out = spec.commandLine().getOut();
            OpenReferralSummary.print(out, result.report());
            if (report != null) {
                Json.pretty().writeValue(report.toFile(), result.report());
                out.printf("  the full mapping report is in %s%n", report);
            }
            Summaries.printImport(out, result.result());
            return BridgemapCommand.EXIT_OK;
        }
    }
}
