package bridgemap.app;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Issue 17: the health flag is read from memory, never waits for the store, and sees a store that stopped answering. */
class StoreHealthTest {

    @Test
    void readingTheFlagDoesNotWaitForAPingThatHangs() throws Exception {
        AtomicBoolean hang = new AtomicBoolean(false);
        CountDownLatch pinging = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        StoreHealth health = new StoreHealth(() -> {
            if (hang.get()) {
                pinging.countDown();
                try {
                    release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return true;
        });
        assertTrue(health.check());
        hang.set(true);
        Thread ping = new Thread(health::check);
        ping.start();
        try {
            assertTrue(pinging.await(10, TimeUnit.SECONDS));
            // The store is stuck in a ping: up() answers at once from what it last saw.
            assertTimeoutPreemptively(Duration.ofSeconds(5), () -> assertTrue(health.up()));
        } finally {
            release.countDown();
            ping.join();
        }
    }

    @Test
    void aFailedOrStalePingReadsAsDown() {
        AtomicBoolean answers = new AtomicBoolean(true);
        AtomicLong now = new AtomicLong(0);
        StoreHealth health = new StoreHealth(answers::get, now::get);
        assertFalse(health.up(), "never checked");
        assertTrue(health.check());
        assertTrue(health.up());
        answers.set(false);
        assertFalse(health.check());
        assertFalse(health.up(), "the last ping failed");
        answers.set(true);
        health.check();
        assertTrue(health.up(), "recovers");
    }

    @Test
    void aWatchedStoreWhosePingsStopIsDownAfterThreeIntervals() throws Exception {
        AtomicLong now = new AtomicLong(0);
        StoreHealth health = new StoreHealth(() -> true, now::get);
        try {
            health.watch(Duration.ofHours(1));
            assertTrue(health.up());
            now.addAndGet(Duration.ofHours(3).toNanos());
            assertTrue(health.up(), "within three intervals");
            now.addAndGet(1);
            assertFalse(health.up(), "no answer for more than three intervals");
        } finally {
            health.close();
        }
    }
}
