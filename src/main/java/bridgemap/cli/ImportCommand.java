package bridgemap.cli;

import bridgemap.app.BridgemapApp;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.ImportResult;
import bridgemap.ingest.ImportService;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "import", mixinStandardHelpOptions = true,
        description = {"Import a bundle (a folder or .zip of CSV files; see docs/bundle-format.md).",
                "All or nothing: on any invalid row every problem is printed as file:line: column: message, "
                        + "the exit code is 2 and the store is left exactly as it was. Re-importing the same bundle changes nothing."})
final class ImportCommand implements Callable<Integer> {

    /** A bundle is held in memory, and no Java array exceeds 2 GiB. */
    private static final long MAX_MB = 2047;

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(index = "0", paramLabel = "PATH", description = "The bundle: a folder or a .zip file.")
    Path path;

    @Option(names = "--max-mb", paramLabel = "MiB", defaultValue = "512",
            description = "Refuse a bundle larger than this once unpacked, in MiB (default: ${DEFAULT-VALUE}). "
                    + "The bundle is held in memory while it is checked.")
    long maxMb;

    @Option(names = "--bulk", paramLabel = "auto|always|never", defaultValue = "auto",
            converter = BulkModeConverter.class,
            description = "Load an empty embedded store with Neo4j's bulk importer instead of one transaction: auto (the "
                    + "default) does so for bundles of " + ImportService.BulkMode.AUTO_MIN_ROWS + " rows or more, always "
                    + "for any size (refused unless the store holds no nodes), never keeps to one transaction. "
                    + "Both are all or nothing and write the same graph.")
    ImportService.BulkMode bulk;

    static final class BulkModeConverter implements picocli.CommandLine.ITypeConverter<ImportService.BulkMode> {
        @Override
        public ImportService.BulkMode convert(String value) {
            return switch (value.toLowerCase(java.util.Locale.ROOT)) {
                case "auto" -> ImportService.BulkMode.AUTO;
                case "always" -> ImportService.BulkMode.ALWAYS;
                case "never" -> ImportService.BulkMode.NEVER;
                default -> throw new picocli.CommandLine.TypeConversionException(
                        "--bulk takes auto, always or never, not '" + value + "'");
            };
        }
    }

    @Override
    public Integer call() {
        if (maxMb < 1 || maxMb > MAX_MB) {
            throw new IllegalArgumentException("--max-mb must be between 1 and " + MAX_MB + ": " + maxMb);
        }
        ProgressBar bar = ProgressBar.onStderr();
        BundleSource source;
        try {
            // Read (and size-check) the bundle before the store starts, so a refused bundle fails fast.
            source = BundleSource.read(path, maxMb << 20);
        } catch (BundleRejectedException e) {
            bar.finish();
            return CommandOutput.rejected(spec.commandLine().getErr(), "import", path, e);
        }
        try (BridgemapApp app = storeOptions.open()) {
            Optional<ImportResult> imported = CommandOutput.importAudited(app, spec.commandLine().getErr(), "import", path, bar,
                    () -> app.imports().importSource(source, bar, bulk), result -> result.summary().rows());
            if (imported.isEmpty()) {
                return BridgemapCommand.EXIT_BAD_INPUT;
            }
            Summaries.printImport(spec.commandLine().getOut(), imported.get());
            return BridgemapCommand.EXIT_OK;
        }
    }
}
