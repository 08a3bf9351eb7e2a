package bridgemap.cli;

import bridgemap.app.BridgemapApp;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.privacy.AuditLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToLongFunction;

/** What the commands that read or write whole bundles have in common: how they report a rejection, and the audit entry. */
final class CommandOutput {

    private CommandOutput() {
    }

    /** Prints every problem as file:line: column: message, then one summary line; returns exit code 2. */
    static int rejected(PrintWriter err, String command, Path input, BundleRejectedException e) {
        for (Problem problem : e.problems()) {
            err.println(problem);
        }
        err.printf("bridgemap %s: %s rejected with %d problem%s; nothing was written.%n", command, input,
                e.problems().size(), e.problems().size() == 1 ? "" : "s");
        err.flush();
        return BridgemapCommand.EXIT_BAD_INPUT;
    }

    /** An audit-log entry for a command run by this operating-system user, who has the store's files and so is admin. */
    static void audit(BridgemapApp app, String action, String parameter, Path file, String outcome, long rows) {
        app.audit().record(action(action, parameter, file), outcome, rows);
    }

    /** An import into the store, which may refuse its input. */
    interface Import<T> {
        T run() throws BundleRejectedException;
    }

    /**
     * Runs {@code work}, an import into the store, between its audit entries: the {@value AuditLog#STARTED} entry before
     * it changes anything, then, with the same request id, "imported" with the {@code rows} it wrote, "rejected" (its
     * problems printed by {@link #rejected}) or "failed" (the exception passed on). The progress bar is finished
     * before anything is printed.
     *
     * @return the import's result, or empty when the input was rejected (exit with {@link BridgemapCommand#EXIT_BAD_INPUT})
     */
    static <T> Optional<T> importAudited(BridgemapApp app, PrintWriter err, String command, Path input, ProgressBar bar,
            Import<T> work, ToLongFunction<T> rows) {
        AuditLog.Action started = action(command, "path", input);
        app.audit().started(started);
        T result;
        try {
            result = work.run();
        } catch (BundleRejectedException e) {
            bar.finish();
            app.audit().record(started, "rejected", 0);
            rejected(err, command, input, e);
            return Optional.empty();
        } catch (RuntimeException e) {
            app.audit().record(started, "failed", 0);
            throw e;
        }
        bar.finish();
        app.audit().record(started, "imported", rows.applyAsLong(result));
        return Optional.of(result);
    }

    private static AuditLog.Action action(String action, String parameter, Path file) {
        return AuditLog.Action.of("cli:" + System.getProperty("user.name"), "admin", action,
                Map.of(parameter, file.toAbsolutePath().normalize().toString()));
    }
}
