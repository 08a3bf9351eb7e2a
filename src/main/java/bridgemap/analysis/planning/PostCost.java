package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.Funding;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Practitioner;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * What a new post costs a year: its FTE times a cost per FTE, and where that cost comes from, in words.
 *
 * <p>Definition ({@code docs/analysis.md}, "The expansion planner"): a planned post is {@value #POST_FTE} FTE. By
 * default the cost per FTE is the median, over the practitioners in post on D with funding active on D, of their
 * funding a year divided by their FTE; a funding row counts as a year's worth its amount × 365 / the days of its
 * period (its amount when the period is open-ended). The median of an even number of values is the mean of the
 * middle two. On the London demo as of 2014-06-30 it is £40,930. A cost can also be given.
 *
 * <p>{@link #costOf} is the one place a place's cost is read: the same everywhere today; a per-place cost from a
 * bundle would go there.
 *
 * @param fte a planned post's FTE
 * @param perFteGbp the cost a year of one FTE, or null when there is nothing to take it from
 * @param source where the cost comes from, in words
 */
public record PostCost(double fte, Double perFteGbp, String source) {

    /** The FTE of a planned post. */
    public static final double POST_FTE = 1.0;

    public PostCost {
        Objects.requireNonNull(source, "source");
        if (perFteGbp != null && !(perFteGbp > 0 && Double.isFinite(perFteGbp))) {
            throw new IllegalArgumentException("a cost per FTE is positive: " + perFteGbp);
        }
    }

    /** A cost a year per post given by the person planning. */
    public static PostCost given(double perPostGbp) {
        return new PostCost(POST_FTE, perPostGbp / POST_FTE, "as given");
    }

    /** The median funding a year per FTE of the funded posts in post on the snapshot's day. */
    public static PostCost medianFunding(NetworkSnapshot snapshot) {
        Map<String, Double> yearly = new HashMap<>();
        for (Funding f : snapshot.funding()) {
            if (f.amountGbp() == null || !f.period().contains(snapshot.asOf())) {
                continue;
            }
            double amount = f.amountGbp();
            if (f.period().start() != null && f.period().end() != null) {
                long days = ChronoUnit.DAYS.between(f.period().start(), f.period().end()) + 1;
                amount = amount * 365 / Math.max(1, days);
            }
            yearly.merge(f.practitionerId(), amount, Double::sum);
        }
        List<Double> perFte = new ArrayList<>();
        for (Practitioner p : snapshot.practitioners()) {
            Double amount = yearly.get(p.id());
            if (amount != null && amount > 0 && p.fte() > 0 && p.period().contains(snapshot.asOf())) {
                perFte.add(amount / p.fte());
            }
        }
        if (perFte.isEmpty()) {
            return new PostCost(POST_FTE, null, "no funded post in post on " + snapshot.asOf() + " to take a cost from");
        }
        perFte.sort(null);
        int n = perFte.size();
        double median = n % 2 == 1 ? perFte.get(n / 2) : (perFte.get(n / 2 - 1) + perFte.get(n / 2)) / 2;
        return new PostCost(POST_FTE, median, String.format(Locale.ROOT,
                "%s FTE × the median funding a year per FTE of the %d funded posts in post on %s", fte(POST_FTE), n,
                snapshot.asOf()));
    }

    /** A post's cost a year, or null when unknown. */
    public Double perPostGbp() {
        return perFteGbp == null ? null : fte * perFteGbp;
    }

    /** The cost a year of a post at {@code place}; null when unknown. */
    public Double costOf(CoverageResult.Cell place) {
        Objects.requireNonNull(place, "place");
        return perPostGbp();
    }

    private static String fte(double fte) {
        return String.format(Locale.ROOT, "%.1f", fte);
    }
}
