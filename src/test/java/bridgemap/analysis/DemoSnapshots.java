package bridgemap.analysis;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleValidator;
import bridgemap.ingest.DemoBundle;
import bridgemap.ingest.StoredIds;
import bridgemap.model.Bundle;
import bridgemap.model.NetworkSnapshot;
import java.time.LocalDate;

/**
 * Snapshots of the London demo bundle without a store: the bundle is read and validated as an import
 * would, then projected as of a day by {@link Snapshots#project}, the same rules as the analyses'
 * {@code docs/analysis.md}.
 */
public final class DemoSnapshots {

    private DemoSnapshots() {}

    /** The demo as of {@code asOf}. */
    /** The demo bundle as validated from the classpath. */
    public static bridgemap.model.Bundle bundle() {
        return Demo.BUNDLE;
    }

    public static NetworkSnapshot asOf(LocalDate asOf) {
        return Snapshots.project(Demo.BUNDLE, asOf);
    }

    /** Reads and validates the demo once per test JVM (the holder idiom: loaded on first use, never changed). */
    private static final class Demo {
        static final Bundle BUNDLE = load();

        private static Bundle load() {
            try {
                return BundleValidator.validate(DemoBundle.load(), StoredIds.NONE);
            } catch (BundleRejectedException e) {
                throw new IllegalStateException("the London demo bundle does not validate: " + e.getMessage(), e);
            }
        }
    }
}
