package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The memory estimate an upload is refused by before it is unpacked (issue 13, item 4). */
class ImportMemoryTest {

    /** A budget of {@code bytes}, counting the calls to reclaim. */
    private static final class Fixed implements ImportMemory.Budget {
        private final long bytes;
        final AtomicInteger reclaimed = new AtomicInteger();

        Fixed(long bytes) {
            this.bytes = bytes;
        }

        @Override
        public long spare() {
            return bytes;
        }

        @Override
        public long max() {
            return bytes * 2;
        }

        @Override
        public void reclaim() {
            reclaimed.incrementAndGet();
        }
    }

    @Test
    void nothingNeedsNothing() {
        assertEquals(0, ImportMemory.estimate(ImportMemory.Input.BUNDLE, 0));
        assertThrows(IllegalArgumentException.class, () -> ImportMemory.estimate(ImportMemory.Input.BUNDLE, -1));
    }

    @Test
    void theEstimateCoversWhatTheLondonDemoWasMeasuredToNeed() {
        // The demo's 4,860,015 bytes of CSV imported into an empty store with -Xmx600m, not with -Xmx512m.
        long estimate = ImportMemory.estimate(ImportMemory.Input.BUNDLE, 4_860_015);
        assertTrue(estimate > 600L << 20, "estimate " + estimate);
        assertTrue(estimate < 3 * (600L << 20), "estimate " + estimate);
        // 10.5 MB of service_list.json imported with -Xmx600m, not with -Xmx500m.
        long json = ImportMemory.estimate(ImportMemory.Input.OPEN_REFERRAL, 10_548_966);
        assertTrue(json > 600L << 20 && json < 3 * (600L << 20), "estimate " + json);
    }

    @Test
    void anImportThatFitsPassesWithoutCollectingGarbage() throws Exception {
        Fixed budget = new Fixed(ImportMemory.estimate(ImportMemory.Input.BUNDLE, 1_000_000));
        ImportMemory.check("fits.zip", ImportMemory.Input.BUNDLE, 1_000_000, budget);
        assertEquals(0, budget.reclaimed.get());
    }

    @Test
    void anImportThatDoesNotFitIsRefusedInPlainWordsAfterOneTryToReclaim() {
        Fixed budget = new Fixed(100_000_000);
        var e = assertThrows(BundleTooLargeException.class,
                () -> ImportMemory.check("big.zip", ImportMemory.Input.BUNDLE, 1_000_000, budget));
        assertEquals(1, budget.reclaimed.get());
        assertEquals("big.zip:0: (bundle): this bundle (1 MB once unpacked) would need about 210 MB of memory to validate "
                + "and write in one transaction; the server has 100 MB to spare (of a 200 MB heap): import it with the "
                + "command line (bridgemap import) with a larger -Xmx, or split it", e.problems().get(0).toString());
        var openReferral = assertThrows(BundleTooLargeException.class,
                () -> ImportMemory.check("dir.json", ImportMemory.Input.OPEN_REFERRAL, 2_000_000, budget));
        assertTrue(openReferral.problems().get(0).toString().startsWith("dir.json:0: (directory): this directory (2 MB "
                + "once unpacked) would need about 180 MB"), openReferral.problems().toString());
    }

    @Test
    void theHeapBudgetKeepsAMargin() {
        long spare = ImportMemory.Budget.HEAP.spare();
        long max = ImportMemory.Budget.HEAP.max();
        assertTrue(spare >= 0 && spare <= max - max / 8, spare + " of " + max);
    }
}
