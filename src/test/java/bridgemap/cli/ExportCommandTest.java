package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code bridgemap export}, in-process, through BRIDGEMAP_NEO4J_URI. */
class ExportCommandTest {

    @TempDir
    Path temp;


    @BeforeAll
    static void tiny() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
    }

    @Test
    void graphmlAndGexfGoToAFile() throws Exception {
        Path graphml = temp.resolve("tiny.graphml");
        CliRun run = run("export", "--format", "graphml", "--as-of", "2014-03-01", "--out", graphml.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.readString(graphml).contains("<graph edgedefault=\"directed\">"));
        assertEquals("Wrote the referral graph as of 2014-03-01 to " + graphml + "." + System.lineSeparator(), run.err());
        Path gexf = temp.resolve("tiny.gexf");
        assertEquals(0, run("export", "--format", "GEXF", "--out", gexf.toString()).exit());
        assertTrue(Files.readString(gexf).contains("<gexf"));
    }

    @Test
    void csvGoesToAFolderOrAZip() throws Exception {
        Path dir = temp.resolve("csv");
        CliRun run = run("export", "--format", "csv", "--out", dir.toString(), "--borough", "E09000019");
        assertEquals(0, run.exit(), run.err());
        assertTrue(Files.exists(dir.resolve("bottlenecks-nodes.csv")));
        assertEquals(23, Files.list(dir).count(), "every analysis section, with bottlenecks-services and the two points-of-failure files (issue 14)");
        Path zip = temp.resolve("all.zip");
        assertEquals(0, run("export", "--format", "csv", "--out", zip.toString()).exit());
        assertTrue(Files.size(zip) > 0);
    }

    @Test
    void aBundleExportIsABackupThatImportRestores() throws Exception {
        String fingerprint = TestStore.app().fingerprint();
        var before = TestStore.stats();
        Path zip = temp.resolve("backup.zip");
        CliRun run = run("export", "--format", "bundle", "--out", zip.toString());
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.err().contains("Content fingerprint sha256:" + fingerprint), run.err());
        try {
            TestStore.clear();
            CliRun restore = run("import", zip.toString());
            assertEquals(0, restore.exit(), restore.err());
            assertEquals(before, TestStore.stats());
            assertEquals(fingerprint, TestStore.app().fingerprint());
        } finally {
            TestStore.clear();
            TestStore.importBundle("tiny");
        }
    }

    @Test
    void badRequestsExitTwo() {
        CliRun noOut = run("export", "--format", "openreferral");
        assertEquals(2, noOut.exit());
        assertTrue(noOut.err().contains("--format openreferral writes several files: give --out DIR or --out FILE.zip"), noOut.err());
        CliRun unknown = run("export", "--format", "pdf");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown format \"pdf\"; formats: graphml, gexf, csv, openreferral, bundle"), unknown.err());
        CliRun borough = run("export", "--format", "graphml", "--borough", "E09000099");
        assertEquals(2, borough.exit());
        assertTrue(borough.err().contains("unknown borough \"E09000099\""), borough.err());
    }
}
