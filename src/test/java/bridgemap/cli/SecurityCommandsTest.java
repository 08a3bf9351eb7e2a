package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.privacy.Role;
import bridgemap.privacy.Tokens;
import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** token add, analyze --role researcher, and the audit entry a CLI import leaves. */
class SecurityCommandsTest {

    @TempDir
    Path temp;


    @Test
    void tokenAddPrintsTheTokenOnceAndStoresOnlyItsHash() throws Exception {
        Path file = temp.resolve("tokens.txt");
        CliRun run = run(java.util.Map.of(), "token", "add", "alice", "--role", "analyst", "--tokens-file", file.toString());
        assertEquals(0, run.exit(), run.err());
        String token = run.out().strip();
        assertTrue(token.startsWith("bm_") && token.length() > 40, token);
        assertTrue(!Files.readString(file).contains(token));
        assertEquals(Role.ANALYST, Tokens.load(file).match(token).orElseThrow().role());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals(2, run(java.util.Map.of(), "token", "add", "alice", "--role", "viewer", "--tokens-file", file.toString()).exit(),
                "a second token with the same id is refused");
        assertEquals(2, run(java.util.Map.of(), "token", "add", "bob", "--role", "superuser", "--tokens-file", file.toString()).exit());
    }

    @Test
    void researchersGetDisclosureControlledJson() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        CliRun run = run(TestStore.externalEnv(), "analyze", "gaps", "--as-of", "2014-03-01", "--role", "researcher");
        assertEquals(0, run.exit(), run.err());
        var json = Json.mapper().readTree(run.out());
        assertEquals("*", json.get("exclusionConflicts").get("conflicts").get(0).get("cases").asText(), "one case shows as *");
        assertEquals(2, run(TestStore.externalEnv(), "analyze", "gaps", "--role", "researcher", "--format", "table").exit());
    }

    @Test
    void aCommandLineImportIsAuditLogged() throws Exception {
        TestStore.clear();
        Path audit = temp.resolve("audit.log");
        var env = new java.util.HashMap<>(TestStore.externalEnv());
        env.put("BRIDGEMAP_AUDIT_LOG", audit.toString());
        assertEquals(0, run(env, "import", TestStore.bundlePath("tiny").toString()).exit());
        var lines = Files.readAllLines(audit);
        var entry = Json.mapper().readTree(lines.get(lines.size() - 1));
        assertEquals("import", entry.get("action").asText());
        assertEquals("imported", entry.get("outcome").asText());
        assertEquals(34, entry.get("rows").asInt());
        assertTrue(entry.get("who").asText().startsWith("cli:"));
    }
}
