package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.report.Json;
import bridgemap.testing.JarProcess;
import bridgemap.testing.SmallDisk;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/**
 * Issue 20, a full disk, made by the test on a small tmpfs (skipped where mounting is not permitted): a store too
 * large for the disk and an import too large for what is left are refused before anything is written, in plain words
 * with the sizes; a disk that fills during an import ends the command within seconds with a clear message, the store
 * before or after; a server whose disk fills answers reads, refuses imports with a 507 problem and takes them again
 * once space returns.
 */
class DiskFullIT {

    private static final Pattern NOT_ENOUGH = Pattern.compile(
            "not enough disk space: (the store|this import) needs about [\\d,]+ MB in \\S+, [\\d,]+ MB (are|is) free; .*");
    /** Room for a new store (Neo4j reserves 2 × 256 MiB of transaction log) and a little more. */
    private static final int DISK_MB = 640;

    @Test
    void aNewStoreOnASmallDiskIsRefusedInPlainWords_issue20() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(40)) {
            Path data = disk.root().resolve("data");
            long started = System.nanoTime();
            JarProcess.Ran ran = JarProcess.run(60, "stats", "--data", data.toString());
            assertEquals(1, ran.exit(), ran.text());
            String said = said(ran, "bridgemap stats: ");
            assertTrue(NOT_ENOUGH.matcher(said).matches(), said);
            assertTrue(said.startsWith("not enough disk space: the store needs about ") && said.contains(" in " + data),
                    said);
            assertFalse(ran.text().contains("Exception") || ran.text().contains("'system'"), ran.text());
            assertFalse(Files.exists(data.resolve("data")), "nothing of Neo4j's was written");
            assertTrue(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started) < 30, "refused at once");
        }
    }

    @Test
    void anImportTooLargeForWhatIsLeftIsRefusedBeforeWriting_issue20() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(DISK_MB)) {
            Path data = disk.root().resolve("data");
            assertEquals(0, referrals(data));
            disk.fillLeaving(disk.root().resolve("filler"), 50_000_000);
            JarProcess.Ran ran = JarProcess.run(120, "import", "data/london-demo", "--bulk", "never", "--data", data.toString());
            assertEquals(1, ran.exit(), ran.text());
            String said = said(ran, "bridgemap import: ");
            assertTrue(NOT_ENOUGH.matcher(said).matches() && said.startsWith("not enough disk space: this import needs")
                    && said.contains("nothing was written"), said);
            assertEquals(0, referrals(data), "the store is as it was");
        }
    }

    @Test
    void aDiskThatFillsDuringAnImportEndsTheCommandWithinSecondsStoreBeforeOrAfter_issue20() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(DISK_MB)) {
            Path data = disk.root().resolve("data");
            assertEquals(0, referrals(data));
            Path filler = disk.root().resolve("filler");
            disk.fillLeaving(filler, 100_000_000); // more than the import's estimate: it starts
            Process process = JarProcess.command(List.of(), "import", "data/london-demo", "--bulk", "never", "--data",
                    data.toString()).start();
            List<String> output = Collections.synchronizedList(new ArrayList<>());
            boolean filled = false;
            long filledAt = 0;
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = in.readLine()) != null) {
                    output.add(line);
                    if (!filled && line.contains("writing referrals.csv")) {
                        disk.fillLeaving(disk.root().resolve("filler-2"), 0); // the disk fills while the import writes
                        filled = true;
                        filledAt = System.nanoTime();
                    }
                }
            }
            assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the import ended:\n" + String.join("\n", output));
            assertTrue(filled, "the import reached its referrals:\n" + String.join("\n", output));
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - filledAt);
            String text = String.join("\n", output);
            System.out.println("DiskFullIT import ended " + seconds + " s after the disk filled, exit " + process.exitValue()
                    + ":\n" + output.stream().filter(l -> l.startsWith("bridgemap ") || l.startsWith("Imported "))
                            .reduce("", (a, b) -> a + b + "\n"));
            assertNotEquals(0, process.exitValue(), text);
            assertTrue(seconds < 45, "ended " + seconds + " s after the disk filled:\n" + text);
            assertTrue(text.contains("bridgemap import: the disk holding " + data), text);
            Files.delete(disk.root().resolve("filler-2"));
            Files.delete(filler);
            long after = referrals(data);
            assertTrue(after == 0 || after == 46_700, "the store is as before or fully imported, not " + after);
        }
    }

    @Test
    void aServerWhoseDiskFillsAnswersReadsRefusesImportsWith507AndRecovers_issue20() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(DISK_MB)) {
            Path data = disk.root().resolve("data");
            JarProcess.Server server = JarProcess.serve(List.of(), "--data", data.toString());
            try {
                Path filler = disk.root().resolve("filler");
                disk.fillLeaving(filler, 20_000_000);
                HttpClient http = HttpClient.newHttpClient();
                String base = "http://127.0.0.1:" + server.port();
                HttpResponse<String> stats = http.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, stats.statusCode(), stats.body());
                byte[] zip = zip(TestStore.bundlePath("tiny"));
                HttpResponse<String> refused = http.send(upload(base, zip), HttpResponse.BodyHandlers.ofString());
                assertEquals(507, refused.statusCode(), refused.body());
                assertTrue(refused.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
                JsonNode problem = Json.mapper().readTree(refused.body());
                assertTrue(NOT_ENOUGH.matcher(problem.get("detail").asText()).matches(), refused.body());
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), "reads go on");

                // The disk fills to the last byte: reads still answer, a change (whose audit entry cannot be written)
                // is refused with 507 too.
                Path last = disk.root().resolve("filler-2");
                disk.fillLeaving(last, 0);
                assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(base + "/api/stats")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode(), "reads go on with the disk full");
                HttpResponse<String> full = http.send(upload(base, zip), HttpResponse.BodyHandlers.ofString());
                assertEquals(507, full.statusCode(), full.body());
                assertTrue(full.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));

                Files.delete(last);
                Files.delete(filler); // space returns
                HttpResponse<String> imported = http.send(upload(base, zip), HttpResponse.BodyHandlers.ofString());
                assertEquals(201, imported.statusCode(), imported.body());
            } finally {
                server.process().destroy();
                assertTrue(server.process().waitFor(60, TimeUnit.SECONDS), server.text());
            }
        }
    }

    /** What a failed command said after {@code prefix}, on the line that starts with it. */
    private static String said(JarProcess.Ran ran, String prefix) {
        return ran.output().stream().filter(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length())).findFirst()
                .orElseThrow(() -> new AssertionError("no line starting " + prefix + ":\n" + ran.text()));
    }

    /** The store's referrals, opened by {@code stats} in its own process (creating the store when missing). */
    private static long referrals(Path data) throws Exception {
        JarProcess.Ran ran = JarProcess.run(120, "stats", "--format", "json", "--data", data.toString());
        assertEquals(0, ran.exit(), ran.text());
        String json = ran.output().stream().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON from stats:\n" + ran.text()));
        return Json.mapper().readTree(json).get("labels").path("Referral").asLong(0);
    }

    private static HttpRequest upload(String base, byte[] zip) {
        return HttpRequest.newBuilder(URI.create(base + "/api/imports?name=tiny.zip"))
                .header("Content-Type", "application/zip").POST(HttpRequest.BodyPublishers.ofByteArray(zip)).build();
    }

    private static byte[] zip(Path folder) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes); Stream<Path> files = Files.list(folder)) {
            for (Path file : files.sorted().toList()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
