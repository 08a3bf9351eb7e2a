package bridgemap.service;

/**
 * The server is already computing as many different answers as it allows at once, so this one was refused rather than
 * queued without end (issue 20): the HTTP API answers 503 with {@code Retry-After}.
 */
public final class BusyException extends RuntimeException {

    private final int retryAfterSeconds;

    public BusyException(String message, int retryAfterSeconds) {
        super(message);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** How long a caller should wait before asking again. */
    public int retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
