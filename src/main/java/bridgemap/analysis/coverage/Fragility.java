package bridgemap.analysis.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How well one cell is covered, and why.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): {@code hole} when the cell has no practitioner
 * ({@value CoverageResult#NO_COVER}); {@code fragile} when it has one practitioner
 * ({@value CoverageResult#SINGLE_PRACTITIONER}), one funder between its practitioners
 * ({@value CoverageResult#SINGLE_FUNDER}) or a practitioner with no funding active on D
 * ({@value CoverageResult#UNFUNDED}), listing every reason that applies in that order; otherwise
 * {@code covered}. "Unfunded" applies when <em>any</em> practitioner is unfunded, so a cell can be both
 * "single funder" and "unfunded". O(1).
 *
 * @param status hole, fragile or covered
 * @param reasons {@value CoverageResult#NO_COVER} for a hole, the reasons for fragile cover, empty when covered
 */
public record Fragility(CellStatus status, List<String> reasons) {

    public Fragility {
        Objects.requireNonNull(status, "status");
        reasons = List.copyOf(reasons);
    }

    /**
     * The status of a cell with {@code practitioners} practitioners paid for by {@code funders} distinct
     * funders.
     *
     * @param unfunded true when one of the practitioners has no funding active on D
     */
    public static Fragility of(int practitioners, int funders, boolean unfunded) {
        if (practitioners < 0 || funders < 0) {
            throw new IllegalArgumentException("negative count: " + practitioners + " practitioners, " + funders + " funders");
        }
        if (practitioners == 0) {
            return new Fragility(CellStatus.HOLE, List.of(CoverageResult.NO_COVER));
        }
        List<String> reasons = new ArrayList<>();
        if (practitioners == 1) {
            reasons.add(CoverageResult.SINGLE_PRACTITIONER);
        }
        if (funders == 1) {
            reasons.add(CoverageResult.SINGLE_FUNDER);
        }
        if (unfunded) {
            reasons.add(CoverageResult.UNFUNDED);
        }
        return new Fragility(reasons.isEmpty() ? CellStatus.COVERED : CellStatus.FRAGILE, reasons);
    }
}
