package bridgemap.app;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * Whether the store answers, as last seen by a watcher that pings it in the background (issue 17): {@code /api/health}
 * reads this flag from memory, so a health check never waits behind analysis work or a slow store. A store whose
 * ping has not succeeded within {@code 3 ×} the watch interval counts as down, so a ping that hangs is seen too.
 */
public final class StoreHealth implements AutoCloseable {

    private final BooleanSupplier ping;
    private final LongSupplier nanoTime;
    private volatile long lastAnswerNanos;
    private volatile boolean answered;
    private volatile long staleAfterNanos = Long.MAX_VALUE;
    private ScheduledExecutorService watcher;

    /** A flag fed by {@code ping} (true when the store answers), on the system's monotonic clock. */
    public StoreHealth(BooleanSupplier ping) {
        this(ping, System::nanoTime);
    }

    StoreHealth(BooleanSupplier ping, LongSupplier nanoTime) {
        this.ping = Objects.requireNonNull(ping, "ping");
        this.nanoTime = Objects.requireNonNull(nanoTime, "nanoTime");
    }

    /** True when the last ping succeeded and is recent; never touches the store. */
    public boolean up() {
        return answered && nanoTime.getAsLong() - lastAnswerNanos <= staleAfterNanos;
    }

    /** Pings the store now (in the caller's thread) and records the outcome; returns it. */
    public boolean check() {
        boolean ok;
        try {
            ok = ping.getAsBoolean();
        } catch (RuntimeException e) {
            ok = false;
        }
        if (ok) {
            lastAnswerNanos = nanoTime.getAsLong();
        }
        answered = ok;
        return ok;
    }

    /**
     * Pings once now, then every {@code every} on a daemon thread until {@link #close()}; a ping older than three
     * intervals makes {@link #up()} false. Calling it again changes nothing.
     */
    public synchronized void watch(Duration every) {
        if (watcher != null) {
            return;
        }
        staleAfterNanos = 3 * every.toNanos();
        check();
        watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bridgemap-store-health");
            t.setDaemon(true);
            return t;
        });
        watcher.scheduleWithFixedDelay(this::check, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Stops watching (the flag keeps its last value). */
    @Override
    public synchronized void close() {
        if (watcher != null) {
            watcher.shutdownNow();
            watcher = null;
        }
    }
}
