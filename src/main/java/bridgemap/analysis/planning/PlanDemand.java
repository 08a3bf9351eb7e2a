package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Referral;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The unmet demand the expansion planner maximises, as the elements of a maximum-coverage problem: one set of elements
 * per candidate cell, the elements a post there would meet, each tagged with the {@link DemandSource} it comes from.
 *
 * <p>Definition ({@code docs/analysis.md}, "Demand"): a setting belongs to one cell per borough it serves (its
 * catchment). With {@code activity} demand the elements are the whole people of each setting's
 * {@link ActivityDemand} estimate ({@code round(people)}), for the settings whose every cell is a candidate (unmet);
 * a candidate cell holds the elements of its settings, so a court serving two boroughs is met by a post in either.
 * With {@code cases} demand the elements are the people with a referral in the window from or to a setting of a
 * candidate cell and of no met cell, each once; with {@code equal} demand each candidate cell is one element.
 * O(S·b + R + Σ|elements|) for S settings serving b boroughs each and R referrals in the window.
 *
 * @param candidates per candidate cell (in the order given), the elements a post there meets
 * @param total how many elements there are: the unmet demand
 * @param sources each element's source; empty for {@code equal} demand
 * @param settings with {@code activity} demand, the settings counted, each with its elements' range
 */
record PlanDemand(List<BitSet> candidates, int total, List<DemandSource> sources, List<Counted> settings) {

    /** A setting's estimate and the elements {@code [from, to)} that stand for its people. */
    record Counted(SettingDemand demand, int from, int to) {}

    PlanDemand {
        candidates = List.copyOf(candidates);
        sources = List.copyOf(sources);
        settings = List.copyOf(settings);
    }

    static PlanDemand of(NetworkSnapshot snapshot, List<CoverageResult.Cell> unmet, Set<String> metCells,
            ExpansionPlanner.Demand demand) {
        return switch (demand) {
            case EQUAL -> equal(unmet);
            case CASES -> cases(snapshot, unmet, metCells);
            case ACTIVITY -> activity(snapshot, unmet);
        };
    }

    static String key(String borough, SettingKind kind) {
        return borough + "/" + kind.code();
    }

    private static PlanDemand equal(List<CoverageResult.Cell> unmet) {
        List<BitSet> candidates = new ArrayList<>();
        for (int i = 0; i < unmet.size(); i++) {
            BitSet self = new BitSet();
            self.set(i);
            candidates.add(self);
        }
        return new PlanDemand(candidates, unmet.size(), List.of(), List.of());
    }

    private static PlanDemand cases(NetworkSnapshot snapshot, List<CoverageResult.Cell> unmet, Set<String> metCells) {
        Map<String, Setting> settings = new HashMap<>();
        snapshot.settings().forEach(s -> settings.put(s.id(), s));
        Map<String, List<String>> served = snapshot.boroughsServed();
        Map<String, Set<String>> cellsSeen = new HashMap<>();
        for (Referral r : snapshot.referrals()) {
            for (String end : new String[] {r.fromId(), r.toId()}) {
                Setting s = settings.get(end);
                if (s != null) {
                    for (String borough : served.get(s.id())) {
                        cellsSeen.computeIfAbsent(r.caseId(), c -> new HashSet<>()).add(key(borough, s.kind()));
                    }
                }
            }
        }
        Map<String, Integer> unmetIndex = index(unmet);
        List<BitSet> candidates = new ArrayList<>();
        unmet.forEach(cell -> candidates.add(new BitSet()));
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
        return new PlanDemand(candidates, element, java.util.Collections.nCopies(element, DemandSource.REFERRALS), List.of());
    }

    private static PlanDemand activity(NetworkSnapshot snapshot, List<CoverageResult.Cell> unmet) {
        Map<String, SettingDemand> estimates = ActivityDemand.estimate(snapshot);
        Map<String, List<String>> served = snapshot.boroughsServed();
        Map<String, Integer> unmetIndex = index(unmet);
        List<BitSet> candidates = new ArrayList<>();
        unmet.forEach(cell -> candidates.add(new BitSet()));
        List<Counted> counted = new ArrayList<>();
        List<DemandSource> sources = new ArrayList<>();
        for (Setting setting : snapshot.settings()) {
            SettingDemand estimate = estimates.get(setting.id());
            List<String> boroughs = served.get(setting.id());
            if (estimate == null || boroughs.isEmpty()
                    || !boroughs.stream().allMatch(b -> unmetIndex.containsKey(key(b, setting.kind())))) {
                continue; // community, no borough, or some cell it belongs to is met (or not considered)
            }
            int from = sources.size();
            int to = from + (int) estimate.wholePeople();
            sources.addAll(java.util.Collections.nCopies(to - from, estimate.source()));
            for (String borough : boroughs) {
                candidates.get(unmetIndex.get(key(borough, setting.kind()))).set(from, to);
            }
            counted.add(new Counted(estimate, from, to));
        }
        return new PlanDemand(candidates, sources.size(), sources, counted);
    }

    private static Map<String, Integer> index(List<CoverageResult.Cell> unmet) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < unmet.size(); i++) {
            index.put(key(unmet.get(i).boroughId(), unmet.get(i).kind()), i);
        }
        return index;
    }

    /** The elements of {@code fresh} counted by source, in source order, sources with none left out. */
    List<ExpansionPlan.SourceCount> bySource(BitSet fresh) {
        int[] counts = new int[DemandSource.values().length];
        if (!sources.isEmpty()) {
            fresh.stream().forEach(e -> counts[sources.get(e).ordinal()]++);
        }
        List<ExpansionPlan.SourceCount> out = new ArrayList<>();
        Arrays.stream(DemandSource.values()).filter(s -> counts[s.ordinal()] > 0)
                .forEach(s -> out.add(new ExpansionPlan.SourceCount(s, counts[s.ordinal()])));
        return out;
    }

    /** The settings counted whose elements {@code fresh} meets (all or none of each), in snapshot order. */
    List<SettingDemand> settingsMet(BitSet fresh) {
        return settings.stream().filter(c -> c.from() < c.to() && fresh.get(c.from())).map(Counted::demand).toList();
    }
}
