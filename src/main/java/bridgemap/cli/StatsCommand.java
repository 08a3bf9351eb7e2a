package bridgemap.cli;

import bridgemap.report.Json;
import bridgemap.store.StoreStats;
import java.io.PrintWriter;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "stats", mixinStandardHelpOptions = true,
        description = {"Count the stored nodes per label and relationships per type.",
                "JSON: {\"labels\":{...},\"relationships\":{...}} (and \"fingerprint\" with --fingerprint)"})
final class StatsCommand implements Callable<Integer> {

    enum Format { table, json }

    @Mixin
    StoreOptions storeOptions;

    @Option(names = "--format", defaultValue = "table", description = "table or json (default: ${DEFAULT-VALUE})")
    Format format;

    @Option(names = "--fingerprint", description = "Also print the SHA-256 of the stored content (as canonical bundle files): "
            + "equal before a backup (export --format bundle) and after restoring it.")
    boolean fingerprint;

    @Override
    public Integer call() throws Exception {
        return storeOptions.run((app, out) -> {
            StoreStats stats = app.stats().stats();
            String print = fingerprint ? app.fingerprint() : null;
            if (format == Format.json) {
                var json = Json.mapper().valueToTree(stats);
                if (print != null) {
                    ((com.fasterxml.jackson.databind.node.ObjectNode) json).put("fingerprint", print);
                }
                out.println(Json.mapper().writeValueAsString(json));
            } else {
                if (print != null) {
                    out.println("fingerprint  sha256:" + print);
                    out.println();
                }
                printTable(out, "Label", stats.labels());
                out.println();
                printTable(out, "Relationship", stats.relationships());
            }
            return BridgemapCommand.EXIT_OK;
        });
    }

    private static void printTable(PrintWriter out, String heading, Map<String, Long> counts) {
        out.printf("%-16s %12s%n", heading, "count");
        counts.forEach((name, count) -> out.printf("%-16s %,12d%n", name, count));
    }
}
