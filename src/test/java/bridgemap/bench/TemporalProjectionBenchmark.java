package bridgemap.bench;

import bridgemap.analysis.planning.TimelineResult;
import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import bridgemap.model.Funding;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Scenario;
import bridgemap.service.AnalysisService;
import bridgemap.service.PlanningService;
import bridgemap.service.TemporalProjection;
import bridgemap.store.CaseRepository;
import bridgemap.store.ScenarioRepository;
import bridgemap.store.SnapshotRepository;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Issue 17 item 1 side by side in one run, on a store that already holds a bundle: the snapshot of a new day read from
 * the store against the same day sliced from the in-memory {@link TemporalProjection} (checked equal), a new day's
 * coverage, gaps and bottlenecks through two {@link AnalysisService}s (one reading the store, one slicing the
 * projection), the timeline over every year, and a what-if withdrawing the largest funder (the funder of most
 * funding rows active on the latest day); then the projection's build time and memory cost (heap in use after a full
 * GC with the projection held, less without it). Each "new day" is one the service has not been asked for before;
 * figures are medians over {@code days} such days (spread over the last years of the data) after one untimed JIT
 * warm-up day per path.
 *
 * <pre>java -Xmx4g -cp CP bridgemap.bench.TemporalProjectionBenchmark DATA_DIR [days]</pre>
 */
public final class TemporalProjectionBenchmark {

    private TemporalProjectionBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: TemporalProjectionBenchmark DATA_DIR [days]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int count = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        System.out.printf("machine: %d processors, load average %s; heap max %,d MB%n",
                Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.getRuntime().maxMemory() >> 20);
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            SnapshotRepository repository = new SnapshotRepository(app.store(), app.disclosureKey());
            LocalDate latest = repository.latestReferralDate().orElseThrow(() ->
                    new IllegalStateException("the store holds no referrals"));

            long without = heapAfterGc();
            long started = System.nanoTime();
            SnapshotRepository.Contents contents = repository.contents();
            long read = System.nanoTime() - started;
            TemporalProjection projection = TemporalProjection.of(contents);
            long built = System.nanoTime() - started;
            contents = null;
            long with = heapAfterGc();
            System.out.printf("RESULT projection build: %.2f s (reading the store %.2f s, projecting %.2f s); "
                    + "%,d referrals%n", built / 1e9, read / 1e9, (built - read) / 1e9, projection.referralCount());
            System.out.printf("RESULT projection memory: heap in use after GC %,d MB with it, %,d MB without: %,d MB%n",
                    with >> 20, without >> 20, (with - without) >> 20);

            // Days nobody has asked for: spread back over about three years from the latest, none twice.
            List<LocalDate> days = new ArrayList<>();
            for (int i = 0; i <= 4 * count + 3; i++) {
                days.add(latest.minusDays(11 + 29L * i));
            }
            int next = 0;

            LocalDate warm = days.get(next++);
            repository.load(warm);
            projection.slice(warm);
            long[] load = new long[count];
            long[] slice = new long[count];
            NetworkSnapshot last = null;
            for (int i = 0; i < count; i++) {
                LocalDate day = days.get(next++);
                long t = System.nanoTime();
                NetworkSnapshot stored = repository.load(day);
                load[i] = System.nanoTime() - t;
                t = System.nanoTime();
                NetworkSnapshot sliced = projection.slice(day);
                slice[i] = System.nanoTime() - t;
                if (!stored.equals(sliced)) {
                    throw new IllegalStateException("the slice of " + day + " differs from the store's snapshot");
                }
                last = sliced;
            }
            System.out.printf("snapshots checked equal; the last, as of %s: %,d referrals in the window, %,d cases%n",
                    last.asOf(), last.referrals().size(), last.cases().size());
            compare("snapshot of a new day", load, slice);
            projection = null;
            last = null;
            heapAfterGc();

            Clock clock = Clock.systemUTC();
            AnalysisService fromStore = new AnalysisService(repository, new CaseRepository(app.store()), clock);
            AnalysisService projected = new AnalysisService(repository, new CaseRepository(app.store()), clock);
            started = System.nanoTime();
            projected.keepProjection();
            if (!projected.awaitProjection(Duration.ofMinutes(10))) {
                throw new IllegalStateException("the service's projection was not built");
            }
            System.out.printf("the service's own projection built in the background in %.2f s%n", seconds(started));

            Map<String, Analysis<?>> analyses = new TreeMap<>(Map.of("coverage", Analyses.COVERAGE, "gaps", Analyses.GAPS,
                    "bottlenecks", Analyses.BOTTLENECKS));
            for (var entry : analyses.entrySet()) {
                Analysis<?> analysis = entry.getValue();
                LocalDate warmDay = days.get(next++);
                fromStore.result(analysis, new AnalysisService.Scope(warmDay, null));
                projected.result(analysis, new AnalysisService.Scope(warmDay, null));
                long[] a = new long[count];
                long[] b = new long[count];
                for (int i = 0; i < count; i++) {
                    AnalysisService.Scope scope = new AnalysisService.Scope(days.get(next++ % days.size()), null);
                    a[i] = time(() -> fromStore.result(analysis, scope));
                    b[i] = time(() -> projected.result(analysis, scope));
                }
                compare("a new day's " + entry.getKey(), a, b);
                fromStore.invalidate(); // frees the store path's cached snapshots (the days stay new to both)
            }

            ScenarioRepository scenarios = new ScenarioRepository(app.store());
            PlanningService storePlanning = new PlanningService(fromStore, scenarios, clock);
            PlanningService projectedPlanning = new PlanningService(projected, scenarios, clock);
            long[] ta = new long[3];
            long[] tb = new long[3];
            int years = 0;
            for (int i = 0; i < 3; i++) {
                ta[i] = time(() -> storePlanning.timeline(TimelineResult.YearsBy.CALENDAR, null));
                tb[i] = time(() -> projectedPlanning.timeline(TimelineResult.YearsBy.CALENDAR, null));
            }
            years = projectedPlanning.timeline(TimelineResult.YearsBy.CALENDAR, null).years().size();
            compare("the timeline over every year (" + years + " years; first run is the warm-up)", ta, tb);

            NetworkSnapshot now = projected.snapshot(latest);
            String funder = now.funding().stream()
                    .collect(java.util.stream.Collectors.groupingBy(Funding::funderId, TreeMap::new,
                            java.util.stream.Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder())))
                    .orElseThrow().getKey();
            Scenario withdraw = new Scenario("withdraw " + funder, null, List.of(new Scenario.WithdrawFunder(funder)));
            System.out.printf("the largest funder on %s: %s (%d of %d active funding rows)%n", latest, funder,
                    now.funding().stream().filter(f -> f.funderId().equals(funder)).count(), now.funding().size());
            long[] wa = new long[3];
            long[] wb = new long[3];
            for (int i = 0; i < 3; i++) {
                AnalysisService.Scope scope = new AnalysisService.Scope(days.get(next++ % days.size()), null);
                wa[i] = time(() -> storePlanning.whatIf(withdraw, scope));
                wb[i] = time(() -> projectedPlanning.whatIf(withdraw, scope));
            }
            compare("a what-if withdrawing it, a new day (first is the warm-up)", wa, wb);
            long[] wc = new long[3];
            AnalysisService.Scope cached = new AnalysisService.Scope(latest, null);
            for (int i = 0; i < 3; i++) {
                wc[i] = time(() -> projectedPlanning.whatIf(withdraw, cached));
            }
            System.out.printf("RESULT %-64s median %8.3f s (the day's snapshot already held)%n",
                    "the same what-if on a day already asked for", median(wc) / 1e9);
            // The same day's what-if computing the day's side again too, as before issue 17's WhatIf.Before.
            NetworkSnapshot held = projected.snapshot(latest);
            // Interleaved, 7 each, so that the machine's load falls on both alike.
            long[] wcached = new long[7];
            long[] wd = new long[7];
            for (int i = 0; i < 7; i++) {
                wcached[i] = time(() -> projectedPlanning.whatIf(withdraw, cached));
                wd[i] = time(() -> bridgemap.analysis.planning.WhatIf.compare(held, withdraw, null));
            }
            if (!bridgemap.analysis.planning.WhatIf.compare(held, withdraw, null).equals(projectedPlanning.whatIf(withdraw, cached))) {
                throw new IllegalStateException("the what-if from cached results differs from the one computing everything");
            }
            System.out.printf("RESULT %-64s recomputing %8.3f s  cached %8.3f s  (%.1f× faster; medians of 7, "
                    + "interleaved; answers checked equal)%n", "a what-if on a held day: the day's analyses recomputed → "
                    + "cached", median(wd) / 1e9, median(wcached) / 1e9, (double) median(wd) / median(wcached));
            System.out.printf("load average at the end: %s%n", loadAverage());
        }
    }

    private static void compare(String what, long[] store, long[] projection) {
        double a = median(store) / 1e9;
        double b = median(projection) / 1e9;
        System.out.printf("RESULT %-64s store %8.3f s  projection %8.3f s  (%.1f× faster; medians of %d)%n", what, a, b,
                a / b, store.length);
    }

    private static long median(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static long time(Supplier<?> work) {
        long t = System.nanoTime();
        work.get();
        return System.nanoTime() - t;
    }

    private static long heapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(200);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    private static String loadAverage() {
        try {
            return java.nio.file.Files.readString(Path.of("/proc/loadavg")).trim();
        } catch (java.io.IOException e) {
            return "unknown";
        }
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
