package bridgemap.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command-line import writes its audit entry before it commits, and its outcome after, under one request id
 * (issue 13, item 6): an import whose process dies after committing is still on record.
 */
class ImportAuditTest {

    @TempDir
    Path temp;

    private static List<JsonNode> entries(Path audit) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        if (Files.exists(audit)) {
            for (String line : Files.readAllLines(audit)) {
                entries.add(Json.mapper().readTree(line));
            }
        }
        return entries;
    }

    @Test
    void theImportIsOnRecordBeforeItCommits() throws Exception {
        TestStore.clear();
        Path audit = temp.resolve("audit.log");
        Map<String, String> env = new HashMap<>(TestStore.externalEnv());
        env.put("BRIDGEMAP_AUDIT_LOG", audit.toString());
        try (var session = TestStore.app().store().session(); var hold = session.beginTransaction()) {
            // Holds the id of a borough the bundle creates: the import validates, then waits inside its write.
            hold.run(TestStore.testCypher("hold-borough-id"), Map.of("id", "E09000012")).consume();
            CompletableFuture<CliRun> run = CompletableFuture.supplyAsync(
                    () -> CliRun.run(env, "import", TestStore.bundlePath("tiny").toString()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (entries(audit).isEmpty() && System.nanoTime() < deadline && !run.isDone()) {
                Thread.sleep(50);
            }
            List<JsonNode> before = entries(audit);
            assertEquals(1, before.size(), "one entry while the import waits to commit: " + before);
            assertEquals("started", before.get(0).get("outcome").asText());
            assertEquals("import", before.get(0).get("action").asText());
            assertTrue(before.get(0).get("who").asText().startsWith("cli:"));
            assertEquals(0, TestStore.stats().nodeCount(), "the import has not committed yet");
            hold.rollback();
            CliRun done = run.get(60, TimeUnit.SECONDS);
            assertEquals(0, done.exit(), done.err());
        }
        List<JsonNode> after = entries(audit);
        assertEquals(List.of("started", "imported"), after.stream().map(e -> e.get("outcome").asText()).toList());
        assertEquals(after.get(0).get("request"), after.get(1).get("request"));
        assertEquals(34, after.get(1).get("rows").asInt());
    }

    @Test
    void aRejectedImportClosesItsAttempt() throws Exception {
        Path audit = temp.resolve("audit.log");
        Path bad = TestStore.copyBundle("tiny", temp.resolve("bad"));
        Files.writeString(bad.resolve("boroughs.csv"), "id,name,region\n,Nowhere,\n");
        Map<String, String> env = new HashMap<>(TestStore.externalEnv());
        env.put("BRIDGEMAP_AUDIT_LOG", audit.toString());
        assertEquals(2, CliRun.run(env, "import", bad.toString()).exit());
        List<JsonNode> entries = entries(audit);
        assertEquals(List.of("started", "rejected"), entries.stream().map(e -> e.get("outcome").asText()).toList());
        assertEquals(entries.get(0).get("request"), entries.get(1).get("request"));
    }
}
