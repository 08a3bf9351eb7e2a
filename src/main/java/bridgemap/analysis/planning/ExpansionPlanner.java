package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The expansion planner: choose {@code posts} cells (borough × setting kind) for new posts so that they
 * cover the most unmet demand, by greedy maximum coverage ({@link MaxCoverage}).
 *
 * <p>Unmet cells are the holes (and, when asked, the fragile cells) among the cells of the given setting
 * kinds. With {@code cases} demand, the elements are the people seen in the referral window at a setting
 * of an unmet cell and at no setting of a covered one (met nowhere); a post in a cell covers the people
 * seen there, and a person seen at several unmet cells counts once. With {@code equal} demand every unmet
 * cell is one element, covered by a post there.
 */
public final class ExpansionPlanner {

    /** How demand is counted. */
    public enum Demand { CASES, EQUAL }

    private ExpansionPlanner() {}

    public static ExpansionPlan plan(NetworkSnapshot snapshot, int posts, Demand demand, List<SettingKind> kinds,
            boolean includeFragile) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(demand, "demand");
        Objects.requireNonNull(kinds, "kinds");
        if (posts < 1) {
            throw new IllegalArgumentException("posts must be at least 1: " + posts);
        }
        CoverageResult coverage = CoverageAnalysis.compute(snapshot, null);
        List<CoverageResult.Cell> unmet = new ArrayList<>();
        Set<String> metCells = new HashSet<>();
        for (CoverageResult.Cell cell : coverage.cells()) {
            if (!kinds.contains(cell.kind())) {
                continue;
            }
            boolean isUnmet = cell.status() == CellStatus.HOLE || (includeFragile && cell.status() == CellStatus.FRAGILE);
            if (isUnmet) {
                unmet.add(cell);
            } else {
                metCells.add(key(cell.boroughId(), cell.kind()));
            }
        }
        List<BitSet> candidates = new ArrayList<>();
        int unmetDemand;
        if (demand == Demand.EQUAL) {
            for (int i = 0; i < unmet.size(); i++) {
                BitSet self = new BitSet();
                self.set(i);
                candidates.add(self);
            }
            unmetDemand = unmet.size();
        } else {
            Map<String, Setting> settings = new HashMap<>();
            snapshot.settings().forEach(s -> settings.put(s.id(), s));
            Map<String, Set<String>> cellsSeen = new HashMap<>();
            for (Referral r : snapshot.referrals()) {
                for (String end : new String[] {r.fromId(), r.toId()}) {
                    Setting s = settings.get(end);
                    if (s != null) {
                        cellsSeen.computeIfAbsent(r.caseId(), c -> new HashSet<>()).add(key(s.boroughId(), s.kind()));
                    }
                }
            }
            Map<String, Integer> unmetIndex = new HashMap<>();
            for (int i = 0; i < unmet.size(); i++) {
                unmetIndex.put(key(unmet.get(i).boroughId(), unmet.get(i).kind()), i);
                candidates.add(new BitSet());
            }
            int element = 0;
            List<String> caseIds = new ArrayList<>(cellsSeen.keySet());
            caseIds.sort(null);
            for (String caseId : caseIds) {
                Set<String> seen = cellsSeen.get(caseId);
                if (seen.stream().anyMatch(metCells::contains)) {
                    continue;
                }
                boolean counted = false;
                for (String cell : seen) {
                    Integer i = unmetIndex.get(cell);
                    if (i != null) {
                        candidates.get(i).set(element);
                        counted = true;
                    }
                }
                if (counted) {
                    element++;
                }
            }
            unmetDemand = element;
        }
        List<ExpansionPlan.PlannedPost> picks = new ArrayList<>();
        for (MaxCoverage.Pick pick : MaxCoverage.greedy(candidates, posts)) {
            CoverageResult.Cell cell = unmet.get(pick.candidate());
            picks.add(new ExpansionPlan.PlannedPost(picks.size() + 1, cell.boroughId(), cell.boroughName(), cell.kind(),
                    cell.settings().stream().map(n -> n.name()).toList(), pick.gain(), pick.cumulative(),
                    unmetDemand == 0 ? 0 : (double) pick.cumulative() / unmetDemand));
        }
        return new ExpansionPlan(snapshot.asOf(), demand.name().toLowerCase(java.util.Locale.ROOT), kinds, includeFragile,
                posts, unmet.size(), unmetDemand, picks);
    }

    private static String key(String borough, SettingKind kind) {
        return borough + "/" + kind.code();
    }
}
