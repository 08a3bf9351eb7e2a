package bridgemap.api;

import bridgemap.report.Json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.ingest.ImportMemory;
import bridgemap.testing.TestStore;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 4 (and the upload part of item 3): uploads tried as an attacker would, each against a running
 * server over the shared store. Every upload path must stay within the heap, answer 413/415/503 (never a 500) within
 * seconds, import nothing when it refuses, and leave the server answering other requests.
 */
class UploadAttackTest {

    /** The upload limit of the server under test: room for the 6 MB bundle, small enough to stream past quickly. */
    private static final long LIMIT = 16L << 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static Javalin server;

    @BeforeAll
    static void start() {
        server = ApiServer.create(TestStore.app(), "127.0.0.1", 0, LIMIT).start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void emptyStore() {
        TestStore.clear();
    }

    // ---- the attack files ------------------------------------------------------------------------------

    /** An Open Referral zip of about 1 MB whose services.csv is 1 GiB of zeros. */
    private static byte[] openReferralBomb() {
        return RepeatedZip.of("services.csv", new byte[0], new byte[1 << 20], 1024);
    }

    /** About 400 KB of zip expanding to 400 MiB of zeros: under the size limit, over the expansion ratio. */
    private static byte[] openReferralRatioBomb() {
        return RepeatedZip.of("organizations.csv", new byte[0], new byte[1 << 20], 400);
    }

    /**
     * The 87× bundle: 6 MB of zip, 500 MiB of valid-looking referral rows, under both the 512 MiB expansion limit and
     * the ratio limit (100), and far more than the heap can validate.
     */
    private static byte[] bundleOf500MiB() {
        return bundleOf500MiB(-1);
    }

    /** The same, declaring {@code declaredSize} bytes (when not negative) instead of the truth. */
    private static byte[] bundleOf500MiB(long declaredSize) {
        String reason = "referred after assessment; ".repeat(22);
        StringBuilder rows = new StringBuilder();
        for (int i = 0; rows.length() < (1 << 20) - 2000; i++) {
            rows.append("r-").append(i).append(",c-").append(i % 20_000)
                    .append(",2014-02-03,mc-highbury,fmhp-isl-02,accepted,").append(reason).append('\n');
        }
        return RepeatedZip.of("referrals.csv", "id,case,date,from,to,outcome,reason\n".getBytes(StandardCharsets.UTF_8),
                rows.toString().getBytes(StandardCharsets.UTF_8), 500, declaredSize);
    }

    // ---- requests -------------------------------------------------------------------------------------

    private static HttpResponse<String> post(String query, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base() + "/api/imports" + query))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int health() throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(base() + "/api/health")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    private static String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The problem+json body of {@code response}, which must have {@code status}. */
    private static JsonNode problem(HttpResponse<String> response, int status) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith(ProblemDetail.CONTENT_TYPE),
                response.headers().toString());
        JsonNode json = Json.mapper().readTree(response.body());
        assertEquals(status, json.get("status").asInt());
        return json;
    }

    /**
     * Samples the heap in use (as {@code Runtime} reports it) while an attack runs, and polls {@code /api/health}
     * meanwhile; reports the largest rise over the heap in use before.
     */
    private static final class Watch implements AutoCloseable {
        private final long before;
        private final AtomicLong peak = new AtomicLong();
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final List<Integer> healthAnswers = java.util.Collections.synchronizedList(new ArrayList<>());
        private final ExecutorService threads = Executors.newFixedThreadPool(2);
        private final String attack;

        Watch(String attack) {
            this.attack = attack;
            System.gc();
            this.before = used();
            threads.submit(() -> {
                while (running.get()) {
                    peak.accumulateAndGet(used(), Math::max);
                    sleep(5);
                }
            });
            threads.submit(() -> {
                while (running.get()) {
                    try {
                        healthAnswers.add(health());
                    } catch (Exception e) {
                        healthAnswers.add(-1);
                    }
                    sleep(50);
                }
            });
        }

        private static long used() {
            Runtime runtime = Runtime.getRuntime();
            return runtime.totalMemory() - runtime.freeMemory();
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        /** The largest rise of the heap in use during the attack, in MB. */
        long peakRiseMb() {
            return Math.max(0, peak.get() - before) / 1_000_000;
        }

        @Override
        public void close() throws Exception {
            running.set(false);
            threads.shutdown();
            assertTrue(threads.awaitTermination(20, TimeUnit.SECONDS));
            System.out.printf(Locale.ROOT, "[issue 13] %s: heap in use before %d MB, peak rise %d MB (of -Xmx %d MB); "
                    + "%d health checks meanwhile%n", attack, before / 1_000_000, peakRiseMb(),
                    Runtime.getRuntime().maxMemory() / 1_000_000, healthAnswers.size());
            assertTrue(healthAnswers.stream().allMatch(s -> s == 200), "health during the attack: " + healthAnswers);
        }
    }

    // ---- the attacks ----------------------------------------------------------------------------------

    @Test
    void anOpenReferralZipBombIsRefusedWithinSecondsWithoutUnpackingIt() throws Exception {
        byte[] bomb = openReferralBomb();
        byte[] ratioBomb = openReferralRatioBomb();
        assertTrue(bomb.length < 1_200_000, "the bomb is " + bomb.length + " bytes");
        try (Watch watch = new Watch("Open Referral zip bombs (" + bomb.length + " and " + ratioBomb.length + " bytes)")) {
            long started = System.nanoTime();
            JsonNode tooLarge = problem(post("?format=openreferral&name=bomb.zip", "application/zip", bomb), 413);
            JsonNode ratio = problem(post("?format=openreferral&name=ratio.zip", "application/zip", ratioBomb), 413);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 5, "took " + seconds + " s");
            assertEquals("bomb.zip:0: (directory): uncompressed directory is larger than the limit of 536870912 bytes "
                    + "(at services.csv)", tooLarge.at("/errors/0").asText());
            assertTrue(ratio.at("/errors/0").asText().matches("ratio\\.zip:0: \\(directory\\): organizations\\.csv expands "
                    + "more than 100 times \\(\\d+ compressed bytes\\); CSV does not compress that well: refused as a likely "
                    + "zip bomb"), ratio.toString());
            assertTrue(watch.peakRiseMb() < 300, "the server held " + watch.peakRiseMb() + " MB");
        }
        assertEquals(0, TestStore.stats().nodeCount());
        assertEquals(200, health());
    }

    @Test
    void aBundleOf500MiBThatPassesTheSizeAndRatioLimitsIsRefusedForMemoryBeforeItIsUnpacked() throws Exception {
        byte[] bundle = bundleOf500MiB();
        try (var zip = new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(bundle))) {
            assertEquals("referrals.csv", zip.getNextEntry().getName());
        }
        long expanded = 36 + (long) ((1 << 20) - 2000) * 500; // at least
        assertTrue(bundle.length < 6_500_000 && expanded / bundle.length > 80, "6 MB expanding about 87 times");
        try (Watch watch = new Watch("the 87x bundle (" + bundle.length + " bytes)")) {
            long started = System.nanoTime();
            JsonNode refused = problem(post("?name=big.zip", "application/zip", bundle), 413);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 5, "took " + seconds + " s");
            String detail = refused.get("detail").asText();
            assertTrue(detail.matches("this bundle \\(52\\d MB once unpacked\\) would need about [\\d,]+ MB of memory to "
                    + "validate and write in one transaction; the server has [\\d,]+ MB to spare \\(of a [\\d,]+ MB heap\\): "
                    + "import it with the command line \\(bridgemap import\\) with a larger -Xmx, or split it; nothing was "
                    + "written\\."), detail);
            assertTrue(watch.peakRiseMb() < 300, "the server held " + watch.peakRiseMb() + " MB");
        }
        assertEquals(0, TestStore.stats().nodeCount());
        assertEquals(200, health());
    }

    @Test
    void aBundleThatUnderstatesItsSizeToPassTheMemoryEstimateIsCutOffWhereItsDeclaredSizeEnds() throws Exception {
        // 5 MB declared passes the estimate (and expands only 0.8 times on paper); 500 MiB inflated would not.
        byte[] forged = bundleOf500MiB(5_000_000);
        try (Watch watch = new Watch("the 87x bundle declaring 5 MB (" + forged.length + " bytes)")) {
            long started = System.nanoTime();
            JsonNode refused = problem(post("?name=forged.zip", "application/zip", forged), 400);
            double seconds = (System.nanoTime() - started) / 1e9;
            assertTrue(seconds < 5, "took " + seconds + " s");
            assertEquals(List.of("forged.zip:0: (bundle): referrals.csv expands to more than the 5000000 bytes its zip "
                    + "entry declares: refused as a damaged or forged zip"), Json.mapper().convertValue(refused.get("errors"),
                    List.class));
            assertTrue(watch.peakRiseMb() < 300, "the server held " + watch.peakRiseMb() + " MB");
        }
        assertEquals(0, TestStore.stats().nodeCount());
        assertEquals(200, health());
    }

    @Test
    void twelveBombsAtOnceAreAllRefusedAndNoneFailsWith500() throws Exception {
        byte[] openReferral = openReferralBomb();
        byte[] bundle = bundleOf500MiB();
        ExecutorService clients = Executors.newFixedThreadPool(12);
        List<Future<HttpResponse<String>>> answers = new ArrayList<>();
        try (Watch watch = new Watch("12 bombs at once")) {
            long started = System.nanoTime();
            for (int i = 0; i < 12; i++) {
                boolean even = i % 2 == 0;
                answers.add(clients.submit(() -> even
                        ? post("?format=openreferral&name=bomb.zip", "application/zip", openReferral)
                        : post("?name=big.zip", "application/zip", bundle)));
            }
            List<Integer> statuses = new ArrayList<>();
            for (Future<HttpResponse<String>> answer : answers) {
                HttpResponse<String> response = answer.get(60, TimeUnit.SECONDS);
                statuses.add(response.statusCode());
                JsonNode json = problem(response, response.statusCode());
                assertTrue(List.of(413, 503).contains(response.statusCode()), json.toString());
                if (response.statusCode() == 503) {
                    assertEquals("30", response.headers().firstValue("Retry-After").orElse(null));
                }
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf(Locale.ROOT, "[issue 13] 12 bombs at once: %s in %.1f s%n", statuses, seconds);
            assertTrue(seconds < 20, "took " + seconds + " s");
            assertTrue(watch.peakRiseMb() < 500, "the server held " + watch.peakRiseMb() + " MB");
        } finally {
            clients.shutdownNow();
        }
        assertEquals(0, TestStore.stats().nodeCount());
        assertEquals(200, health());
    }

    @Test
    void anUploadOverTheLimitIsStreamedToAPrivateFileAndRefusedWhileStillBeingSent() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/imports?name=endless.zip HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Content-Type: application/zip\r\nTransfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[1 << 16];
            long sent = 0;
            for (; sent < LIMIT / 2; sent += chunk.length) {
                chunk(out, chunk);
            }
            out.flush();
            // Half the limit has arrived: it is on disk, in a folder only this user can enter, not on the heap.
            Path part = awaitPart(LIMIT / 2);
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(part.getParent())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(part)));
            CompletableFuture<String> statusLine = CompletableFuture.supplyAsync(() -> {
                try {
                    return new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                            .readLine();
                } catch (IOException e) {
                    return "no answer: " + e;
                }
            });
            long total = 8 * LIMIT;
            try {
                while (sent < total && !statusLine.isDone()) {
                    chunk(out, chunk);
                    sent += chunk.length;
                }
            } catch (IOException closedByServer) {
                // the server answered and closed the connection while the body was still coming
            }
            assertTrue(statusLine.get(30, TimeUnit.SECONDS).startsWith("HTTP/1.1 413 "), statusLine.get());
            assertTrue(sent < 3 * LIMIT, "refused after " + sent + " of " + total + " bytes sent");
            assertTrue(Files.notExists(part), "the partial upload is deleted");
        }
        assertEquals(0, TestStore.stats().nodeCount());
        assertEquals(200, health());
    }

    /** Writes {@code data} as one chunk of a chunked body. */
    private static void chunk(OutputStream out, byte[] data) throws IOException {
        out.write((Integer.toHexString(data.length) + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(data);
        out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
    }

    /** The upload being received, once it has at least {@code bytes}: a file in a private bridgemap-uploads folder. */
    private static Path awaitPart(long bytes) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (System.nanoTime() < deadline) {
            for (Path part : parts()) {
                if (Files.exists(part) && Files.size(part) >= bytes) {
                    return part;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no upload of " + bytes + " bytes on disk: " + parts());
    }

    private static List<Path> parts() throws IOException {
        List<Path> parts = new ArrayList<>();
        try (Stream<Path> folders = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            for (Path folder : folders.filter(f -> f.getFileName().toString().startsWith("bridgemap-uploads-")).toList()) {
                try (Stream<Path> files = Files.list(folder)) {
                    parts.addAll(files.filter(f -> f.getFileName().toString().endsWith(".part")).toList());
                } catch (IOException gone) {
                    // another test's folder went away meanwhile
                }
            }
        }
        return parts;
    }

    @Test
    void uploadsBeyondTheOneRunningAndTwoWaitingAreTurnedAwayAtOnceBeforeTheirBodiesAreRead() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            int before = parts().size();
            for (int i = 0; i < 1 + UploadGate.MAX_WAITING; i++) {
                Socket socket = new Socket("127.0.0.1", server.port());
                OutputStream out = socket.getOutputStream();
                out.write(("POST /api/imports?name=slow.zip HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/zip\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                chunk(out, new byte[1024]);
                out.flush();
                slow.add(socket);
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (parts().size() < before + slow.size() && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertEquals(before + slow.size(), parts().size(), "three uploads are being received");
            long started = System.nanoTime();
            HttpResponse<String> turnedAway = post("?name=tiny.zip", "application/zip", FolderZip.of(TestStore.bundlePath("tiny")));
            JsonNode busy = problem(turnedAway, 503);
            assertTrue((System.nanoTime() - started) / 1e9 < 5);
            assertEquals("30", turnedAway.headers().firstValue("Retry-After").orElse(null));
            assertEquals("Other uploads are being imported (one at a time, 2 waiting); try again later. Nothing was imported.",
                    busy.get("detail").asText());
            assertEquals(200, health(), "other requests are served meanwhile");
        } finally {
            for (Socket socket : slow) {
                socket.close();
            }
        }
        // The abandoned uploads give their places back.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        HttpResponse<String> after;
        do {
            after = post("?name=tiny.zip", "application/zip", FolderZip.of(TestStore.bundlePath("tiny")));
        } while (after.statusCode() == 503 && System.nanoTime() < deadline);
        assertEquals(201, after.statusCode(), after.body());
    }

    @Test
    void aCrossSiteTextPlainUploadIsRefusedUnreadWith415AndImportsNothing() throws Exception {
        byte[] tiny = FolderZip.of(TestStore.bundlePath("tiny"));
        for (String type : new String[] {"text/plain", "text/plain;charset=UTF-8", "application/x-www-form-urlencoded",
                "multipart/form-data; boundary=x", null}) {
            HttpResponse<String> response = post("?name=tiny.zip", type, tiny);
            JsonNode refused = problem(response, 415);
            assertEquals("Content-Type", refused.get("parameter").asText());
            assertTrue(refused.get("detail").asText().startsWith("Send the bundle .zip with Content-Type: application/zip; "
                    + "this request's Content-Type is "), refused.toString());
            assertEquals("application/zip, application/x-zip-compressed, application/octet-stream",
                    response.headers().firstValue("Accept-Post").orElse(null));
        }
        JsonNode json = problem(post("?format=openreferral&name=x.json", "text/plain",
                Files.readAllBytes(Path.of("src/test/resources/openreferral/paged/service_list_1.json"))), 415);
        assertEquals("Send the Open Referral .zip with Content-Type: application/zip, or one JSON document with "
                + "Content-Type: application/json; this request's Content-Type is \"text/plain\". Nothing was imported.",
                json.get("detail").asText());
        problem(post("?name=tiny.zip", "application/json", tiny), 415);
        assertEquals(0, TestStore.stats().nodeCount());
    }

    @Test
    void anOutOfMemoryErrorDuringAnImportIsA503ProblemAndTheServerGoesOnServing() throws Exception {
        // The limits above refuse such uploads first; this is the last resort behind them. The budget asks the JVM for
        // an array it cannot have: a real OutOfMemoryError, without filling the test JVM's heap.
        ImportMemory.Budget exhausted = new ImportMemory.Budget() {
            @Override
            public long spare() {
                long[] tooBig = new long[Integer.MAX_VALUE];
                return tooBig.length;
            }

            @Override
            public long max() {
                return 0;
            }
        };
        ImportRoutes routes = new ImportRoutes(TestStore.app(), LIMIT, exhausted);
        Javalin alone = Javalin.create(config -> {
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.post("/api/imports", routes::importBundle);
        }).start();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + alone.port() + "/api/imports?name=tiny.zip"))
                    .header("Content-Type", "application/zip")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(FolderZip.of(TestStore.bundlePath("tiny")))).build(),
                    HttpResponse.BodyHandlers.ofString());
            JsonNode json = problem(response, 503);
            assertEquals("Out of memory", json.get("title").asText());
            assertNotNull(response.headers().firstValue("Retry-After").orElse(null));
        } finally {
            alone.stop();
        }
        assertEquals(0, TestStore.stats().nodeCount());
        assertEquals(200, health());
    }

    @Test
    void aNormalBundleAndOpenReferralZipAndJsonStillImport() throws Exception {
        assertEquals(201, post("?name=tiny.zip", "application/zip", FolderZip.of(TestStore.bundlePath("tiny"))).statusCode());
        assertEquals(201, post("?name=tiny-more.zip", "application/x-zip-compressed",
                FolderZip.of(TestStore.bundlePath("tiny-more"))).statusCode());
        assertEquals(201, post("?name=tiny-more.zip", "application/octet-stream",
                FolderZip.of(TestStore.bundlePath("tiny-more"))).statusCode(), "the same again changes nothing");
        assertEquals(5, TestStore.stats().count("Referral"));
        HttpResponse<String> openReferral = post("?format=openreferral&name=london.zip", "application/zip",
                FolderZip.of(Path.of("src/test/resources/openreferral/london"), "london/"));
        assertEquals(201, openReferral.statusCode(), openReferral.body());
        HttpResponse<String> json = post("?format=openreferral&name=service_list.json", "application/json; charset=utf-8",
                Files.readAllBytes(Path.of("src/test/resources/openreferral/paged/service_list_1.json")));
        assertEquals(201, json.statusCode(), json.body());
        assertEquals("JSON API", Json.mapper().readTree(json.body()).at("/report/serialisation").asText());
    }
}
