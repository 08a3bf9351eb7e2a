package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.Summary;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Totals over the cells reported.
 *
 * <p>Definition: boroughs with at least one cell that is not a hole; the cells and how many are holes, fragile
 * and covered; the distinct practitioners placed in the cells; the cells' FTE added up (in reading order); and
 * the amounts of the funding rows active on D (each row's amount is for its whole period, a missing amount counts
 * 0) — under a borough filter only rows of practitioners placed in its cells, unfiltered every active row, placed
 * or not (managers included). O(C + F) for C cells and F active funding rows.
 */
public final class CoverageSummary {

    private CoverageSummary() {}

    /**
     * The summary of {@code cells}, as {@link Cells#compute} gives them for {@code cover}.
     */
    public static Summary compute(CellCover cover, List<Cell> cells) {
        Objects.requireNonNull(cover, "cover");
        Objects.requireNonNull(cells, "cells");
        Set<String> boroughsWithCover = new LinkedHashSet<>();
        int holes = 0;
        int fragile = 0;
        double fte = 0;
        for (Cell cell : cells) {
            fte += cell.fte();
            switch (cell.status()) {
                case HOLE -> holes++;
                case FRAGILE -> fragile++;
                case COVERED -> { }
            }
            if (cell.status() != CellStatus.HOLE) {
                boroughsWithCover.add(cell.boroughId());
            }
        }
        double fundingGbp = cover.activeFunding().stream()
                .filter(f -> cover.boroughFilter() == null || cover.isPlaced(f.practitionerId()))
                .mapToDouble(f -> f.amountGbp() == null ? 0 : f.amountGbp())
                .sum();
        return new Summary(boroughsWithCover.size(), cells.size(), holes, fragile,
                cells.size() - holes - fragile, cover.placed().size(), fte, fundingGbp);
    }
}
