package bridgemap.store;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded store's folder is held by another process (most likely a running {@code bridgemap serve}) or by another
 * store in this one: it says which folder, who probably holds it, and what to do instead (issue 20).
 */
public final class StoreInUseException extends RuntimeException {

    private final transient Path folder;

    StoreInUseException(Path folder, String holder) {
        super(message(Objects.requireNonNull(folder, "folder"), holder));
        this.folder = folder;
    }

    /** The data folder that is in use. */
    public Path folder() {
        return folder;
    }

    private static String message(Path folder, String holder) {
        return "the store in " + folder + " is in use by " + holder + ". Only one process may open a store at a time. "
                + "Stop that process (Ctrl-C, or `systemctl stop bridgemap`) and run this command again, or let the "
                + "server do the work: import through it with POST /api/imports (curl --data-binary @bundle.zip -H "
                + "'Content-Type: application/zip' http://localhost:7070/api/imports), read through GET /api/stats and "
                + "/api/analysis/…; or give this command another --data folder.";
    }
}
