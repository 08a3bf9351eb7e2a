package bridgemap.cli;

import bridgemap.app.BridgemapApp;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.privacy.AuditLog;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Map;

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

    /**
     * Writes the {@value AuditLog#STARTED} entry of a command that changes the store, before it changes anything, and
     * returns the action whose outcome {@link #audit(BridgemapApp, AuditLog.Action, String, long)} writes after.
     */
    static AuditLog.Action auditStarted(BridgemapApp app, String action, String parameter, Path file) {
        AuditLog.Action started = action(action, parameter, file);
        app.audit().started(started);
        return started;
    }

    /** The outcome of a change whose start {@link #auditStarted} wrote, with the same request id. */
    static void audit(BridgemapApp app, AuditLog.Action started, String outcome, long rows) {
        app.audit().record(started, outcome, rows);
    }

    private static AuditLog.Action action(String action, String parameter, Path file) {
        return AuditLog.Action.of("cli:" + System.getProperty("user.name"), "admin", action,
                Map.of(parameter, file.toAbsolutePath().normalize().toString()));
    }
}
