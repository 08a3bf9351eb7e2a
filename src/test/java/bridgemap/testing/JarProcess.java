package bridgemap.testing;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The packaged jar run as a user runs it, for the process tests ({@code *IT}): a command run to its end, or a
 * {@code serve} waited for until it says where it serves. Short-lived JVMs run C1-only with the serial collector, which
 * on two busy cores halves their start-up (see {@code ImportCrashIT}).
 */
public final class JarProcess {

    private static final Pattern SERVING = Pattern.compile("Bridgemap is serving http://127\\.0\\.0\\.1:(\\d+)/");

    private JarProcess() {}

    /** A new temporary folder (for {@code @AfterEach} to delete with {@link TestStore#deleteTree}). */
    public static Path tempDir(String prefix) {
        try {
            return java.nio.file.Files.createTempDirectory(prefix);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** How a command ended and what it printed (standard output and error together). */
    public record Ran(int exit, List<String> output) {
        public String text() {
            return String.join("\n", output);
        }
    }

    /**
     * A running {@code bridgemap serve}, its HTTP port, and the file its output goes to: a file, not a pipe, so that what
     * it prints while stopping is kept whatever the test reads when.
     */
    public record Server(Process process, int port, Path log) {
        public String text() {
            try {
                return java.nio.file.Files.readString(log, StandardCharsets.UTF_8);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }

    /** {@code java [jvmFlags] -jar target/bridgemap.jar ARGS}, standard error merged into standard output. */
    public static ProcessBuilder command(List<String> jvmFlags, String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
        command.addAll(jvmFlags);
        command.addAll(List.of("-jar", "target/bridgemap.jar"));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true);
    }

    /** Runs {@code bridgemap ARGS} to its end (at most {@code seconds}, else it is killed and the test fails). */
    public static Ran run(long seconds, String... args) throws Exception {
        Process process = command(List.of(), args).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        Thread reader = drain(process, output);
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("bridgemap " + String.join(" ", args) + " did not end within " + seconds + " s:\n"
                    + String.join("\n", output));
        }
        reader.join(5_000);
        return new Ran(process.exitValue(), List.copyOf(output));
    }

    /** Starts {@code bridgemap serve --port 0 ARGS} with {@code jvmFlags} and waits until it serves. */
    public static Server serve(List<String> jvmFlags, String... args) throws Exception {
        List<String> all = new ArrayList<>(List.of("serve", "--port", "0"));
        all.addAll(List.of(args));
        Path log = java.nio.file.Files.createTempFile("bridgemap-serve", ".log");
        log.toFile().deleteOnExit();
        Process process = command(jvmFlags, all.toArray(String[]::new)).redirectOutput(log.toFile()).start();
        Server starting = new Server(process, 0, log);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline && process.isAlive()) {
            Matcher m = SERVING.matcher(starting.text());
            if (m.find()) {
                return new Server(process, Integer.parseInt(m.group(1)), log);
            }
            Thread.sleep(100);
        }
        process.destroyForcibly();
        throw new AssertionError("serve did not start:\n" + starting.text());
    }

    private static Thread drain(Process process, List<String> output) {
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(output::add);
            } catch (java.io.IOException | java.io.UncheckedIOException e) {
                // the process ended
            }
        }, "jar-output");
        reader.setDaemon(true);
        reader.start();
        return reader;
    }
}
