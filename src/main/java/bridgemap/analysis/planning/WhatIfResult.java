package bridgemap.analysis.planning;

import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.gaps.GapsResult;
import java.time.LocalDate;
import java.util.List;

/**
 * A scenario's effect as of a day: what each change did, headline numbers before and after, the
 * differences in words, the people it displaces and the pressure moved onto the services that remain, and the
 * full coverage, gaps and bottlenecks results on both sides (the after side counting the displaced people where
 * they came in).
 */
public record WhatIfResult(
        LocalDate asOf,
        String scenario,
        String boroughId,
        List<String> effects,
        Headline before,
        Headline after,
        List<Difference> differences,
        DisplacedResult displaced,
        CoverageResult coverageBefore,
        CoverageResult coverageAfter,
        GapsResult gapsBefore,
        GapsResult gapsAfter,
        BottlenecksResult bottlenecksBefore,
        BottlenecksResult bottlenecksAfter) {

    public WhatIfResult {
        effects = List.copyOf(effects);
        differences = List.copyOf(differences);
    }

    /**
     * The numbers a commissioner compares first.
     *
     * @param deadEnds resolved cases that dead-ended
     * @param resolvedCases cases whose last referral is at least 90 days old
     * @param deadEndRate dead ends / resolved cases, null when none is resolved
     * @param displacedPeople people seen by posts that end or at settings that close (0 before)
     * @param displacedWithoutRoute those of them with no other route to health
     */
    public record Headline(int boroughsWithCover, int holes, int fragile, int covered, int practitionersPlaced,
            double fte, double fundingActiveGbp, int entrySettingsWithoutCover, int unreachableSettingNeeds,
            int peopleBetweenTwoStools, int peopleUnserved, int deadEnds, int resolvedCases, Double deadEndRate,
            int displacedPeople, int displacedWithoutRoute, int cutVertices, String brokerCut) {}

    /**
     * One difference: its area ({@code coverage}, {@code gaps} or {@code bottlenecks}), what it is about,
     * the state before and after, and a sentence in the field's words.
     */
    public record Difference(String area, String subject, String before, String after, String sentence) {}
}
