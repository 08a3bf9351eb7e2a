package bridgemap.service;

import bridgemap.service.Memo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The analysis cache: one computation per key however many ask at once, failures not kept, clear forgets. */
class MemoTest {

    @Test
    void callersAskingAtOnceShareOneComputation() throws Exception {
        Memo<String, Integer> memo = new Memo<>(4);
        AtomicInteger computed = new AtomicInteger();
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                answers.add(pool.submit(() -> memo.get("gaps", () -> {
                    computed.incrementAndGet();
                    try {
                        release.await(10, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return 42;
                })));
            }
            Thread.sleep(200);
            release.countDown();
            for (Future<Integer> answer : answers) {
                assertEquals(42, answer.get(10, TimeUnit.SECONDS));
            }
            assertEquals(1, computed.get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFailureIsNotKeptAndClearForgets() {
        Memo<String, Integer> memo = new Memo<>(4);
        assertThrows(IllegalArgumentException.class, () -> memo.get("k", () -> {
            throw new IllegalArgumentException("store unavailable");
        }));
        assertEquals(1, memo.get("k", () -> 1));
        assertEquals(1, memo.get("k", () -> 2), "kept");
        memo.clear();
        assertEquals(3, memo.get("k", () -> 3), "recomputed after clear");
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirst() {
        Memo<String, Integer> memo = new Memo<>(2);
        memo.get("a", () -> 1);
        memo.get("b", () -> 2);
        memo.get("a", () -> 0);
        memo.get("c", () -> 3);
        assertEquals(1, memo.get("a", () -> 9), "a was used recently");
        assertEquals(9, memo.get("b", () -> 9), "b was evicted");
    }

    /** Issue 20: beyond the bound of different keys computed at once, a caller is refused at once, not queued. */
    @Test
    void aKeyBeyondTheBoundIsRefusedWhileOthersAreComputedAndTheSameKeyStillWaits() throws Exception {
        Memo<String, Integer> memo = new Memo<>(8, 2);
        CountDownLatch started = new CountDownLatch(2);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<Integer>> held = new ArrayList<>();
            for (String key : List.of("2014-01-01", "2014-01-02")) {
                held.add(pool.submit(() -> memo.get(key, () -> {
                    started.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return key.length();
                })));
            }
            assertTrue(started.await(10, TimeUnit.SECONDS));
            BusyException busy = assertThrows(BusyException.class, () -> memo.get("2014-01-03", () -> 3));
            assertTrue(busy.retryAfterSeconds() > 0);
            // A caller for a key already being computed shares it instead of being refused.
            Future<Integer> sharing = pool.submit(() -> memo.get("2014-01-01", () -> -1));
            release.countDown();
            for (Future<Integer> each : held) {
                assertEquals(10, each.get(10, TimeUnit.SECONDS));
            }
            assertEquals(10, sharing.get(10, TimeUnit.SECONDS));
            assertEquals(3, memo.get("2014-01-03", () -> 3), "computed once the others are done");
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }
}
