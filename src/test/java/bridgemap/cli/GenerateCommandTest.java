package bridgemap.cli;

import static bridgemap.cli.CliRun.run;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.ingest.ImportResult;
import bridgemap.model.ProgressListener;
import bridgemap.store.StoreStats;
import bridgemap.testing.TestStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code bridgemap generate}: the same scale and seed give byte-identical files, another seed other files, and what
 * it writes passes the import's complete validation and lands in the real embedded store.
 */
class GenerateCommandTest {

    @TempDir
    Path temp;


    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.sorted().toList();
        }
    }

    @Test
    void theSameSeedGivesByteIdenticalFilesAndAnotherSeedOtherOnes() throws IOException {
        Path a = temp.resolve("a");
        Path b = temp.resolve("b");
        Path c = temp.resolve("c");
        assertEquals(0, run(Map.of(), "generate", "--scale", "small", "--seed", "7", "--out", a.toString()).exit());
        assertEquals(0, run(Map.of(), "generate", "--scale", "small", "--seed", "7", "--out", b.toString()).exit());
        assertEquals(0, run(Map.of(), "generate", "--scale", "small", "--seed", "8", "--out", c.toString()).exit());
        List<Path> files = files(a);
        assertEquals(14, files.size(), "thirteen CSV files (successions.csv since issue 15) and a README: " + files);
        assertEquals(files.stream().map(Path::getFileName).toList(), files(b).stream().map(Path::getFileName).toList());
        for (Path file : files) {
            assertArrayEquals(Files.readAllBytes(file), Files.readAllBytes(b.resolve(file.getFileName())),
                    file.getFileName() + " differs between two runs with the same seed");
        }
        assertFalse(java.util.Arrays.equals(Files.readAllBytes(a.resolve("referrals.csv")),
                Files.readAllBytes(c.resolve("referrals.csv"))), "another seed, other referrals");
    }

    @Test
    void theBundleSaysItIsSyntheticAndImportsWithoutAProblem() throws Exception {
        Path out = temp.resolve("small");
        CliRun generated = run(Map.of(), "generate", "--scale", "small", "--seed", "11", "--out", out.toString());
        assertEquals(0, generated.exit(), generated.err());
        assertTrue(generated.out().contains("Wrote a synthetic small bundle (seed 11)"), generated.out());
        assertTrue(Files.readString(out.resolve("README.md")).contains("Everything in it is made up"));
        for (String line : Files.readAllLines(out.resolve("boroughs.csv")).subList(1, 10)) {
            assertTrue(line.matches("[EW]90\\d{6},Synthetic LA \\d+,Synthetic .*"), line);
        }
        long agencies = Files.readAllLines(out.resolve("agencies.csv")).stream().skip(1).count();
        long saySynthetic = Files.readAllLines(out.resolve("agencies.csv")).stream().skip(1)
                .filter(l -> l.toLowerCase(java.util.Locale.ROOT).contains("synthetic")).count();
        assertEquals(agencies, saySynthetic, "every agency's name says it is synthetic");

        TestStore.clear();
        // importPath runs the full validator; any problem would be a BundleRejectedException.
        ImportResult result = TestStore.app().imports().importPath(out, ProgressListener.NONE);
        long rows = 0;
        for (Path csv : files(out)) {
            if (csv.toString().endsWith(".csv")) {
                rows += Files.readAllLines(csv).size() - 1;
            }
        }
        assertEquals(rows, result.summary().rows());
        assertEquals(rows, result.summary().created());
        StoreStats stats = TestStore.stats();
        assertEquals(Files.readAllLines(out.resolve("referrals.csv")).size() - 1, stats.count("Referral"));
        assertEquals(400, stats.count("Case"));
        assertEquals(stats.count("Referral"), stats.relationshipCount("FROM"));
        assertEquals(stats.count("Referral"), stats.relationshipCount("HAD"));
        // Importing it again changes nothing.
        assertTrue(TestStore.app().imports().importPath(out, ProgressListener.NONE).summary().changedNothing());
        assertEquals(stats, TestStore.stats());
        TestStore.clear();
    }

    @Test
    void anUnknownScaleIsBadInput() {
        CliRun run = run(Map.of(), "generate", "--scale", "mars", "--out", temp.resolve("x").toString());
        assertEquals(BridgemapCommand.EXIT_BAD_INPUT, run.exit());
        assertTrue(run.err().contains("unknown scale \"mars\""), run.err());
    }
}
