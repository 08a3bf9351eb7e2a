package bridgemap.analysis.coverage;

import bridgemap.analysis.coverage.CoverageResult.CellKey;
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
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Who covers which cell on day D: the working material every coverage measure reads, built once per
 * analysis (as {@code gaps} reads cases through {@code CaseChain}). It holds practitioners' ids, so it is
 * never part of a result.
 *
 * <p>Definition ({@code docs/analysis.md}, "Coverage"): a <b>cell</b> is a borough × setting kind for which at least
 * one setting of that kind serves the borough (under a borough filter, only that borough's cells); a setting serves
 * the boroughs of its <b>catchment</b> ({@link NetworkSnapshot#boroughsServed()}: Camberwell Green magistrates' court
 * serves Lambeth and Southwark), or, without one, the borough it stands in. A cell's <b>practitioners</b> are those in
 * post on D with a placement active on D at one of its settings; each placement carries the practitioner's FTE divided
 * by their number of active placements, shared equally among the boroughs its setting serves (so the cells' FTE adds
 * up to the FTE placed). The funding rows active on D give each practitioner's <b>funders</b>. Dated facts are
 * checked against D again, so a hand-built snapshot cannot leak inactive ones.
 *
 * <p>O(S·b + P·b + P log P + F log F) for S settings serving b boroughs each, P active placements and F active
 * funding rows.
 */
public final class CellCover {

    /** Reading order of cells: by borough name, then borough id, then setting kind. */
    static final Comparator<CellKey> CELL_ORDER = Comparator.comparing(CellKey::boroughName)
            .thenComparing(CellKey::boroughId)
            .thenComparing(CellKey::kind);

    private final NetworkSnapshot snapshot;
    private final String boroughFilter;
    private final Map<String, Funder> funders;
    private final List<Placement> placements;
    private final List<Funding> activeFunding;
    private final Map<String, Set<String>> fundersOf;
    private final Map<CellKey, List<Setting>> cellSettings;
    private final Map<String, Set<CellKey>> cellsOfSetting;
    private final Map<CellKey, Set<String>> cellPractitioners;
    private final Map<CellKey, Double> cellFte;
    private final Map<String, Set<CellKey>> cellsOf;

    private CellCover(NetworkSnapshot snapshot, String boroughFilter, Map<String, Funder> funders,
            List<Placement> placements, List<Funding> activeFunding, Map<String, Set<String>> fundersOf,
            Map<CellKey, List<Setting>> cellSettings, Map<String, Set<CellKey>> cellsOfSetting,
            Map<CellKey, Set<String>> cellPractitioners, Map<CellKey, Double> cellFte, Map<String, Set<CellKey>> cellsOf) {
        this.snapshot = snapshot;
        this.boroughFilter = boroughFilter;
        this.funders = Collections.unmodifiableMap(funders);
        this.placements = List.copyOf(placements);
        this.activeFunding = activeFunding;
        this.fundersOf = Collections.unmodifiableMap(fundersOf);
        this.cellSettings = Collections.unmodifiableMap(cellSettings);
        this.cellsOfSetting = Collections.unmodifiableMap(cellsOfSetting);
        this.cellPractitioners = Collections.unmodifiableMap(cellPractitioners);
        this.cellFte = Collections.unmodifiableMap(cellFte);
        this.cellsOf = Collections.unmodifiableMap(cellsOf);
    }

    /**
     * The cover of every borough's cells, or of one borough's.
     *
     * @param boroughFilter a borough's GSS code, or null for every borough
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have, or a
     *     placement or funding row active on D names a setting or funder it does not have
     */
    public static CellCover of(NetworkSnapshot snapshot, String boroughFilter) {
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

        Map<String, List<String>> served = snapshot.boroughsServed();
        Map<CellKey, List<Setting>> cellSettings = new TreeMap<>(CELL_ORDER);
        for (Setting setting : snapshot.settings()) {
            for (String borough : served.get(setting.id())) {
                if (boroughFilter == null || boroughFilter.equals(borough)) {
                    CellKey key = new CellKey(borough, boroughNames.getOrDefault(borough, borough), setting.kind());
                    cellSettings.computeIfAbsent(key, k -> new ArrayList<>()).add(setting);
                }
            }
        }
        Map<String, Set<CellKey>> cellsOfSetting = new HashMap<>();
        cellSettings.forEach((key, list) -> list.forEach(s ->
                cellsOfSetting.computeIfAbsent(s.id(), id -> new TreeSet<>(CELL_ORDER)).add(key)));

        Map<CellKey, Set<String>> cellPractitioners = new LinkedHashMap<>();
        Map<CellKey, Double> cellFte = new HashMap<>();
        Map<String, Set<CellKey>> cellsOf = new HashMap<>();
        for (Placement placement : placements) {
            String id = placement.practitionerId();
            int boroughs = served.get(placement.settingId()).size();
            for (CellKey key : cellsOfSetting.getOrDefault(placement.settingId(), Set.of())) {
                cellPractitioners.computeIfAbsent(key, k -> new TreeSet<>()).add(id);
                cellFte.merge(key, inPost.get(id).fte() / placementCount.get(id) / boroughs, Double::sum);
                cellsOf.computeIfAbsent(id, p -> new TreeSet<>(CELL_ORDER)).add(key);
            }
        }
        return new CellCover(snapshot, boroughFilter, funders, placements, activeFunding, fundersOf, cellSettings,
                cellsOfSetting, cellPractitioners, cellFte, cellsOf);
    }

    /** The snapshot the cover was read from. */
    NetworkSnapshot snapshot() {
        return snapshot;
    }

    /** The borough filter, or null for every borough. */
    String boroughFilter() {
        return boroughFilter;
    }

    /** Every cell, in {@link #CELL_ORDER}. */
    Set<CellKey> cells() {
        return cellSettings.keySet();
    }

    /** The cell's settings, in snapshot order. */
    List<Setting> settingsOf(CellKey cell) {
        return cellSettings.getOrDefault(cell, List.of());
    }

    /**
     * The cells a setting belongs to, one per borough it serves, in {@link #CELL_ORDER}; empty for a setting outside
     * every cell (no borough, or filtered out).
     */
    Set<CellKey> cellsOfSetting(String settingId) {
        return cellsOfSetting.getOrDefault(settingId, Set.of());
    }

    /** The practitioners placed in the cell, by id; empty for a hole. */
    Set<String> practitionersOf(CellKey cell) {
        return cellPractitioners.getOrDefault(cell, Set.of());
    }

    /**
     * The cell's FTE: each placement's share of its practitioner's FTE, divided among the boroughs its setting serves,
     * added in snapshot order.
     */
    double fteOf(CellKey cell) {
        return cellFte.getOrDefault(cell, 0.0);
    }

    /** The cells a practitioner is placed in, in {@link #CELL_ORDER}; empty when placed in none. */
    Set<CellKey> cellsOf(String practitionerId) {
        return cellsOf.getOrDefault(practitionerId, Set.of());
    }

    /** Practitioners placed in at least one cell, in no particular order. */
    Set<String> placed() {
        return cellsOf.keySet();
    }

    /** True when the practitioner is placed in at least one cell. */
    boolean isPlaced(String practitionerId) {
        return cellsOf.containsKey(practitionerId);
    }

    /** Placements active on D of practitioners in post on D, anywhere (not only in the cells), in snapshot order. */
    List<Placement> placements() {
        return placements;
    }

    /** Funding rows active on D, in snapshot order, placed practitioners or not. */
    List<Funding> activeFunding() {
        return activeFunding;
    }

    /** The funders paying for a practitioner on D, by id; empty for an unfunded practitioner. */
    Set<String> fundersOf(String practitionerId) {
        return fundersOf.getOrDefault(practitionerId, Set.of());
    }

    /** Every practitioner with funding active on D, and their funders by id. */
    Map<String, Set<String>> funding() {
        return fundersOf;
    }

    /** A funder of the snapshot by id. */
    Funder funder(String funderId) {
        return funders.get(funderId);
    }

    /** The practitioners' nodes, by id. */
    List<NetworkNode> nodes(Set<String> ids) {
        return ids.stream().sorted().map(snapshot::node).toList();
    }
}
