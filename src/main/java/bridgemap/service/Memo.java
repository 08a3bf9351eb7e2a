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
 */
final class Memo<K, V> {

    private final Map<K, FutureTask<V>> entries;

    Memo(int capacity) {
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
                task = new FutureTask<>(compute::get);
                entries.put(key, task);
                mine = true;
            }
        }
        if (mine) {
            task.run();
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
