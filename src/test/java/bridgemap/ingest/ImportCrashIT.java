package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import bridgemap.report.Json;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An import killed with SIGKILL at a random moment while it writes leaves the store exactly as it was or fully
 * imported, never in between: the packaged jar imports a generated bundle of ~36,000 rows into a store holding the
 * tiny bundle, is killed ({@link Process#destroyForcibly()} is SIGKILL on Linux) once its progress passes a chosen
 * point plus a random delay, and the store is opened again by a new process ({@code stats --format json}), which
 * runs Neo4j's recovery. After the last crash the same store takes the whole import — it is usable, not just
 * consistent — and, killed the moment it reports its commit, keeps all of it. Each kill and its outcome is printed
 * (see {@code target/failsafe-reports}).
 */
class ImportCrashIT {

    private static final Pattern WRITING = Pattern.compile("^\\s*(\\d+)% writing ");
    private static final int CASES = 6_000;
    private static final int REFERRALS = 30_000;
    /** Progress points to kill after: before the first batch lands, during, and at the commit. */
    private static final List<Integer> KILL_AFTER_PERCENT = List.of(0, 25, 50, 75, 100);
    /** A kill point past 100%: the import has printed its summary, so it has committed. */
    private static final int AFTER_COMMIT = 101;
    private static final List<String> NEEDS = List.of("psychosis", "personality_disorder", "substance_misuse");
    private static final List<String> SOURCES = List.of("mc-highbury", "po-isl", "cust-isl", "fmhp-isl-02");
    private static final List<String> TARGETS = List.of("cmht-isl", "sms-isl", "fmhp-isl-02");
    private static final List<String> OUTCOMES = List.of("accepted", "declined", "no_response", "withdrawn", "pending");

    private final Path root = createTemp();

    private static Path createTemp() {
        try {
            return Files.createTempDirectory("bridgemap-crash-it");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void cleanUp() {
        TestStore.deleteTree(root);
    }

    /** What a process printed and how it ended. */
    private record Ran(int exit, List<String> output) {}

    private static ProcessBuilder bridgemap(String... args) {
        // C1 only and the serial collector: these short processes are bound by start-up JIT work, which on two busy
        // cores halves their run time (a stats run: 15 s instead of 30 s here). Crash behaviour does not depend on it.
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "target/bridgemap.jar"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    private static Ran runToEnd(String... args) throws Exception {
        Process process = bridgemap(args).start();
        List<String> output;
        try (BufferedReader reader = reader(process)) {
            output = reader.lines().toList();
        }
        assertTrue(process.waitFor(5, TimeUnit.MINUTES), "bridgemap " + String.join(" ", args) + " did not end");
        return new Ran(process.exitValue(), output);
    }

    private static BufferedReader reader(Process process) {
        return new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    }

    private static JsonNode stats(Path data) throws Exception {
        Ran ran = runToEnd("stats", "--format", "json", "--data", data.toString());
        assertEquals(0, ran.exit(), () -> "the store did not open again:\n" + String.join("\n", ran.output()));
        String json = ran.output().stream().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON from stats:\n" + String.join("\n", ran.output())));
        return Json.mapper().readTree(json);
    }

    /** How one killed import ended. */
    private record Kill(int afterPercent, long jitterMs, long msAfterWritingStarted, int lastPercentSeen,
            boolean exitedFirst, String outcome) {

        Kill withOutcome(String outcome) {
            return new Kill(afterPercent, jitterMs, msAfterWritingStarted, lastPercentSeen, exitedFirst, outcome);
        }
    }

    @Test
    void aKilledImportLeavesTheStoreAsItWasOrFullyImported() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("ImportCrashIT seed " + seed);

        Path base = TestStore.copyBundle("tiny", root.resolve("tiny"));
        Path big = root.resolve("big");
        int hasNeed = writeBigBundle(big, new Random(seed));
        Path pristine = root.resolve("pristine");
        Ran baseImport = runToEnd("import", base.toString(), "--data", pristine.toString());
        assertEquals(0, baseImport.exit(), String.join("\n", baseImport.output()));
        JsonNode before = stats(pristine);
        JsonNode after = Json.mapper().readTree(plus(before, hasNeed).toString()); // number nodes as parsed ones

        List<Integer> points = new ArrayList<>(KILL_AFTER_PERCENT);
        Collections.shuffle(points, random);
        List<Kill> kills = new ArrayList<>();
        Path data = null;
        for (int i = 0; i < points.size(); i++) {
            data = root.resolve("store-" + i);
            copyTree(pristine, data);
            Kill kill = killDuringImport(big, data, points.get(i), random.nextInt(1_000));
            JsonNode now = stats(data);
            String outcome = now.equals(before) ? "as before" : now.equals(after) ? "fully imported" : null;
            if (outcome == null) {
                fail("after a kill " + kill + " the store is neither as before nor fully imported:\nbefore " + before
                        + "\nafter  " + after + "\nnow    " + now);
            }
            kill = kill.withOutcome(outcome);
            if (kill.exitedFirst()) {
                assertEquals("fully imported", outcome, "an import that ended by itself committed");
            }
            System.out.println("ImportCrashIT kill " + (i + 1) + ": " + kill);
            kills.add(kill);
        }

        // The last crashed store takes the whole import again; killed as soon as it reports the commit (before the
        // store is closed), it holds exactly the full state: a committed import survives SIGKILL.
        Kill committed = killDuringImport(big, data, AFTER_COMMIT, 0);
        assertEquals(after, stats(data), "an import killed just after its commit");
        System.out.println("ImportCrashIT kill after the commit, on the store of kill " + points.size() + ": "
                + committed.withOutcome("fully imported"));
        System.out.println("ImportCrashIT summary: " + kills.stream().filter(k -> k.outcome().equals("as before")).count()
                + " rolled back, " + kills.stream().filter(k -> k.outcome().equals("fully imported")).count()
                + " fully imported, 0 in between");
    }

    /** Where a bulk load is killed: each phase it reports, at its start, middle and end. */
    private record BulkPoint(String phase, int percent) {
        Pattern pattern() {
            return Pattern.compile("^\\s*(\\d+)% " + Pattern.quote(phase) + " ");
        }
    }

    private static final List<BulkPoint> BULK_KILL_POINTS = List.of(new BulkPoint("bulk loading", 0), new BulkPoint("bulk loading", 50), new BulkPoint("bulk loading", 100),
            new BulkPoint("moving the loaded database into place", 0), new BulkPoint("building indexes", 0));

    /**
     * The bulk load ({@code --bulk always} into an empty store, engine stopped while the importer stages a database
     * that is then moved in under a journal) killed at each of its phases: the store the next process opens is empty
     * or holds the whole bundle, and the empty ones then take the whole bundle.
     */
    @Test
    void aKilledBulkLoadLeavesTheStoreEmptyOrFullyLoaded() throws Exception {
        long seed = System.nanoTime();
        Random random = new Random(seed);
        System.out.println("ImportCrashIT bulk seed " + seed);

        // The tiny bundle with the big one's cases and referrals added: a whole bundle for an empty store.
        Path bundle = TestStore.copyBundle("tiny", root.resolve("whole"));
        Path big = root.resolve("big");
        int hasNeed = writeBigBundle(big, new Random(seed));
        for (String file : List.of("cases.csv", "referrals.csv")) {
            List<String> rows = Files.readAllLines(big.resolve(file));
            Files.write(bundle.resolve(file), rows.subList(1, rows.size()), StandardOpenOption.APPEND);
        }
        Path tinyOnly = root.resolve("tiny-only");
        assertEquals(0, runToEnd("import", TestStore.bundlePath("tiny").toString(), "--data", tinyOnly.toString()).exit());
        JsonNode after = Json.mapper().readTree(plus(stats(tinyOnly), hasNeed).toString());
        Path pristine = root.resolve("empty");
        JsonNode empty = stats(pristine);

        List<String> outcomes = new ArrayList<>();
        for (int i = 0; i < BULK_KILL_POINTS.size(); i++) {
            BulkPoint point = BULK_KILL_POINTS.get(i);
            Path data = root.resolve("bulk-" + i);
            copyTree(pristine, data);
            Kill kill = killDuring(point.pattern(), bundle, data, point.percent(), random.nextInt(500), "--bulk", "always");
            JsonNode now = stats(data);
            String outcome = now.equals(empty) ? "empty" : now.equals(after) ? "fully loaded" : null;
            if (outcome == null) {
                fail("after a kill " + kill + " at " + point + " the store is neither empty nor fully loaded:\nafter "
                        + after + "\nnow   " + now);
            }
            if (kill.exitedFirst()) {
                assertEquals("fully loaded", outcome, "a bulk load that ended by itself is complete");
            }
            if (outcome.equals("empty")) {
                Ran again = runToEnd("import", bundle.toString(), "--data", data.toString(), "--bulk", "always");
                assertEquals(0, again.exit(), () -> String.join("\n", again.output()));
                assertEquals(after, stats(data), "an emptied store takes the whole bulk load again");
            }
            System.out.println("ImportCrashIT bulk kill " + (i + 1) + " at " + point + ": " + kill.withOutcome(outcome));
            outcomes.add(outcome);
        }
        System.out.println("ImportCrashIT bulk summary: " + outcomes.stream().filter("empty"::equals).count()
                + " empty, " + outcomes.stream().filter("fully loaded"::equals).count() + " fully loaded, 0 in between");
    }

    /** Starts the import, kills it with SIGKILL once it has written past {@code percent}% plus {@code jitterMs}. */
    private static Kill killDuringImport(Path bundle, Path data, int percent, long jitterMs) throws Exception {
        return killDuring(WRITING, bundle, data, percent, jitterMs, "--bulk", "never");
    }

    /**
     * Starts {@code import BUNDLE --data DATA ARGS}, kills it with SIGKILL once a progress line matching {@code phase}
     * reports {@code percent}% or more (or the import reports its commit), plus {@code jitterMs}.
     */
    private static Kill killDuring(Pattern phase, Path bundle, Path data, int percent, long jitterMs, String... args)
            throws Exception {
        List<String> command = new ArrayList<>(List.of("import", bundle.toString(), "--data", data.toString()));
        command.addAll(List.of(args));
        Process process = bridgemap(command.toArray(String[]::new)).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        long[] writingStarted = {0};
        int[] lastPercent = {-1};
        Object reached = new Object();
        boolean[] ready = {false};
        Thread reader = new Thread(() -> {
            try (BufferedReader in = reader(process)) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    Matcher m = phase.matcher(line);
                    boolean committed = line.startsWith("Imported ");
                    if (m.find() || committed) {
                        synchronized (reached) {
                            if (writingStarted[0] == 0) {
                                writingStarted[0] = System.nanoTime();
                            }
                            lastPercent[0] = committed ? AFTER_COMMIT : Integer.parseInt(m.group(1));
                            if (lastPercent[0] >= percent) {
                                ready[0] = true;
                                reached.notifyAll();
                            }
                        }
                    }
                }
            } catch (IOException e) {
                // the process was killed: its output ends
            }
        }, "import-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        synchronized (reached) {
            while (!ready[0] && process.isAlive() && System.nanoTime() < deadline) {
                reached.wait(200);
            }
        }
        if (!ready[0] && process.isAlive()) {
            process.destroyForcibly();
            fail("the import never reached " + phase + " " + percent + "%:\n" + String.join("\n", output));
        }
        Thread.sleep(jitterMs);
        boolean exitedFirst = !process.isAlive();
        long killedAt = System.nanoTime();
        process.destroyForcibly(); // SIGKILL: no shutdown hook, no rollback, no clean close of the store
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        reader.join(5_000);
        if (exitedFirst && process.exitValue() != 0) {
            fail("the import failed by itself:\n" + String.join("\n", output));
        }
        long ms = writingStarted[0] == 0 ? -1 : TimeUnit.NANOSECONDS.toMillis(killedAt - writingStarted[0]);
        return new Kill(percent, jitterMs, ms, lastPercent[0], exitedFirst, "?");
    }

    /** The tiny bundle's counts plus what the big bundle adds: its cases and referrals and their relationships. */
    private static JsonNode plus(JsonNode before, int hasNeed) {
        ObjectNode after = before.deepCopy();
        ObjectNode labels = (ObjectNode) after.get("labels");
        labels.put("Case", labels.get("Case").asLong() + CASES);
        labels.put("Referral", labels.get("Referral").asLong() + REFERRALS);
        ObjectNode relationships = (ObjectNode) after.get("relationships");
        for (String type : List.of("HAD", "FROM", "TO")) {
            relationships.put(type, relationships.get(type).asLong() + REFERRALS);
        }
        relationships.put("HAS_NEED", relationships.get("HAS_NEED").asLong() + hasNeed);
        return after;
    }

    /** New cases and referrals that refer to the tiny bundle's boroughs, needs, settings and services. */
    private static int writeBigBundle(Path dir, Random random) throws IOException {
        Files.createDirectories(dir);
        int hasNeed = 0;
        try (Writer cases = Files.newBufferedWriter(dir.resolve("cases.csv"))) {
            cases.write("id,borough,age_band,gender,needs\n");
            for (int i = 0; i < CASES; i++) {
                List<String> needs = new ArrayList<>(NEEDS);
                Collections.shuffle(needs, random);
                needs = needs.subList(0, 1 + random.nextInt(2));
                hasNeed += needs.size();
                cases.write(String.format("crash-c%05d,%s,%s,%s,%s%n", i, random.nextBoolean() ? "E09000019" : "E09000012",
                        random.nextBoolean() ? "25-34" : "35-44", random.nextBoolean() ? "male" : "female",
                        String.join(";", needs)));
            }
        }
        try (Writer referrals = Files.newBufferedWriter(dir.resolve("referrals.csv"))) {
            referrals.write("id,case,date,from,to,outcome,reason\n");
            for (int i = 0; i < REFERRALS; i++) {
                String from = SOURCES.get(random.nextInt(SOURCES.size()));
                String to;
                do {
                    to = TARGETS.get(random.nextInt(TARGETS.size()));
                } while (to.equals(from));
                referrals.write(String.format("crash-r%06d,crash-c%05d,2014-%02d-%02d,%s,%s,%s,%n", i, random.nextInt(CASES),
                        1 + random.nextInt(12), 1 + random.nextInt(28), from, to, OUTCOMES.get(random.nextInt(OUTCOMES.size()))));
            }
        }
        return hasNeed;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path source : walk.toList()) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target);
                }
            }
        }
    }
}
