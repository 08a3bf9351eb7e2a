package bridgemap.service;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;

/**
 * A small least-recently-used memo: each key is computed once, and callers asking for a key while it is being
 * computed wait for that computation instead of starting their own (many browsers opening the same page at
 * once cost one analysis, not one each). A failed computation is forgotten, so the next call tries again.
 * At most {@code maxComputing} different keys are computed at once: a caller asking for yet another key not yet
 * computed is refused with a {@link BusyException} at once instead of joining a queue without end (issue 20).
 */
final class Memo<K, V> {

    /** Seconds a refused caller is asked to wait. */
    static final int RETRY_AFTER_SECONDS = 2;

    private final Map<K, FutureTask<V>> entries;
    private final int maxComputing;
    private int computing;

    /** Without a bound on computations at once. */
    Memo(int capacity) {
        this(capacity, Integer.MAX_VALUE);
    }

    Memo(int capacity, int maxComputing) {
        if (maxComputing < 1) {
            throw new IllegalArgumentException("maxComputing < 1: " + maxComputing);
        }
        this.maxComputing = maxComputing;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, FutureTask<V>> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Supplier<V> compute) {
        FutureTask<V> task;
        boolean mine = false;
        synchronized (entries) {
            task = entries.get(key);
            if (task == null) {
                if (computing >= maxComputing) {
                    throw new BusyException("The server is already working out " + computing + " other answers not "
                            + "asked for before; try again in a few seconds.", RETRY_AFTER_SECONDS);
                }
                task = new FutureTask<>(compute::get);
                entries.put(key, task);
                computing++;
                mine = true;
            }
        }
        if (mine) {
            try {
                task.run();
            } finally {
                synchronized (entries) {
                    computing--;
                }
            }
        }
        try {
            return task.get();
        } catch (ExecutionException e) {
            synchronized (entries) {
                entries.remove(key, task);
            }
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IllegalStateException(cause);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for an analysis", e);
        }
    }

    /** Forgets every entry (computations in flight finish, but their results are not kept). */
    void clear() {
        synchronized (entries) {
            entries.clear();
        }
    }
}
