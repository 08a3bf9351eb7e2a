package bridgemap.store;

/**
 * The disk holding the embedded store has not enough free space for what was asked, or filled while it was done
 * (issue 20). Its message says so in plain words, with the sizes and the folder; the command line exits 1 with it and
 * the API answers 507 Insufficient Storage.
 */
public final class DiskSpaceException extends RuntimeException {

    DiskSpaceException(String message) {
        super(message);
    }

    DiskSpaceException(String message, Throwable cause) {
        super(message, cause);
    }
}
