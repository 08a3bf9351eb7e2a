package bridgemap.analysis.planning;

import bridgemap.analysis.bottlenecks.BottleneckAnalysis;
import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ExclusionConflict;
import bridgemap.analysis.gaps.GapsAnalysis;
import bridgemap.analysis.gaps.GapsResult;
import bridgemap.analysis.gaps.UnreachableEntriesResult.UnreachablePair;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Scenario;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Runs coverage, gaps and bottlenecks on a snapshot and on the same snapshot after a scenario, and says
 * what changed: cells that lose or gain cover or become fragile, entry settings left with nobody placed,
 * (setting, need) pairs that become unreachable, need combinations whose status changes, dead ends, cut
 * vertices and the criminal-justice → health broker cut; and who is displaced ({@link DisplacedPeople}) with the
 * pressure moved onto the services that remain. The people a change displaces stay in scope where they came in
 * ({@link Displacement}), so a change that only removes cover never improves a gap measure.
 */
public final class WhatIf {

    private WhatIf() {}

    /**
     * The coverage, gaps and bottlenecks of the snapshot a what-if starts from, for its day and borough: what a cache of
     * the day's analyses already holds ({@code service.AnalysisService}), so that a what-if computes only the side
     * after the scenario.
     */
    public record Before(CoverageResult coverage, GapsResult gaps, BottlenecksResult bottlenecks) {

        public Before {
            Objects.requireNonNull(coverage, "coverage");
            Objects.requireNonNull(gaps, "gaps");
            Objects.requireNonNull(bottlenecks, "bottlenecks");
        }

        /** The three analyses of {@code snapshot} in {@code borough} (null for all), computed here. */
        public static Before of(NetworkSnapshot snapshot, String borough) {
            return new Before(CoverageAnalysis.compute(snapshot, borough), GapsAnalysis.compute(snapshot, borough),
                    BottleneckAnalysis.compute(snapshot, borough));
        }
    }

    /** The scenario's effect on {@code before} in {@code borough} (null for all), every analysis computed here. */
    public static WhatIfResult compare(NetworkSnapshot before, Scenario scenario, String borough) {
        Objects.requireNonNull(before, "before");
        return compare(before, () -> Before.of(before, borough), scenario, borough);
    }

    /**
     * The same answer as {@link #compare(NetworkSnapshot, Scenario, String)}, given the analyses of {@code before}
     * already computed ({@code results}); they must be of the snapshot's day and of the same borough, else this is an
     * {@link IllegalArgumentException} (the answer would mix two days).
     */
    public static WhatIfResult compare(NetworkSnapshot before, Before results, Scenario scenario, String borough) {
        Objects.requireNonNull(results, "results");
        return compare(before, () -> results, scenario, borough);
    }

    /**
     * As {@link #compare(NetworkSnapshot, Before, Scenario, String)}, asking for the day's analyses only once the
     * scenario has been checked against the snapshot: a scenario with bad references is refused
     * ({@link ScenarioException}) without waiting for analyses a cache may not hold yet.
     */
    public static WhatIfResult compare(NetworkSnapshot before, java.util.function.Supplier<Before> day, Scenario scenario,
            String borough) {
        Objects.requireNonNull(before, "before");
        Objects.requireNonNull(day, "day");
        ScenarioApplication.Applied applied = ScenarioApplication.apply(before, scenario);
        Before results = Objects.requireNonNull(day.get(), "the day's results");
        check("coverage", results.coverage().asOf(), results.coverage().boroughId(), before, borough);
        check("gaps", results.gaps().asOf(), results.gaps().boroughId(), before, borough);
        check("bottlenecks", results.bottlenecks().asOf(), results.bottlenecks().boroughId(), before, borough);
        NetworkSnapshot after = applied.after();
        CoverageResult coverageBefore = results.coverage();
        CoverageResult coverageAfter = CoverageAnalysis.compute(after, borough);
        GapsResult gapsBefore = results.gaps();
        GapsResult gapsAfter = GapsAnalysis.compute(after, borough);
        BottlenecksResult bottlenecksBefore = results.bottlenecks();
        BottlenecksResult bottlenecksAfter = BottleneckAnalysis.compute(after, borough);
        DisplacedResult displaced = DisplacedPeople.compute(before, applied, borough);

        List<WhatIfResult.Difference> differences = new ArrayList<>();
        coverage(coverageBefore, coverageAfter, differences);
        gaps(gapsBefore, gapsAfter, differences, needNames(before));
        bottlenecks(bottlenecksBefore, bottlenecksAfter, differences);
        return new WhatIfResult(before.asOf(), scenario.name(), borough, applied.effects(),
                headline(coverageBefore, gapsBefore, bottlenecksBefore, null),
                headline(coverageAfter, gapsAfter, bottlenecksAfter, displaced),
                differences, displaced, coverageBefore, coverageAfter, gapsBefore, gapsAfter, bottlenecksBefore, bottlenecksAfter);
    }

    private static void check(String analysis, java.time.LocalDate asOf, String boroughId, NetworkSnapshot before,
            String borough) {
        if (!before.asOf().equals(asOf) || !Objects.equals(borough, boroughId)) {
            throw new IllegalArgumentException("the " + analysis + " given is of " + asOf + (boroughId == null ? "" : " in "
                    + boroughId) + ", not of the what-if's day " + before.asOf() + (borough == null ? "" : " in " + borough));
        }
    }

    static WhatIfResult.Headline headline(CoverageResult coverage, GapsResult gaps, BottlenecksResult bottlenecks,
            DisplacedResult displaced) {
        var s = coverage.summary();
        int stools = gaps.exclusionConflicts().peopleBetweenTwoStools().intValue();
        int unserved = gaps.exclusionConflicts().peopleUnserved().intValue();
        var deadEnds = gaps.deadEnds();
        double rate = deadEnds.rate().value();
        int cutVertices = (int) bottlenecks.nodes().stream().filter(BottlenecksResult.NodeMeasures::articulationPoint).count();
        return new WhatIfResult.Headline(s.boroughsWithCover(), s.holes(), s.fragile(), s.covered(), s.practitionersPlaced(),
                s.fte(), s.fundingActiveGbp(), coverage.settingsWithoutCover().size(),
                gaps.unreachableEntries().unreachable().size(), stools, unserved, deadEnds.deadEnds().intValue(),
                deadEnds.resolved().intValue(), Double.isNaN(rate) ? null : rate,
                displaced == null ? 0 : displaced.people().intValue(), displaced == null ? 0 : displaced.withoutRoute().intValue(),
                cutVertices, bottlenecks.brokerCut().summary());
    }

    private static void coverage(CoverageResult before, CoverageResult after, List<WhatIfResult.Difference> out) {
        Map<String, CoverageResult.Cell> cellsAfter = new LinkedHashMap<>();
        after.cells().forEach(c -> cellsAfter.put(c.boroughId() + "/" + c.kind().code(), c));
        for (CoverageResult.Cell b : before.cells()) {
            CoverageResult.Cell a = cellsAfter.get(b.boroughId() + "/" + b.kind().code());
            if (a == null) {
                continue;
            }
            String subject = CoverageResult.placeName(b.settings().stream().map(n -> n.name()).toList(), b.boroughName(), b.kind());
            String was = state(b);
            String now = state(a);
            if (was.equals(now)) {
                continue;
            }
            String sentence;
            if (a.status() == CellStatus.HOLE && b.status() != CellStatus.HOLE) {
                sentence = b.practitioners().size() == 1
                        ? subject + " loses its only " + b.practitioners().get(0).kind()
                        : subject + " loses all " + b.practitioners().size() + " practitioners";
            } else if (b.status() == CellStatus.HOLE) {
                sentence = subject + " gains cover: " + a.practitioners().size() + " practitioner"
                        + (a.practitioners().size() == 1 ? "" : "s");
            } else if (a.status() == CellStatus.FRAGILE && b.status() == CellStatus.COVERED) {
                sentence = subject + " becomes fragile (" + String.join(", ", a.reasons()) + ")";
            } else if (a.status() == CellStatus.COVERED && b.status() == CellStatus.FRAGILE) {
                sentence = subject + " is no longer fragile";
            } else {
                sentence = subject + ": " + was + " → " + now;
            }
            out.add(new WhatIfResult.Difference("coverage", subject, was, now, sentence));
        }
        Set<String> uncoveredBefore = before.settingsWithoutCover().stream().map(u -> u.setting().id()).collect(Collectors.toSet());
        Set<String> uncoveredAfter = after.settingsWithoutCover().stream().map(u -> u.setting().id()).collect(Collectors.toSet());
        for (var u : after.settingsWithoutCover()) {
            if (!uncoveredBefore.contains(u.setting().id())) {
                out.add(new WhatIfResult.Difference("coverage", u.setting().name(), "practitioner placed", "nobody placed",
                        u.setting().name() + " has nobody placed any more"));
            }
        }
        for (var u : before.settingsWithoutCover()) {
            if (!uncoveredAfter.contains(u.setting().id())) {
                out.add(new WhatIfResult.Difference("coverage", u.setting().name(), "nobody placed", "practitioner placed",
                        u.setting().name() + " gains a practitioner"));
            }
        }
    }

    private static String state(CoverageResult.Cell cell) {
        String people = cell.practitioners().size() + " practitioner" + (cell.practitioners().size() == 1 ? "" : "s");
        return switch (cell.status()) {
            case HOLE -> "no cover";
            case FRAGILE -> people + ", fragile (" + String.join(", ", cell.reasons()) + ")";
            case COVERED -> people + ", covered";
        };
    }

    private static void gaps(GapsResult before, GapsResult after, List<WhatIfResult.Difference> out,
            Map<String, String> names) {
        var deadBefore = before.deadEnds();
        var deadAfter = after.deadEnds();
        if (deadBefore.deadEnds().value() != deadAfter.deadEnds().value()) {
            out.add(new WhatIfResult.Difference("gaps", "dead ends", deadEnds(deadBefore), deadEnds(deadAfter),
                    String.format(java.util.Locale.ROOT, "Dead ends go from %s to %s: people whose last referral was "
                            + "declined, unanswered or withdrawn, with nothing accepted within 90 days",
                            deadEnds(deadBefore), deadEnds(deadAfter))));
        }
        Map<String, List<String>> lost = grouped(after.unreachableEntries().unreachable(), before.unreachableEntries().unreachable());
        lost.forEach((setting, needs) -> out.add(new WhatIfResult.Difference("gaps", setting, "reachable", "unreachable",
                "From " + setting + ", no accepting service is reachable within 3 hops any more for: " + words(needs, names))));
        Map<String, List<String>> regained = grouped(before.unreachableEntries().unreachable(), after.unreachableEntries().unreachable());
        regained.forEach((setting, needs) -> out.add(new WhatIfResult.Difference("gaps", setting, "unreachable", "reachable",
                "From " + setting + ", an accepting service is reachable again for: " + words(needs, names))));

        Map<String, ExclusionConflict> conflictsAfter = new LinkedHashMap<>();
        after.exclusionConflicts().conflicts().forEach(c -> conflictsAfter.put(c.boroughId() + "/" + c.needs(), c));
        for (ExclusionConflict b : before.exclusionConflicts().conflicts()) {
            ExclusionConflict a = conflictsAfter.get(b.boroughId() + "/" + b.needs());
            if (a != null && (a.status() != b.status() || a.exclusion() != b.exclusion())) {
                String subject = b.boroughName() + ": " + words(b.needs(), names);
                out.add(new WhatIfResult.Difference("gaps", subject, conflictWords(b, names), conflictWords(a, names),
                        "In " + b.boroughName() + ", " + words(b.needs(), names) + " (" + b.cases() + " people) goes from "
                                + conflictWords(b, names) + " to " + conflictWords(a, names)));
            }
        }
    }

    /** "461 of 1,450 resolved cases (31.8%)". */
    private static String deadEnds(bridgemap.analysis.gaps.DeadEndsResult d) {
        double rate = d.rate().value();
        return String.format(java.util.Locale.ROOT, "%,d of %,d resolved cases%s", d.deadEnds().value(), d.resolved().value(),
                Double.isNaN(rate) ? "" : String.format(java.util.Locale.ROOT, " (%.1f%%)", 100 * rate));
    }

    /** (setting name → needs) of the pairs in {@code now} that are not in {@code then}. */
    private static Map<String, List<String>> grouped(List<UnreachablePair> now, List<UnreachablePair> then) {
        Set<String> old = then.stream().map(p -> p.setting().id() + "/" + p.need()).collect(Collectors.toSet());
        Map<String, List<String>> grouped = new TreeMap<>();
        for (UnreachablePair p : now) {
            if (!old.contains(p.setting().id() + "/" + p.need())) {
                grouped.computeIfAbsent(p.setting().name(), s -> new ArrayList<>()).add(p.need());
            }
        }
        return grouped;
    }

    private static String conflictWords(ExclusionConflict c, Map<String, String> names) {
        return switch (c.status()) {
            case SERVED -> "served by one service";
            case UNSERVED -> "no service accepts " + words(c.unacceptedNeeds(), names);
            case SPLIT -> c.exclusion() ? "between two stools" : "needing two services";
        };
    }

    /** Needs by their names in the bundle ("Depression and anxiety"), their codes as words when unnamed. */
    private static String words(List<String> needs, Map<String, String> names) {
        return needs.stream().map(n -> names.getOrDefault(n, n.replace('_', ' '))).collect(Collectors.joining(" + "));
    }

    private static Map<String, String> needNames(NetworkSnapshot snapshot) {
        Map<String, String> names = new java.util.HashMap<>();
        for (var n : snapshot.needs()) {
            String name = n.name() == null ? "" : n.name();
            // Mid-sentence, as the pages and report.Names write it: "depression and anxiety".
            boolean lower = name.length() > 1 && Character.isUpperCase(name.charAt(0)) && !Character.isUpperCase(name.charAt(1));
            if (!name.isBlank()) {
                names.putIfAbsent(n.id(), lower ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name);
            }
        }
        return names;
    }

    private static void bottlenecks(BottlenecksResult before, BottlenecksResult after, List<WhatIfResult.Difference> out) {
        if (!before.brokerCut().summary().equals(after.brokerCut().summary())) {
            out.add(new WhatIfResult.Difference("bottlenecks", "criminal justice → health", before.brokerCut().summary(),
                    after.brokerCut().summary(), after.brokerCut().summary()));
        }
        Set<String> cutBefore = cutVertices(before);
        Set<String> cutAfter = cutVertices(after);
        for (var m : after.nodes()) {
            if (m.articulationPoint() && !cutBefore.contains(m.node().id())) {
                out.add(new WhatIfResult.Difference("bottlenecks", m.node().name(), "not a cut vertex", "cut vertex",
                        m.node().name() + " becomes a cut vertex: its loss would now split the network"));
            }
        }
        Map<String, NetworkNode> brokerAfter = new LinkedHashMap<>();
        after.entryRoutes().forEach(r -> brokerAfter.put(r.entry().id(), r.mainBroker()));
        for (var r : before.entryRoutes()) {
            if (!brokerAfter.containsKey(r.entry().id()) || r.mainBroker() == null) {
                continue;
            }
            NetworkNode now = brokerAfter.get(r.entry().id());
            if (now == null || !now.id().equals(r.mainBroker().id())) {
                out.add(new WhatIfResult.Difference("bottlenecks", r.entry().name(), r.mainBroker().name(),
                        now == null ? "no broker" : now.name(), r.entry().name() + "'s people "
                                + (now == null ? "no longer reach health through a broker" : "now reach health mainly through " + now.name())
                                + " (was " + r.mainBroker().name() + ")"));
            }
        }
        for (String id : cutBefore) {
            if (!cutAfter.contains(id)) {
                String name = before.nodes().stream().filter(m -> m.node().id().equals(id)).findFirst()
                        .map(m -> m.node().name()).orElse(id);
                out.add(new WhatIfResult.Difference("bottlenecks", name, "cut vertex", "not a cut vertex",
                        name + " is no longer a cut vertex"));
            }
        }
    }

    private static Set<String> cutVertices(BottlenecksResult result) {
        Set<String> ids = new LinkedHashSet<>();
        result.nodes().stream().filter(BottlenecksResult.NodeMeasures::articulationPoint).forEach(m -> ids.add(m.node().id()));
        return ids;
    }
}
