package bridgemap.cli;

import bridgemap.api.Json;
import bridgemap.app.BridgemapApp;
import bridgemap.store.StoreStats;
import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Count the stored nodes per label and relationships per type.",
                "JSON: {\"labels\":{...},\"relationships\":{...}}"})
final class StatsCommand implements Callable<Integer> {

    enum Format { table, json }

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Override
    public Integer call() throws JsonProcessingException {
        try (BridgemapApp app = storeOptions.open()) {
            StoreStats stats = app.stats().stats();
            PrintWriter out = spec.commandLine().getOut();
            if (format == Format.json) {
                out.println(Json.mapper().writeValueAsString(stats));
            } else {
                printTable(out, "Label", stats.labels());
                out.println();
                printTable(out, "Relationship", stats.relationships());
            }
            out.flush();
            return BridgemapCommand.EXIT_OK;
        }
    }

    private static void printTable(PrintWriter out, String heading, Map<String, Long> counts) {
        out.printf("%-16s %12s%n", heading, "count");
        counts.forEach((name, count) -> out.printf("%-16s %,12d%n", name, count));
    }
}
