package bridgemap.cli;

import bridgemap.app.BridgemapApp;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.ImportResult;
import bridgemap.ingest.Problem;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a bundle (a folder or .zip of CSV files; see docs/bundle-format.md).",
                "All or nothing: on any invalid row every problem is printed as file:line: column: message, "
                        + "the exit code is 2 and the store is left exactly as it was. Re-importing the same bundle changes nothing."})
final class ImportCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "PATH", description = "The bundle: a folder or a .zip file.")
    Path path;

    private void audit(BridgemapApp app, String outcome, long rows) {
        app.audit().record("cli:" + System.getProperty("user.name"), "admin", "import",
                java.util.Map.of("path", path.toAbsolutePath().normalize().toString()), outcome, rows);
    }

    @Override
    public Integer call() {
        try (BridgemapApp app = storeOptions.open()) {
            ProgressBar bar = ProgressBar.onStderr();
            ImportResult result;
            try {
                result = app.imports().importPath(path, bar);
            } catch (BundleRejectedException e) {
                bar.finish();
                audit(app, "rejected", 0);
                var err = spec.commandLine().getErr();
                for (Problem problem : e.problems()) {
                    err.println(problem);
                }
                err.printf("bridgemap import: %s rejected with %d problem%s; nothing was written.%n", path,
                        e.problems().size(), e.problems().size() == 1 ? "" : "s");
                err.flush();
                return BridgemapCommand.EXIT_BAD_INPUT;
            }
            bar.finish();
            audit(app, "imported", result.summary().rows());
            Summaries.printImport(spec.commandLine().getOut(), result);
            return BridgemapCommand.EXIT_OK;
        }
    }
}
