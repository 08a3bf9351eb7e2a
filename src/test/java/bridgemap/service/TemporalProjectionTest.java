package bridgemap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.demo.SyntheticBundle;
import bridgemap.demo.SyntheticScale;
import bridgemap.model.Bundle;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Period;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import bridgemap.store.SnapshotRepository;
import bridgemap.testing.TestStore;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The projection's slice of a day equals the snapshot the store's Cypher reads for that day, row for row and in the
 * same order (issue 17 item 1): on the London demo and on a generated bundle, on days inside the data, before it
 * starts, after it ends, and on the first and last days of posts, placements, funding, services, partnerships and
 * the referral window.
 */
class TemporalProjectionTest {

    @TempDir
    static Path temp;

    @Test
    void theDemoSlicedOnAnyDayEqualsTheStoresSnapshot() {
        TestStore.demo();
        SnapshotRepository repository = repository();
        TemporalProjection projection = TemporalProjection.of(repository.contents());
        List<LocalDate> days = new ArrayList<>(Stream.of("1980-01-01", "1993-05-31", "1993-06-01", "1995-03-31",
                "2009-06-30", "2013-04-01", "2014-06-30", "2015-06-30", "2015-07-01", "2040-01-01")
                .map(LocalDate::parse).toList());
        days.addAll(boundaries(repository.everything(), 6));
        for (LocalDate day : days) {
            assertSameSnapshot(repository.load(day), projection.slice(day));
        }
        assertEquals(repository.history(), projection.history());
        assertEquals(repository.history(LocalDate.parse("2012-03-31"), LocalDate.parse("2014-06-30")),
                projection.history(LocalDate.parse("2012-03-31"), LocalDate.parse("2014-06-30")));
        assertEquals(repository.latestReferralDate(), projection.latestReferralDate());
        assertEquals(repository.earliestDate(), projection.earliestDate());
    }

    @Test
    void aGeneratedBundleSlicedOnAnyDayEqualsTheStoresSnapshot() throws Exception {
        Path dir = temp.resolve("small-11");
        SyntheticBundle.generate(SyntheticScale.small(), 11, dir, ProgressListener.NONE);
        TestStore.clear();
        TestStore.app().imports().importPath(dir, ProgressListener.NONE);
        SnapshotRepository repository = repository();
        TemporalProjection projection = TemporalProjection.of(repository.contents());
        Bundle bundle = repository.everything();
        assertTrue(bundle.referrals().size() > 100, "a bundle with referrals to slice");
        LocalDate first = bundle.referrals().stream().map(Referral::date).min(LocalDate::compareTo).orElseThrow();
        LocalDate last = bundle.referrals().stream().map(Referral::date).max(LocalDate::compareTo).orElseThrow();
        List<LocalDate> days = new ArrayList<>(List.of(first.minusDays(1), first, last.minusDays(200), last,
                last.plusDays(NetworkSnapshot.WINDOW_DAYS - 1), last.plusDays(NetworkSnapshot.WINDOW_DAYS),
                first.minusYears(30), last.plusYears(30)));
        days.addAll(boundaries(bundle, 20));
        for (LocalDate day : days) {
            assertSameSnapshot(repository.load(day), projection.slice(day));
        }
        assertEquals(repository.history(first, last), projection.history(first, last));
        assertEquals(repository.history(last, first), projection.history(last, first), "an empty span");
        assertEquals(repository.history(), projection.history());
    }

    @Test
    void anEmptyStoreSlicesToAnEmptySnapshot() {
        TestStore.clear();
        SnapshotRepository repository = repository();
        TemporalProjection projection = TemporalProjection.of(repository.contents());
        LocalDate day = LocalDate.parse("2014-06-30");
        assertSameSnapshot(repository.load(day), projection.slice(day));
        assertFalse(projection.history().isPresent());
        assertFalse(projection.latestReferralDate().isPresent());
    }

    /** Reads as the server does, with record keys, so that the keys are compared too. */
    private static SnapshotRepository repository() {
        return new SnapshotRepository(TestStore.app().store(), TestStore.app().disclosureKey());
    }

    /**
     * Days on which something starts or ends, with the day before a start and the day after an end: up to {@code each}
     * rows of every kind of dated row, spread over the rows; and the days on which a referral or an activity period
     * enters or leaves the 365-day window.
     */
    private static List<LocalDate> boundaries(Bundle bundle, int each) {
        TreeSet<LocalDate> days = new TreeSet<>();
        for (List<Period> periods : List.of(
                bundle.practitioners().stream().map(p -> p.period()).toList(),
                bundle.placements().stream().map(p -> p.period()).toList(),
                bundle.funding().stream().map(f -> f.period()).toList(),
                bundle.services().stream().map(s -> s.period()).toList(),
                bundle.partnerships().stream().map(p -> p.period()).toList(),
                bundle.activity().stream().map(a -> a.period()).toList())) {
            for (Period period : spread(periods, each)) {
                if (period.start() != null) {
                    days.add(period.start().minusDays(1));
                    days.add(period.start());
                }
                if (period.end() != null) {
                    days.add(period.end());
                    days.add(period.end().plusDays(1));
                }
            }
        }
        for (Period period : spread(bundle.activity().stream().map(a -> a.period()).toList(), each)) {
            days.add(period.end().plusDays(NetworkSnapshot.WINDOW_DAYS - 1));
            days.add(period.end().plusDays(NetworkSnapshot.WINDOW_DAYS));
        }
        for (Referral referral : spread(bundle.referrals(), each)) {
            days.add(referral.date().minusDays(1));
            days.add(referral.date().plusDays(NetworkSnapshot.WINDOW_DAYS - 1));
            days.add(referral.date().plusDays(NetworkSnapshot.WINDOW_DAYS));
        }
        return List.copyOf(days);
    }

    /** About {@code each} of {@code rows}, evenly spread. */
    private static <T> List<T> spread(List<T> rows, int each) {
        int step = Math.max(1, rows.size() / each);
        List<T> picked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i += step) {
            picked.add(rows.get(i));
        }
        return picked;
    }

    private static void assertSameSnapshot(NetworkSnapshot stored, NetworkSnapshot sliced) {
        String day = "as of " + stored.asOf();
        assertEquals(List.copyOf(stored.nodes().values()), List.copyOf(sliced.nodes().values()),
                day + ": nodes, names and order");
        assertEquals(stored.services(), sliced.services(), day + ": services");
        assertEquals(stored.practitioners(), sliced.practitioners(), day + ": practitioners");
        assertEquals(stored.placements(), sliced.placements(), day + ": placements");
        assertEquals(stored.funding(), sliced.funding(), day + ": funding");
        assertEquals(stored.partnerships(), sliced.partnerships(), day + ": partnerships");
        assertEquals(stored.cases(), sliced.cases(), day + ": cases");
        assertEquals(stored.referrals(), sliced.referrals(), day + ": referrals");
        assertEquals(stored.activity(), sliced.activity(), day + ": activity");
        assertEquals(stored, sliced, day);
    }
}
