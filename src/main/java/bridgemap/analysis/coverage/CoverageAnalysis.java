package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.Cell;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.analysis.coverage.CoverageResult.FunderLoss;
import bridgemap.analysis.coverage.CoverageResult.FundingEnding;
import bridgemap.analysis.coverage.CoverageResult.PractitionerLoss;
import bridgemap.analysis.coverage.CoverageResult.Summary;
import bridgemap.analysis.coverage.CoverageResult.UncoveredSetting;
import bridgemap.model.Borough;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.Setting;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Coverage holes: which borough × setting-kind cells have mental-health practitioner cover on day D, and
 * how much that cover rests on one person or one funder.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"), over placements active on D of practitioners in
 * post on D and funding rows active on D:
 * <ul>
 * <li><b>cells</b>: every borough × setting kind for which the borough has at least one setting of that kind;
 * <li>per cell, the settings, the practitioners placed at them, their <b>FTE</b> — a practitioner's FTE
 *     split equally over their active placements (a 1.0 FTE court &amp; probation post adds 0.5 to each
 *     cell) — and the distinct <b>funders</b> paying for those practitioners on D;
 * <li><b>status</b>: {@code hole} when no practitioner ("no cover"); {@code fragile} when one practitioner
 *     ("single practitioner"), one funder ("single funder") or a practitioner with no active funding
 *     ("unfunded"), listing every reason that applies; otherwise {@code covered};
 * <li><b>settings without cover</b>: entry settings ({@link SettingKind#isEntry()}) with nobody placed;
 * <li><b>funding ending</b>: rows active on D whose end falls in (D, D + 365], with the cells the
 *     practitioner covers;
 * <li><b>N−1 per practitioner</b>: the cells where they are the only practitioner;
 * <li><b>N−1 per funder</b>: remove every practitioner whose active funding comes only from that funder
 *     (practitioners with no funding stay); the cells left with no practitioner are the funder's loss.
 *     Only practitioners and funders who would empty at least one cell are listed.
 * </ul>
 *
 * <p>Choices: "unfunded" applies when <em>any</em> practitioner of the cell has no funding active on D
 * (so a cell can be both "single funder" and "unfunded"); under a borough filter every list keeps only
 * that borough's cells (a funding row is listed when its practitioner covers one of them) and the
 * summary's funding counts only rows of practitioners placed there — unfiltered it is every active row,
 * placed or not (managers included). Dated facts are checked against D again, so a hand-built snapshot
 * cannot leak inactive ones. An unknown borough filter is an error.
 *
 * <p>O(S + P + F + C·(p + f)) for S settings, P placements, F funding rows and C cells with p
 * practitioners and f funders each, plus O(F·C·p) for the funder losses.
 */
public final class CoverageAnalysis {

    private CoverageAnalysis() {}

    /**
     * Coverage of every borough, or of one.
     *
     * @param boroughFilter a borough's GSS code, or null for every borough
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have, or a
     *     placement or funding row names a setting or funder it does not have
     */
    public static CoverageResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        LocalDate asOf = snapshot.asOf();
        Map<String, String> boroughNames = new HashMap<>();
        for (Borough borough : snapshot.boroughs()) {
            boroughNames.put(borough.id(), borough.name());
        }
        if (boroughFilter != null && !boroughNames.containsKey(boroughFilter)) {
            throw new IllegalArgumentException("no borough " + boroughFilter + " in the snapshot");
        }
        Map<String, Setting> settings = new HashMap<>();
        snapshot.settings().forEach(s -> settings.put(s.id(), s));
        Map<String, Funder> funders = new HashMap<>();
        snapshot.funders().forEach(f -> funders.put(f.id(), f));

        Map<String, Practitioner> inPost = new HashMap<>();
        for (Practitioner practitioner : snapshot.practitioners()) {
            if (practitioner.period().contains(asOf)) {
                inPost.put(practitioner.id(), practitioner);
            }
        }
        List<Placement> placements = new ArrayList<>();
        Map<String, Integer> placementCount = new HashMap<>();
        for (Placement placement : snapshot.placements()) {
            if (placement.period().contains(asOf) && inPost.containsKey(placement.practitionerId())) {
                if (!settings.containsKey(placement.settingId())) {
                    throw new IllegalArgumentException("placement at unknown setting " + placement.settingId());
                }
                placements.add(placement);
                placementCount.merge(placement.practitionerId(), 1, Integer::sum);
            }
        }
        List<Funding> activeFunding = snapshot.funding().stream().filter(f -> f.period().contains(asOf)).toList();
        Map<String, Set<String>> fundersOf = new HashMap<>();
        for (Funding funding : activeFunding) {
            if (!funders.containsKey(funding.funderId())) {
                throw new IllegalArgumentException("funding from unknown funder " + funding.funderId());
            }
            fundersOf.computeIfAbsent(funding.practitionerId(), p -> new TreeSet<>()).add(funding.funderId());
        }

        // Cells, keyed by borough name then kind so they come out in reading order.
        Comparator<CellKey> cellOrder = Comparator.comparing(CellKey::boroughName)
                .thenComparing(CellKey::boroughId)
                .thenComparing(CellKey::kind);
        Map<CellKey, List<Setting>> cellSettings = new TreeMap<>(cellOrder);
        for (Setting setting : snapshot.settings()) {
            if (setting.boroughId() != null && (boroughFilter == null || boroughFilter.equals(setting.boroughId()))) {
                CellKey key = new CellKey(setting.boroughId(),
                        boroughNames.getOrDefault(setting.boroughId(), setting.boroughId()), setting.kind());
                cellSettings.computeIfAbsent(key, k -> new ArrayList<>()).add(setting);
            }
        }
        Map<String, CellKey> cellOfSetting = new HashMap<>();
        cellSettings.forEach((key, list) -> list.forEach(s -> cellOfSetting.put(s.id(), key)));

        Map<CellKey, Set<String>> cellPractitioners = new LinkedHashMap<>();
        Map<CellKey, Double> cellFte = new HashMap<>();
        Map<String, Set<CellKey>> cellsOf = new HashMap<>();
        for (Placement placement : placements) {
            CellKey key = cellOfSetting.get(placement.settingId());
            if (key == null) {
                continue; // a setting outside the filtered borough
            }
            String id = placement.practitionerId();
            cellPractitioners.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
            cellFte.merge(key, inPost.get(id).fte() / placementCount.get(id), Double::sum);
            cellsOf.computeIfAbsent(id, p -> new TreeSet<>(cellOrder)).add(key);
        }

        List<Cell> cells = new ArrayList<>();
        for (Map.Entry<CellKey, List<Setting>> entry : cellSettings.entrySet()) {
            CellKey key = entry.getKey();
            Set<String> practitioners = cellPractitioners.getOrDefault(key, Set.of());
            Set<String> cellFunders = new TreeSet<>();
            boolean unfunded = false;
            for (String practitioner : practitioners) {
                Set<String> paying = fundersOf.getOrDefault(practitioner, Set.of());
                cellFunders.addAll(paying);
                unfunded |= paying.isEmpty();
            }
            List<String> reasons = new ArrayList<>();
            CellStatus status;
            if (practitioners.isEmpty()) {
                status = CellStatus.HOLE;
                reasons.add(CoverageResult.NO_COVER);
            } else {
                if (practitioners.size() == 1) {
                    reasons.add(CoverageResult.SINGLE_PRACTITIONER);
                }
                if (cellFunders.size() == 1) {
                    reasons.add(CoverageResult.SINGLE_FUNDER);
                }
                if (unfunded) {
                    reasons.add(CoverageResult.UNFUNDED);
                }
                status = reasons.isEmpty() ? CellStatus.COVERED : CellStatus.FRAGILE;
            }
            cells.add(new Cell(key.boroughId(), key.boroughName(), key.kind(),
                    entry.getValue().stream().map(s -> snapshot.node(s.id()))
                            .sorted(Comparator.comparing(NetworkNode::name).thenComparing(NetworkNode::id)).toList(),
                    nodes(snapshot, practitioners),
                    cellFte.getOrDefault(key, 0.0),
                    cellFunders.stream().map(funders::get)
                            .sorted(Comparator.comparing(Funder::name).thenComparing(Funder::id)).toList(),
                    status,
                    reasons));
        }

        Set<String> placedAt = new HashSet<>();
        placements.forEach(p -> placedAt.add(p.settingId()));
        List<UncoveredSetting> uncovered = snapshot.settings().stream()
                .filter(s -> s.kind().isEntry() && cellOfSetting.containsKey(s.id()))
                .filter(s -> !placedAt.contains(s.id()))
                .sorted(Comparator.comparing((Setting s) -> cellOfSetting.get(s.id()), cellOrder)
                        .thenComparing(s -> snapshot.node(s.id()).name())
                        .thenComparing(Setting::id))
                .map(s -> new UncoveredSetting(snapshot.node(s.id()), cellOfSetting.get(s.id()).boroughName()))
                .toList();

        List<FundingEnding> ending = activeFunding.stream()
                .filter(f -> f.period().endsWithin(asOf, NetworkSnapshot.WINDOW_DAYS))
                .filter(f -> boroughFilter == null || cellsOf.containsKey(f.practitionerId()))
                .map(f -> new FundingEnding(funders.get(f.funderId()), snapshot.node(f.practitionerId()),
                        f.period().end(), f.amountGbp(), List.copyOf(cellsOf.getOrDefault(f.practitionerId(), Set.of()))))
                .sorted(Comparator.comparing(FundingEnding::end)
                        .thenComparing(e -> e.funder().name())
                        .thenComparing(e -> e.practitioner().id()))
                .toList();

        List<PractitionerLoss> practitionerLosses = new ArrayList<>();
        for (Map.Entry<String, Set<CellKey>> entry : new TreeMap<>(cellsOf).entrySet()) {
            List<CellKey> lost = entry.getValue().stream()
                    .filter(key -> cellPractitioners.get(key).size() == 1)
                    .toList();
            if (!lost.isEmpty()) {
                practitionerLosses.add(new PractitionerLoss(snapshot.node(entry.getKey()), lost));
            }
        }
        practitionerLosses.sort(Comparator.comparing((PractitionerLoss l) -> l.cellsLost().size(), Comparator.reverseOrder())
                .thenComparing(l -> l.practitioner().id()));

        Set<String> activeFunders = new TreeSet<>();
        activeFunding.forEach(f -> activeFunders.add(f.funderId()));
        List<FunderLoss> funderLosses = new ArrayList<>();
        for (String funderId : activeFunders) {
            Set<String> removed = new HashSet<>();
            fundersOf.forEach((practitioner, paying) -> {
                if (paying.equals(Set.of(funderId))) {
                    removed.add(practitioner);
                }
            });
            List<CellKey> lost = new ArrayList<>();
            cellPractitioners.forEach((key, practitioners) -> {
                if (!practitioners.isEmpty() && removed.containsAll(practitioners)) {
                    lost.add(key);
                }
            });
            if (!lost.isEmpty()) {
                lost.sort(cellOrder);
                Set<String> placedAndRemoved = new TreeSet<>(removed);
                placedAndRemoved.retainAll(cellsOf.keySet());
                funderLosses.add(new FunderLoss(funders.get(funderId), nodes(snapshot, placedAndRemoved), lost));
            }
        }
        funderLosses.sort(Comparator.comparing((FunderLoss l) -> l.cellsLost().size(), Comparator.reverseOrder())
                .thenComparing(l -> l.funder().id()));

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
        double fundingGbp = activeFunding.stream()
                .filter(f -> boroughFilter == null || cellsOf.containsKey(f.practitionerId()))
                .mapToDouble(f -> f.amountGbp() == null ? 0 : f.amountGbp())
                .sum();
        Summary summary = new Summary(boroughsWithCover.size(), cells.size(), holes, fragile,
                cells.size() - holes - fragile, cellsOf.size(), fte, fundingGbp);

        return new CoverageResult(asOf, boroughFilter, summary, cells, uncovered, ending, practitionerLosses, funderLosses);
    }

    private static List<NetworkNode> nodes(NetworkSnapshot snapshot, Set<String> ids) {
        return ids.stream().sorted().map(snapshot::node).toList();
    }
}
