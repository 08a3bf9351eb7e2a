package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Issue 13, item 2: the analysts' query runner reports timeouts in words and runs few queries at once. */
class ReadOnlyQueryTest {

    private static final String SLOW = "UNWIND range(1, 4000000000) AS x WITH x WHERE x < 0 RETURN count(x) AS c";

    private static ReadOnlyQuery query() {
        return TestStore.app().query();
    }

    @Test
    void aTimeoutIsABadRequestThatSaysTheLimitWasReached() {
        long start = System.nanoTime();
        var refused = assertThrows(ReadOnlyQuery.RefusedException.class,
                () -> query().run(SLOW, Map.of(), Duration.ofSeconds(2), 10, 1 << 20));
        assertEquals(400, refused.status());
        assertEquals("The query took longer than the 2 s limit and was stopped.", refused.getMessage());
        assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "stopped, not retried");
    }

    @Test
    void onlyAFewQueriesRunAtOnce() throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(ReadOnlyQuery.MAX_RUNNING);
        List<CompletableFuture<ReadOnlyQuery.RefusedException>> slow = new ArrayList<>();
        for (int i = 0; i < ReadOnlyQuery.MAX_RUNNING; i++) {
            slow.add(CompletableFuture.supplyAsync(() -> assertThrows(ReadOnlyQuery.RefusedException.class,
                    () -> query().run(SLOW, Map.of(), Duration.ofSeconds(4), 10, 1 << 20)), threads));
        }
        Thread.sleep(1_500);
        var busy = assertThrows(ReadOnlyQuery.RefusedException.class,
                () -> query().run("RETURN 1 AS one", Map.of(), Duration.ofSeconds(4), 10, 1 << 20));
        assertEquals(503, busy.status());
        for (var running : slow) {
            assertEquals(400, running.get(30, TimeUnit.SECONDS).status(), "the slow ones end at their timeout");
        }
        threads.shutdown();
        assertEquals(1L, query().run("RETURN 1 AS one", Map.of(), Duration.ofSeconds(4), 10, 1 << 20).rows().get(0).get("one"),
                "and then queries run again");
    }
}
