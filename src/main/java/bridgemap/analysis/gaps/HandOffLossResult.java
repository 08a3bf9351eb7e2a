package bridgemap.analysis.gaps;

import bridgemap.model.Ratio;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.util.List;

/**
 * Referrals in the window by sector hand-off, and how many of them lost the person.
 *
 * @param handOffs one row per (from sector, to sector) that has referrals: cross-sector first, then by loss
 */
public record HandOffLossResult(List<SectorHandOffs> handOffs) {

    public HandOffLossResult {
        handOffs = List.copyOf(handOffs);
    }

    /**
     * The referrals from one sector to another.
     *
     * @param crossSector true when {@code from} and {@code to} differ
     * @param total referrals
     * @param lost declined + no response + withdrawn
     * @param loss lost / (total − pending), no value when all are pending
     */
    public record SectorHandOffs(
            Sector from,
            Sector to,
            boolean crossSector,
            Tally total,
            Tally accepted,
            Tally declined,
            Tally noResponse,
            Tally withdrawn,
            Tally pending,
            Tally lost,
            Ratio loss) {}
}
