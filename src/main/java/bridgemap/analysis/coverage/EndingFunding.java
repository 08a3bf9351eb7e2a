package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.FundingEnding;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Practitioner;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Funding that runs out within a year.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): the funding rows active on D whose end falls in
 * (D, D + {@value NetworkSnapshot#WINDOW_DAYS}], each with its funder, practitioner, end, amount, the cells
 * that practitioner covers (none for a post not placed at a setting, such as a manager's) and the post itself:
 * its role, its host agency (the practitioner's employer) and the settings it is placed at. Under a borough filter
 * only rows of practitioners placed in one of its cells are listed. Soonest end first, then funder name, then
 * practitioner id. O(F log F + F·c) for F active rows and practitioners in c cells.
 */
public final class EndingFunding {

    private EndingFunding() {}

    /** The active funding rows of the cover that end within a year of D. */
    public static List<FundingEnding> compute(CellCover cover) {
        Objects.requireNonNull(cover, "cover");
        NetworkSnapshot snapshot = cover.snapshot();
        return cover.activeFunding().stream()
                .filter(f -> f.period().endsWithin(snapshot.asOf(), NetworkSnapshot.WINDOW_DAYS))
                .filter(f -> cover.boroughFilter() == null || cover.isPlaced(f.practitionerId()))
                .map(f -> new FundingEnding(cover.funder(f.funderId()), snapshot.node(f.practitionerId()),
                        f.period().end(), f.amountGbp(), List.copyOf(cover.cellsOf(f.practitionerId())),
                        post(snapshot, f.practitionerId())))
                .sorted(Comparator.comparing(FundingEnding::end)
                        .thenComparing(e -> e.funder().name())
                        .thenComparing(e -> e.practitioner().id()))
                .toList();
    }

    /** The post {@code practitionerId} holds on D: its role, host agency and settings. */
    static CoverageResult.Post post(NetworkSnapshot snapshot, String practitionerId) {
        Practitioner p = snapshot.practitioners().stream().filter(x -> x.id().equals(practitionerId)).findFirst().orElse(null);
        String role = p == null ? snapshot.node(practitionerId).kind() : p.role();
        NetworkNode host = p == null || p.employerId() == null ? null : snapshot.nodes().get(p.employerId());
        List<NetworkNode> settings = snapshot.placements().stream()
                .filter(pl -> pl.practitionerId().equals(practitionerId) && pl.period().contains(snapshot.asOf()))
                .map(pl -> snapshot.nodes().get(pl.settingId())).filter(Objects::nonNull).distinct()
                .sorted(Comparator.comparing(NetworkNode::name)).toList();
        String description = role + (host == null ? "" : " held by " + host.name())
                + (settings.isEmpty() ? ", not placed at a setting"
                        : " at " + settings.stream().map(NetworkNode::name).collect(Collectors.joining("; ")));
        return new CoverageResult.Post(role, host, settings, description);
    }
}
