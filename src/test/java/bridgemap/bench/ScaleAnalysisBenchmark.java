package bridgemap.bench;

import bridgemap.catalogue.Analyses;
import bridgemap.service.AnalysisService;
import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import bridgemap.model.NetworkSnapshot;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Map;

/**
 * Times, on a store that already holds a bundle (e.g. the England synthetic one), what {@code bridgemap analyze}
 * does through the service layer: the snapshot (projection) read from Neo4j as of the latest referral day, then
 * gaps, bottlenecks and coverage on it, each {@code rounds} times after one untimed JIT warm-up round; prints one
 * line per step with the best and the median time, and the heap in use after the last round.
 *
 * <pre>java -Xmx2g -cp CP bridgemap.bench.ScaleAnalysisBenchmark DATA_DIR [rounds]</pre>
 */
public final class ScaleAnalysisBenchmark {

    private ScaleAnalysisBenchmark() {
    }

    public static void main(String[] args) {
        if (args.length < 1) {
            System.err.println("usage: ScaleAnalysisBenchmark DATA_DIR [rounds]");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        long openStarted = System.nanoTime();
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            System.out.printf("store opened in %.1f s%n", seconds(openStarted));
            AnalysisService analysis = app.analysis();
            LocalDate day = analysis.defaultAsOf();
            AnalysisService.Scope scope = new AnalysisService.Scope(day, null);

            long[] snapshot = new long[rounds + 1];
            long[] gaps = new long[rounds + 1];
            long[] bottlenecks = new long[rounds + 1];
            long[] coverage = new long[rounds + 1];
            NetworkSnapshot snap = null;
            for (int round = 0; round <= rounds; round++) {
                analysis.invalidate();
                long t = System.nanoTime();
                snap = analysis.snapshot(day);
                snapshot[round] = System.nanoTime() - t;
                t = System.nanoTime();
                analysis.result(Analyses.GAPS, scope);
                gaps[round] = System.nanoTime() - t;
                t = System.nanoTime();
                analysis.result(Analyses.BOTTLENECKS, scope);
                bottlenecks[round] = System.nanoTime() - t;
                t = System.nanoTime();
                analysis.result(Analyses.COVERAGE, scope);
                coverage[round] = System.nanoTime() - t;
                System.out.printf("round %d%s: snapshot %.2f s, gaps %.2f s, bottlenecks %.2f s, coverage %.2f s%n",
                        round, round == 0 ? " (warm-up)" : "", snapshot[round] / 1e9, gaps[round] / 1e9,
                        bottlenecks[round] / 1e9, coverage[round] / 1e9);
            }
            System.out.printf("as of %s: %,d referrals in the window, %,d cases%n", day,
                    snap.referrals().size(), snap.cases().size());
            report("snapshot (projection)", snapshot);
            report("gaps", gaps);
            report("bottlenecks", bottlenecks);
            report("coverage", coverage);
            long[] three = new long[rounds + 1];
            for (int i = 0; i <= rounds; i++) {
                three[i] = gaps[i] + bottlenecks[i] + coverage[i];
            }
            report("gaps + bottlenecks + coverage", three);
            Runtime rt = Runtime.getRuntime();
            System.gc();
            System.out.printf("heap: max %,d MB, in use after the rounds (after GC) %,d MB%n", rt.maxMemory() >> 20,
                    (rt.totalMemory() - rt.freeMemory()) >> 20);
        }
    }

    private static void report(String what, long[] nanos) {
        long[] timed = java.util.Arrays.copyOfRange(nanos, 1, nanos.length);
        java.util.Arrays.sort(timed);
        System.out.printf("RESULT %-30s best %6.2f s  median %6.2f s  (first, cold: %.2f s)%n", what, timed[0] / 1e9,
                timed[timed.length / 2] / 1e9, nanos[0] / 1e9);
    }

    private static double seconds(long started) {
        return (System.nanoTime() - started) / 1e9;
    }
}
