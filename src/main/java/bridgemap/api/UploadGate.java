package bridgemap.api;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds concurrent uploads, so that many sent at once cannot multiply the memory an import holds: one import runs
 * at a time (the store serialises imports anyway), a few more uploads may be received to disk and wait their turn,
 * and any beyond those are turned away at once (503 with {@code Retry-After}), before their bodies are read.
 */
final class UploadGate {

    /** Uploads received and waiting for the one running import. */
    static final int MAX_WAITING = 2;
    /** Longest an upload waits for its turn before it is turned away. */
    static final Duration MAX_WAIT = Duration.ofMinutes(2);

    private final Semaphore admitted = new Semaphore(1 + MAX_WAITING);
    private final Semaphore importing = new Semaphore(1, true);

    /** The server is busy with other uploads: try again later. */
    static final class BusyException extends Exception {
        BusyException(String message) {
            super(message);
        }
    }

    /** A place among the uploads being handled, given up on close. */
    final class Pass implements AutoCloseable {
        private boolean turn;
        private boolean closed;

        /** Waits until no other import runs (at most {@link #MAX_WAIT}); the turn ends when the pass is closed. */
        void awaitTurn() throws BusyException {
            try {
                if (!importing.tryAcquire(MAX_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                    throw new BusyException("Another import has been running for over " + MAX_WAIT.toMinutes()
                            + " minutes; try again later.");
                }
                turn = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new BusyException("The server is stopping.");
            }
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (turn) {
                importing.release();
            }
            admitted.release();
        }
    }

    /** A pass, or {@link BusyException} at once when {@code 1 + MAX_WAITING} uploads are already being handled. */
    Pass enter() throws BusyException {
        if (!admitted.tryAcquire()) {
            throw new BusyException("Other uploads are being imported (one at a time, " + MAX_WAITING
                    + " waiting); try again later.");
        }
        return new Pass();
    }
}
