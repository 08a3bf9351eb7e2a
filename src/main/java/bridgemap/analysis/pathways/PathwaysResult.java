package bridgemap.analysis.pathways;

import bridgemap.model.Quartiles;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * The pathways a cohort's chains took, grouped into pathway types at a level (docs/analysis.md, "Pathways").
 *
 * @param cohort who the answer is about
 * @param level how finely steps are named
 * @param dataEnd the last day of the data, against which chains are judged open or ended
 * @param people people in the cohort with a chain (one chain each)
 * @param engaged … whose chain ended accepted
 * @param deadEnds … whose chain ended declined, unanswered or withdrawn
 * @param open … whose chain may still go on
 * @param daysToLastReferral days from entry to the chain's last referral, over everyone
 * @param pathways the pathway types, most people first; the last may be {@link PathwayType#OTHER}, the types not
 *     shown one by one
 */
public record PathwaysResult(Cohort cohort, PathwayLevel level, LocalDate dataEnd, Tally people, Tally engaged,
        Tally deadEnds, Tally open, Quartiles daysToLastReferral, List<PathwayType> pathways) {

    public PathwaysResult {
        Objects.requireNonNull(cohort, "cohort");
        Objects.requireNonNull(level, "level");
        pathways = List.copyOf(pathways);
    }

    /**
     * One pathway type: the steps of the chains that followed it (their entry, then where each referral went),
     * how many people followed it and how their chains ended, and the days each step took.
     *
     * @param steps the steps' names; {@code ["other pathways"]} for {@link #OTHER}
     * @param stepDays for each step after the first, the days between the referral into the step before and the
     *     referral into this one (empty for {@link #OTHER})
     * @param daysToLastReferral days from entry to the last referral (null for {@link #OTHER})
     */
    public record PathwayType(List<String> steps, Tally people, Tally engaged, Tally deadEnds, Tally open,
            List<StepDays> stepDays, Quartiles daysToLastReferral) {

        /** The name of the type that gathers the types not shown one by one. */
        public static final String OTHER = "other pathways";

        public PathwayType {
            steps = List.copyOf(steps);
            stepDays = List.copyOf(stepDays);
        }

        public boolean isOther() {
            return steps.equals(List.of(OTHER));
        }
    }

    /** The days one step took: from the referral into {@code from} to the referral into {@code to}. */
    public record StepDays(String from, String to, Quartiles days) {}

    /**
     * This answer with at most {@code top} types shown one by one — the first in {@code order} of those
     * {@code shown} accepts — and every other type gathered into one {@link PathwayType#OTHER} at the end.
     */
    public PathwaysResult condensed(int top, Comparator<PathwayType> order, Predicate<PathwayType> shown) {
        if (top < 0) {
            throw new IllegalArgumentException("top must be 0 or more: " + top);
        }
        List<PathwayType> kept = new ArrayList<>();
        List<PathwayType> rest = new ArrayList<>();
        for (PathwayType type : pathways.stream().sorted(order).toList()) {
            if (!type.isOther() && shown.test(type) && kept.size() < top) {
                kept.add(type);
            } else {
                rest.add(type);
            }
        }
        if (!rest.isEmpty()) {
            kept.add(new PathwayType(List.of(PathwayType.OTHER), sum(rest, PathwayType::people), sum(rest, PathwayType::engaged),
                    sum(rest, PathwayType::deadEnds), sum(rest, PathwayType::open), List.of(), null));
        }
        return new PathwaysResult(cohort, level, dataEnd, people, engaged, deadEnds, open, daysToLastReferral, kept);
    }

    private static Tally sum(List<PathwayType> types, java.util.function.Function<PathwayType, Tally> count) {
        return types.stream().map(count).reduce(Tally.ZERO, Tally::plus);
    }
}
