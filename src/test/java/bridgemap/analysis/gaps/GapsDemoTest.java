package bridgemap.analysis.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.gaps.DeadEndsResult.BoroughDeadEnds;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ExclusionConflict;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ServiceStance;
import bridgemap.analysis.gaps.HandOffLossResult.SectorHandOffs;
import bridgemap.analysis.gaps.UnreachableEntriesResult.EntryReach;
import bridgemap.model.NetworkSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * A sanity run on the London demo (no store: the bundle projected in memory). It prints what a probation
 * or NHS reader would see and checks the "between two stools" story of the demo README for 2014-06-30.
 */
class GapsDemoTest {

    static final LocalDate MID_2014 = LocalDate.of(2014, 6, 30);
    static final LocalDate MID_2009 = LocalDate.of(2009, 6, 30);
    static final List<String> PD_SM = List.of("personality_disorder", "substance_misuse");

    @Test
    void mid2014PersonalityDisorderWithSubstanceMisuseFallsBetweenTwoStools() {
        NetworkSnapshot snapshot = DemoSnapshots.asOf(MID_2014);
        GapsResult result = GapsAnalysis.compute(snapshot, null);
        print(result);

        Map<ConflictStatus, Set<String>> pdSm = result.exclusionConflicts().conflicts().stream()
                .filter(c -> c.needs().equals(PD_SM))
                .collect(Collectors.groupingBy(ExclusionConflict::status, TreeMap::new,
                        Collectors.mapping(ExclusionConflict::boroughName, Collectors.toCollection(TreeSet::new))));
        System.out.println("{personality_disorder, substance_misuse} by status: " + pdSm);
        Set<String> served = Set.of("Camden", "Lambeth", "Southwark", "Tower Hamlets", "Westminster");
        Set<String> unserved = Set.of("Bexley", "Havering", "Hillingdon", "Richmond upon Thames", "Sutton");
        assertTrue(served.containsAll(pdSm.getOrDefault(ConflictStatus.SERVED, Set.of())), pdSm.toString());
        assertTrue(unserved.containsAll(pdSm.getOrDefault(ConflictStatus.UNSERVED, Set.of())), pdSm.toString());
        assertTrue(pdSm.getOrDefault(ConflictStatus.SPLIT, Set.of()).stream()
                .noneMatch(b -> served.contains(b) || unserved.contains(b)), pdSm.toString());
        assertEquals(List.of(), result.exclusionConflicts().conflicts().stream()
                .filter(c -> c.status() == ConflictStatus.UNSERVED && c.needs().equals(PD_SM))
                .filter(c -> !c.unacceptedNeeds().equals(List.of("personality_disorder"))).toList(),
                "where it is unserved, nobody accepts personality disorder");
    }

    @Test
    void mid2009() {
        print(GapsAnalysis.compute(DemoSnapshots.asOf(MID_2009), null));
    }

    @Test
    void oneBoroughIsTheSameAsItsRowsInTheWholeCity() {
        NetworkSnapshot snapshot = DemoSnapshots.asOf(MID_2014);
        GapsResult all = GapsAnalysis.compute(snapshot, null);
        GapsResult sutton = GapsAnalysis.compute(snapshot, "E09000029");
        assertEquals(all.exclusionConflicts().conflicts().stream().filter(c -> c.boroughId().equals("E09000029")).toList(),
                sutton.exclusionConflicts().conflicts());
        assertEquals(all.unreachableEntries().settings().stream()
                        .filter(r -> "E09000029".equals(r.setting().boroughId())).toList(),
                sutton.unreachableEntries().settings());
        assertEquals(all.deadEnds().byBorough().stream().filter(b -> b.boroughId().equals("E09000029")).toList(),
                sutton.deadEnds().byBorough());
    }

    static void print(GapsResult r) {
        System.out.printf("%n=== Gaps as of %s%n", r.asOf());
        List<ExclusionConflict> conflicts = r.exclusionConflicts().conflicts();
        Map<ConflictStatus, Integer> casesByStatus = new TreeMap<>();
        Map<ConflictStatus, Integer> rowsByStatus = new TreeMap<>();
        conflicts.forEach(c -> {
            casesByStatus.merge(c.status(), c.cases().intValue(), Integer::sum);
            rowsByStatus.merge(c.status(), 1, Integer::sum);
        });
        System.out.printf("-- exclusion conflicts: rows %s, cases %s%n", rowsByStatus, casesByStatus);
        System.out.println("-- worst: unserved rows, then split rows with a blocked need, most cases first");
        conflicts.stream().filter(c -> c.status() == ConflictStatus.UNSERVED).limit(6).forEach(GapsDemoTest::printConflict);
        conflicts.stream().filter(c -> c.status() == ConflictStatus.SPLIT && !c.blockedNeeds().isEmpty()).limit(8)
                .forEach(GapsDemoTest::printConflict);
        System.out.printf("   split rows with no blocked need (services side by side): %d rows, %d cases%n",
                conflicts.stream().filter(c -> c.status() == ConflictStatus.SPLIT && c.blockedNeeds().isEmpty()).count(),
                conflicts.stream().filter(c -> c.status() == ConflictStatus.SPLIT && c.blockedNeeds().isEmpty())
                        .mapToInt(c -> c.cases().intValue()).sum());

        DeadEndsResult d = r.deadEnds();
        System.out.printf("-- dead ends: %d in-scope cases, %d resolved, %d dead ends (%.1f%%)%n", d.cases().value(), d.resolved().value(),
                d.deadEnds().value(), 100 * d.rate().value());
        System.out.println("   highest-rate boroughs:");
        d.byBorough().stream().limit(5).forEach(b -> printBorough(b));
        System.out.println("   lowest-rate boroughs:");
        d.byBorough().stream().skip(Math.max(0, d.byBorough().size() - 3)).forEach(b -> printBorough(b));
        System.out.println("   by last hand-off:");
        d.byHandOff().forEach(h -> System.out.printf("     %-16s -> %-16s resolved %4d dead ends %4d (%.1f%%)%n",
                h.from().code(), h.to().code(), h.resolved().value(), h.deadEnds().value(), 100 * h.rate().value()));
        System.out.println("   where chains dead-end (top 6):");
        d.endpoints().stream().limit(6).forEach(t -> System.out.printf("     %4d  %s (%s)%n", t.deadEnds().value(), t.node().name(),
                t.node().sector().code()));

        System.out.println("-- hand-off loss (from -> to: total, accepted/declined/no_response/withdrawn/pending, loss)");
        for (SectorHandOffs h : r.handOffLoss().handOffs()) {
            System.out.printf("     %-16s -> %-16s %5d  %4d/%4d/%4d/%3d/%3d  %.1f%%%n", h.from().code(), h.to().code(),
                    h.total().value(), h.accepted().value(), h.declined().value(), h.noResponse().value(),
                    h.withdrawn().value(), h.pending().value(), 100 * h.loss().value());
        }

        List<EntryReach> entries = r.unreachableEntries().settings();
        System.out.printf("-- unreachable entries: %d entry settings, %d with some need unreachable, %d (setting, need) pairs%n",
                entries.size(), entries.stream().filter(e -> e.unreachableCount() > 0).count(),
                r.unreachableEntries().unreachable().size());
        Map<String, Long> byNeed = r.unreachableEntries().unreachable().stream()
                .collect(Collectors.groupingBy(p -> p.need(), TreeMap::new, Collectors.counting()));
        System.out.println("   settings per unreachable need: " + byNeed);
        entries.stream().limit(8).forEach(e -> System.out.printf("     %d/%d  %-40s %-22s %s%n", e.unreachableCount(), e.needs(),
                e.setting().name(), e.boroughName(), e.unreachableNeeds()));
    }

    private static void printConflict(ExclusionConflict c) {
        System.out.printf("  %-8s %3d  %-22s %-40s %s%n", c.status().code(), c.cases().value(), c.boroughName(),
                String.join("+", c.needs()),
                c.status() == ConflictStatus.UNSERVED
                        ? "nobody accepts " + c.unacceptedNeeds()
                        : "blocked " + c.blockedNeeds() + ": " + stances(c.services()));
    }

    private static void printBorough(BoroughDeadEnds b) {
        System.out.printf("     %-24s %4d resolved, %4d dead ends (%.1f%%)%n", b.boroughName(), b.resolved().value(),
                b.deadEnds().value(), 100 * b.rate().value());
    }

    private static String stances(List<ServiceStance> services) {
        return services.stream()
                .map(s -> s.service().id() + (s.excludes().isEmpty() ? "" : " excl " + String.join("+", s.excludes())))
                .collect(Collectors.joining("; "));
    }
}
