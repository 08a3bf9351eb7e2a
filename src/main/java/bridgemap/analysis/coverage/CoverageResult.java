package bridgemap.analysis.coverage;

import bridgemap.model.Funder;
import bridgemap.model.NetworkNode;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * Practitioner cover of borough × setting-kind cells on one day, and what it rests on.
 *
 * @param asOf the day D
 * @param boroughId the borough filter, or null for all boroughs
 * @param summary totals over the cells reported
 * @param cells every borough × setting kind with at least one setting, by borough name then kind
 * @param settingsWithoutCover entry settings (police custody, magistrates' and Crown Courts) with nobody placed
 * @param fundingEnding funding rows active on D that end in (D, D + 365], soonest first
 * @param practitionerLosses N−1 per practitioner: who alone holds some cell, most cells first, then id
 * @param funderLosses N−1 per funder: whose withdrawal empties some cell, most cells first, then id
 */
public record CoverageResult(
        LocalDate asOf,
        String boroughId,
        Summary summary,
        List<Cell> cells,
        List<UncoveredSetting> settingsWithoutCover,
        List<FundingEnding> fundingEnding,
        List<PractitionerLoss> practitionerLosses,
        List<FunderLoss> funderLosses) {

    /** Reason: the cell has no practitioner. */
    public static final String NO_COVER = "no cover";
    /** Reason: the cell has exactly one practitioner. */
    public static final String SINGLE_PRACTITIONER = "single practitioner";
    /** Reason: the cell's practitioners have exactly one funder between them. */
    public static final String SINGLE_FUNDER = "single funder";
    /** Reason: a practitioner of the cell has no funding active on D. */
    public static final String UNFUNDED = "unfunded";

    public CoverageResult {
        Objects.requireNonNull(asOf, "asOf");
        Objects.requireNonNull(summary, "summary");
        cells = List.copyOf(cells);
        settingsWithoutCover = List.copyOf(settingsWithoutCover);
        fundingEnding = List.copyOf(fundingEnding);
        practitionerLosses = List.copyOf(practitionerLosses);
        funderLosses = List.copyOf(funderLosses);
    }

    /**
     * Totals over the cells reported.
     *
     * @param boroughsWithCover boroughs with at least one practitioner placed in some cell
     * @param practitionersPlaced distinct practitioners placed in the cells
     * @param fte the cells' FTE added up
     * @param fundingActiveGbp the amounts of the funding rows active on D (each row's amount is for its
     *     whole period); under a borough filter, only rows of practitioners placed in the borough
     */
    public record Summary(
            int boroughsWithCover,
            int cells,
            int holes,
            int fragile,
            int covered,
            int practitionersPlaced,
            double fte,
            double fundingActiveGbp) {}

    /** Which cell: a borough and a setting kind. */
    public record CellKey(String boroughId, String boroughName, SettingKind kind) {}

    /**
     * One borough × setting kind.
     *
     * @param settings the borough's settings of that kind, by name
     * @param practitioners practitioners in post and placed at those settings on D, by id
     * @param fte each practitioner's FTE divided by their number of active placements, summed over the
     *     placements at these settings
     * @param funders distinct funders with funding active on D for those practitioners, by name
     * @param status {@code hole}, {@code fragile} or {@code covered}
     * @param reasons for a hole {@value #NO_COVER}; for fragile cover every one of
     *     {@value #SINGLE_PRACTITIONER}, {@value #SINGLE_FUNDER}, {@value #UNFUNDED} that applies, in
     *     that order; empty when covered
     */
    public record Cell(
            String boroughId,
            String boroughName,
            SettingKind kind,
            List<NetworkNode> settings,
            List<NetworkNode> practitioners,
            double fte,
            List<Funder> funders,
            CellStatus status,
            List<String> reasons) {

        public Cell {
            settings = List.copyOf(settings);
            practitioners = List.copyOf(practitioners);
            funders = List.copyOf(funders);
            reasons = List.copyOf(reasons);
        }

        /** This cell's key. */
        public CellKey key() {
            return new CellKey(boroughId, boroughName, kind);
        }
    }

    /**
     * A place (borough × setting kind) as people know it: by its real settings and the borough they serve — "Wood Green
     * Crown Court (Haringey)" — never a setting named after its borough; "Haringey: Crown Court" without settings.
     * The one rule the command line, the what-if sentences and (in {@code web/js/coverage.js}) the pages follow.
     */
    public static String placeName(List<String> settingNames, String boroughName, SettingKind kind) {
        return settingNames.isEmpty() ? boroughName + ": " + kind.label()
                : settingNames.stream().sorted().collect(java.util.stream.Collectors.joining(" and ")) + " (" + boroughName + ")";
    }

    /** An entry setting with no practitioner placed on D. */
    public record UncoveredSetting(NetworkNode setting, String boroughName) {}

    /**
     * A funding row that ends within a year.
     *
     * @param amountGbp the row's amount for its whole period, or null when not given
     * @param cells the cells the practitioner covers (empty for a post not placed at a setting)
     * @param post the post the row pays for: its role, the agency that holds it and where it is placed
     */
    public record FundingEnding(Funder funder, NetworkNode practitioner, LocalDate end, Double amountGbp, List<CellKey> cells,
            Post post) {

        public FundingEnding {
            cells = List.copyOf(cells);
        }
    }

    /**
     * A post as people name it, not by its holder's pseudonym: its role ("FMHP"), the agency that holds it (the
     * practitioner's employer, the host agency; null when not stored) and the settings it is placed at on D.
     * {@code description}: "FMHP held by Together at Camberwell Green magistrates' court".
     */
    public record Post(String role, NetworkNode host, List<NetworkNode> settings, String description) {

        public Post {
            settings = List.copyOf(settings);
        }
    }

    /** The cells that become holes without this practitioner: those where they are the only practitioner. */
    public record PractitionerLoss(NetworkNode practitioner, List<CellKey> cellsLost) {

        public PractitionerLoss {
            cellsLost = List.copyOf(cellsLost);
        }
    }

    /**
     * What a funder's withdrawal costs.
     *
     * @param practitionersLost placed practitioners whose every active funding row is from this funder
     * @param cellsLost cells with cover today and none without those practitioners
     */
    public record FunderLoss(Funder funder, List<NetworkNode> practitionersLost, List<CellKey> cellsLost) {

        public FunderLoss {
            practitionersLost = List.copyOf(practitionersLost);
            cellsLost = List.copyOf(cellsLost);
        }
    }
}
