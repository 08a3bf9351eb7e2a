package bridgemap.analysis.planning;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Objects;

/**
 * Maximum coverage: choose candidate sets to cover as much of the elements' value as possible.
 *
 * <p><b>Cardinality</b> ({@link #greedy}): choose k sets. The greedy algorithm takes, k times, the set adding the
 * most uncovered elements (ties: the lower index); it is within a factor 1 − 1/e of the optimum (Nemhauser, Wolsey
 * and Fisher 1978), and no polynomial algorithm does better unless P = NP (Feige 1998). Cost O(k · Σ|S|).
 *
 * <p><b>Budgeted, weighted</b> ({@link #budgeted}): each element e has a value v(e) and each candidate c a share
 * s(c) in (0, 1] of the value it meets and a cost; a choice S is worth f(S) = Σ_e v(e) · max {s(c) : c ∈ S, e ∈ c}
 * (0 when no chosen set holds e) — plain coverage when every share is 1. f is monotone and submodular. At most k
 * sets whose costs add up to at most the budget B are chosen by the modified greedy of Khuller, Moss and Naor (1999):
 * repeatedly take the remaining set with the largest marginal gain per unit cost (ties: the larger gain, then the
 * lower index), keep it if it still fits, drop it otherwise; and compare with the same greedy started from the best
 * single affordable set. The better of the two is at least (1 − 1/e)/2 of the optimum (Khuller, Moss and Naor 1999
 * for coverage; Krause and Guestrin 2005, "A note on the budgeted maximization of submodular functions", for any
 * monotone submodular f). When every set costs the same, the budget only caps how many sets fit, the greedy is the
 * cardinality greedy and the bound is 1 − 1/e. Cost O(n · Σ|S|) for n candidates.
 */
public final class MaxCoverage {

    /** The chosen sets in the order picked, each with what it added and the running total. */
    public record Pick(int candidate, int gain, int cumulative) {}

    /**
     * A candidate set of the budgeted problem.
     *
     * @param elements the elements it holds
     * @param share the share of each element's value it meets, in (0, 1]
     * @param cost its cost, positive
     */
    public record Candidate(BitSet elements, double share, double cost) {

        public Candidate {
            Objects.requireNonNull(elements, "elements");
            if (!(share > 0 && share <= 1)) {
                throw new IllegalArgumentException("a share lies in (0, 1]: " + share);
            }
            if (!(cost > 0) || Double.isInfinite(cost)) {
                throw new IllegalArgumentException("a cost is positive and finite: " + cost);
            }
        }
    }

    /** A chosen set of the budgeted problem: what it added, the running total, its cost and the running cost. */
    public record Choice(int candidate, double gain, double cumulative, double cost, double cumulativeCost) {}

    /**
     * The budgeted greedy's answer.
     *
     * @param choices the chosen sets, in the order picked
     * @param fromBestSingle true when the greedy started from the best single set did better than the plain one
     */
    public record Selection(List<Choice> choices, boolean fromBestSingle) {

        public Selection {
            choices = List.copyOf(choices);
        }

        /** f of the chosen sets. */
        public double value() {
            return choices.isEmpty() ? 0 : choices.get(choices.size() - 1).cumulative();
        }
    }

    private MaxCoverage() {}

    /** Greedy choice of at most {@code k} sets; stops early when nothing more can be covered. */
    public static List<Pick> greedy(List<BitSet> candidates, int k) {
        Objects.requireNonNull(candidates, "candidates");
        List<Candidate> unit = candidates.stream().map(b -> new Candidate(b, 1, 1)).toList();
        List<Pick> picks = new ArrayList<>();
        for (Choice c : budgeted(null, unit, k, Double.POSITIVE_INFINITY).choices()) {
            picks.add(new Pick(c.candidate(), (int) Math.round(c.gain()), (int) Math.round(c.cumulative())));
        }
        return picks;
    }

    /**
     * At most {@code k} candidates within {@code budget}, by the modified greedy of Khuller, Moss and Naor.
     *
     * @param values each element's value (index = element), or null when every element is worth 1
     * @param budget the most the chosen sets may cost together; {@link Double#POSITIVE_INFINITY} for no budget
     */
    public static Selection budgeted(double[] values, List<Candidate> candidates, int k, double budget) {
        Objects.requireNonNull(candidates, "candidates");
        if (k < 0) {
            throw new IllegalArgumentException("k must be at least 0: " + k);
        }
        if (Double.isNaN(budget) || budget < 0) {
            throw new IllegalArgumentException("the budget cannot be negative: " + budget);
        }
        List<Choice> plain = greedyFrom(values, candidates, k, budget, -1);
        int single = -1;
        double singleValue = 0;
        for (int c = 0; c < candidates.size() && k > 0; c++) {
            double v = gain(values, candidates.get(c), new double[0]);
            if (candidates.get(c).cost() <= budget && v > singleValue) {
                single = c;
                singleValue = v;
            }
        }
        if (single >= 0) {
            List<Choice> seeded = greedyFrom(values, candidates, k, budget, single);
            if (total(seeded) > total(plain) + 1e-9) {
                return new Selection(seeded, true);
            }
        }
        return new Selection(plain, false);
    }

    private static double total(List<Choice> choices) {
        return choices.isEmpty() ? 0 : choices.get(choices.size() - 1).cumulative();
    }

    /** The greedy by gain per cost, first taking {@code seed} when it is not −1. */
    private static List<Choice> greedyFrom(double[] values, List<Candidate> candidates, int k, double budget, int seed) {
        double[] best = new double[0];
        boolean[] gone = new boolean[candidates.size()];
        List<Choice> choices = new ArrayList<>();
        double total = 0;
        double spent = 0;
        while (choices.size() < k) {
            int pick = seed;
            double pickGain = seed >= 0 ? gain(values, candidates.get(seed), best) : 0;
            if (seed < 0) {
                double bestRatio = 0;
                for (int c = 0; c < candidates.size(); c++) {
                    if (gone[c]) {
                        continue;
                    }
                    Candidate candidate = candidates.get(c);
                    double gain = gain(values, candidate, best);
                    double ratio = gain / candidate.cost();
                    if (gain > 0 && (ratio > bestRatio || (ratio == bestRatio && gain > pickGain))) {
                        pick = c;
                        pickGain = gain;
                        bestRatio = ratio;
                    }
                }
            }
            seed = -1;
            if (pick < 0) {
                break;
            }
            gone[pick] = true;
            Candidate chosen = candidates.get(pick);
            if (spent + chosen.cost() > budget * (1 + 1e-12)) {
                continue; // it no longer fits: dropped, as Khuller, Moss and Naor's greedy drops it
            }
            best = cover(chosen, best);
            total += pickGain;
            spent += chosen.cost();
            choices.add(new Choice(pick, pickGain, total, chosen.cost(), spent));
        }
        return choices;
    }

    /** What {@code c} adds to the value already met ({@code best}, by element; shorter arrays read as 0). */
    private static double gain(double[] values, Candidate c, double[] best) {
        double gain = 0;
        for (int e = c.elements().nextSetBit(0); e >= 0; e = c.elements().nextSetBit(e + 1)) {
            double met = e < best.length ? best[e] : 0;
            if (c.share() > met) {
                gain += (c.share() - met) * (values == null ? 1 : values[e]);
            }
        }
        return gain;
    }

    private static double[] cover(Candidate c, double[] best) {
        double[] next = java.util.Arrays.copyOf(best, Math.max(best.length, c.elements().length()));
        for (int e = c.elements().nextSetBit(0); e >= 0; e = c.elements().nextSetBit(e + 1)) {
            next[e] = Math.max(next[e], c.share());
        }
        return next;
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

    /**
     * The true optimum of the budgeted problem by trying every choice of at most {@code k} sets within the budget:
     * exponential, for checking {@link #budgeted} on small cases.
     */
    public static double optimum(double[] values, List<Candidate> candidates, int k, double budget) {
        double best = 0;
        int n = candidates.size();
        if (n > 20) {
            throw new IllegalArgumentException("too many candidates to try every choice: " + n);
        }
        for (int mask = 0; mask < (1 << n); mask++) {
            if (Integer.bitCount(mask) > k) {
                continue;
            }
            double cost = 0;
            double[] met = new double[0];
            double value = 0;
            for (int c = 0; c < n; c++) {
                if ((mask & (1 << c)) != 0) {
                    cost += candidates.get(c).cost();
                    value += gain(values, candidates.get(c), met);
                    met = cover(candidates.get(c), met);
                }
            }
            if (cost <= budget * (1 + 1e-12)) {
                best = Math.max(best, value);
            }
        }
        return best;
    }
}
