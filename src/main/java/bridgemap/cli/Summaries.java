package bridgemap.cli;

import bridgemap.ingest.ImportResult;
import bridgemap.store.WriteSummary;
import java.io.PrintWriter;

/** Human-readable summaries printed by the commands. */
final class Summaries {

    private Summaries() {}

    static void printImport(PrintWriter out, ImportResult result) {
        WriteSummary s = result.summary();
        out.printf("Imported %s in %.1f s: %,d rows — %,d created, %,d updated, %,d unchanged.%n",
                result.bundle(), result.elapsed().toMillis() / 1000.0, s.rows(), s.created(), s.updated(),
                s.rows() - s.created() - s.updated());
        out.printf("  %-20s %10s %10s %10s %10s%n", "file", "rows", "created", "updated", "unchanged");
        for (WriteSummary.EntityCounts e : s.entities()) {
            out.printf("  %-20s %,10d %,10d %,10d %,10d%n", e.file(), e.rows(), e.created(), e.updated(), e.unchanged());
        }
        out.printf("  relationships: %,d created, %,d removed%n", s.relationshipsCreated(), s.relationshipsDeleted());
        if (s.changedNothing()) {
            out.println("  The store already held this bundle exactly: nothing changed.");
        }
        out.flush();
    }
}
