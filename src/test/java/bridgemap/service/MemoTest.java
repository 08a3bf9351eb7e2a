package bridgemap.service;

import bridgemap.service.Memo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
}
