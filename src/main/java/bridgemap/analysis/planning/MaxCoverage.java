package bridgemap.analysis.planning;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Maximum coverage: choose k of the candidate sets to cover as many elements as possible. The greedy
 * algorithm takes, k times, the set adding the most uncovered elements (ties: the lower index); it is
 * within a factor 1 − 1/e of the optimum (Nemhauser, Wolsey and Fisher 1978), and no polynomial
 * algorithm does better unless P = NP (Feige 1998). Cost O(k · Σ|S|).
 */
public final class MaxCoverage {

    /** The chosen sets in the order picked, each with what it added and the running total. */
    public record Pick(int candidate, int gain, int cumulative) {}

    private MaxCoverage() {}

    /** Greedy choice of at most {@code k} sets; stops early when nothing more can be covered. */
    public static List<Pick> greedy(List<BitSet> candidates, int k) {
        Objects.requireNonNull(candidates, "candidates");
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0: " + k);
        }
        BitSet covered = new BitSet();
        boolean[] taken = new boolean[candidates.size()];
        List<Pick> picks = new ArrayList<>();
        int total = 0;
        for (int round = 0; round < k; round++) {
            int best = -1;
            int bestGain = 0;
            for (int c = 0; c < candidates.size(); c++) {
                if (taken[c]) {
                    continue;
                }
                BitSet fresh = (BitSet) candidates.get(c).clone();
                fresh.andNot(covered);
                int gain = fresh.cardinality();
                if (gain > bestGain) {
                    best = c;
                    bestGain = gain;
                }
            }
            if (best < 0) {
                break;
            }
            taken[best] = true;
            covered.or(candidates.get(best));
            total += bestGain;
            picks.add(new Pick(best, bestGain, total));
        }
        return picks;
    }

    /** The true optimum by trying every choice of {@code k} sets: exponential, for checking the greedy on small cases. */
    public static int optimum(List<BitSet> candidates, int k) {
        return best(candidates, Math.min(k, candidates.size()), 0, new BitSet());
    }

    private static int best(List<BitSet> candidates, int left, int from, BitSet covered) {
        if (left == 0 || from == candidates.size()) {
            return covered.cardinality();
        }
        BitSet with = (BitSet) covered.clone();
        with.or(candidates.get(from));
        return Math.max(best(candidates, left - 1, from + 1, with), best(candidates, left, from + 1, covered));
    }
}
