package bridgemap.analysis.pathways;

import static bridgemap.analysis.pathways.EpisodesTest.FROM;
import static bridgemap.analysis.pathways.EpisodesTest.TO;
import static bridgemap.testing.Counts.n;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.outcomes.Proportion;
import bridgemap.analysis.pathways.Cohort.NeedMatch;
import bridgemap.analysis.pathways.PathwaysResult.PathwayType;
import bridgemap.model.Outcome;
import bridgemap.model.Quartiles;
import bridgemap.model.ReferralHistory;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Pathway types, their people, outcomes and step days, and comparisons, on hand-built histories with known answers. */
class PathwayAnalysisTest {

    private static final LocalDate D = LocalDate.of(2013, 6, 1);

    /**
     * Five people of a psychosis + substance misuse cohort and one of psychosis alone:
     * court → FMHP → CMHT (three people, steps of 10, 20 and 40 days; one declined at the CMHT),
     * court → FMHP (one), court → dual diagnosis service direct (one, declined), custody → CMHT (psychosis alone).
     */
    static Histories cohorts() {
        return Histories.network()
                .person("a", "psychosis", "substance_misuse").person("b", "psychosis", "substance_misuse")
                .person("c", "psychosis", "substance_misuse").person("d", "psychosis", "substance_misuse")
                .person("e", "psychosis", "substance_misuse").person("f", "psychosis")
                .referral("a", D, "court", "fmhp", Outcome.ACCEPTED).referral("a", D.plusDays(10), "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("b", D, "court", "fmhp", Outcome.ACCEPTED).referral("b", D.plusDays(20), "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("c", D, "court", "fmhp", Outcome.ACCEPTED).referral("c", D.plusDays(40), "fmhp", "cmht", Outcome.DECLINED)
                .referral("d", D, "court", "fmhp", Outcome.ACCEPTED)
                .referral("e", D, "court", "dual", Outcome.DECLINED)
                .referral("f", D, "custody", "cmht", Outcome.ACCEPTED);
    }

    static ReferralHistory history(Histories h, Cohort cohort) {
        Episodes.Span span = Episodes.span(cohort);
        return h.build(span.after(), span.through(), EpisodesTest.DATA_END);
    }

    static Cohort cohort(NeedMatch match, String... needs) {
        return new Cohort(List.of(needs), match, null, null, null, null, FROM, TO);
    }

    @Test
    void chainsAreGroupedIntoPathwayTypesByKindWithTheirPeopleAndOutcomes() {
        Cohort dual = cohort(NeedMatch.ALL, "psychosis", "substance_misuse");
        PathwaysResult r = PathwayAnalysis.pathways(history(cohorts(), dual), dual, PathwayLevel.KIND);
        assertEquals(n(5), r.people());
        assertEquals(n(3), r.engaged());
        assertEquals(n(2), r.deadEnds());
        assertEquals(n(0), r.open());
        assertEquals(List.of(
                List.of("magistrates' court", "FMHP", "community mental health team"),
                List.of("magistrates' court", "FMHP"),
                List.of("magistrates' court", "dual diagnosis service")), r.pathways().stream().map(PathwayType::steps).toList());
        PathwayType brokered = r.pathways().get(0);
        assertEquals(n(3), brokered.people());
        assertEquals(n(2), brokered.engaged());
        assertEquals(n(1), brokered.deadEnds());
        assertEquals(1, brokered.stepDays().size());
        assertEquals("FMHP", brokered.stepDays().get(0).from());
        assertEquals("community mental health team", brokered.stepDays().get(0).to());
        assertEquals(new Quartiles(n(3), 15.0, 20.0, 30.0), brokered.stepDays().get(0).days(), "10, 20, 40 days (type 7)");
        assertEquals(new Quartiles(n(3), 15.0, 20.0, 30.0), brokered.daysToLastReferral());
        assertEquals(List.of(), r.pathways().get(1).stepDays(), "one referral: no step after the first");
        assertEquals(new Quartiles(n(1), 0.0, 0.0, 0.0), r.pathways().get(1).daysToLastReferral());
    }

    @Test
    void theLevelNamesTheSteps() {
        Cohort all = cohort(NeedMatch.ALL);
        ReferralHistory h = history(cohorts().referral("f", D.plusDays(5), "cmht", "housing", Outcome.ACCEPTED), all);
        assertTrue(steps(PathwayAnalysis.pathways(h, all, PathwayLevel.SECTOR))
                .contains(List.of("criminal justice", "voluntary", "health")));
        assertTrue(steps(PathwayAnalysis.pathways(h, all, PathwayLevel.SERVICE))
                .contains(List.of("court name", "FMHP", "cmht name")), "services and settings by name, practitioners by role");
        assertTrue(steps(PathwayAnalysis.pathways(h, all, PathwayLevel.KIND))
                .contains(List.of("police custody", "community mental health team", "housing service")),
                "a service that states no kind is named by its sector");
    }

    @Test
    void aLongChainShowsFourStepsAfterItsEntryThenFurtherSteps() {
        Cohort all = cohort(NeedMatch.ALL);
        var h = Histories.network().person("p")
                .referral("p", D, "court", "fmhp", Outcome.ACCEPTED)
                .referral("p", D.plusDays(1), "fmhp", "cmht", Outcome.DECLINED)
                .referral("p", D.plusDays(3), "fmhp", "drugs", Outcome.ACCEPTED)
                .referral("p", D.plusDays(6), "drugs", "dual", Outcome.ACCEPTED)
                .referral("p", D.plusDays(10), "dual", "housing", Outcome.ACCEPTED)
                .referral("p", D.plusDays(15), "housing", "cmht", Outcome.ACCEPTED);
        PathwayType type = PathwayAnalysis.pathways(history(h, all), all, PathwayLevel.KIND).pathways().get(0);
        assertEquals(List.of("magistrates' court", "FMHP", "community mental health team", "drug and alcohol service",
                PathwayAnalysis.FURTHER), type.steps());
        assertEquals(List.of(1.0, 2.0, 3.0), type.stepDays().stream().map(s -> s.days().median()).toList(),
                "the days into the named steps, and into the first of the further ones");
        assertEquals(15.0, type.daysToLastReferral().median());
    }

    @Test
    void condensingKeepsTheTopTypesAndGathersTheRestAsOther() {
        Cohort dual = cohort(NeedMatch.ALL, "psychosis", "substance_misuse");
        PathwaysResult r = PathwayAnalysis.pathways(history(cohorts(), dual), dual, PathwayLevel.KIND)
                .condensed(1, Comparator.comparing(PathwayType::people, Comparator.reverseOrder()), type -> true);
        assertEquals(2, r.pathways().size());
        PathwayType other = r.pathways().get(1);
        assertTrue(other.isOther());
        assertEquals(n(2), other.people());
        assertEquals(n(1), other.engaged());
        assertEquals(n(1), other.deadEnds());
        assertNull(other.daysToLastReferral());
        PathwaysResult shownOnly = PathwayAnalysis.pathways(history(cohorts(), dual), dual, PathwayLevel.KIND)
                .condensed(10, Comparator.comparing(PathwayType::people, Comparator.reverseOrder()),
                        type -> type.people().value() >= 2);
        assertEquals(List.of(List.of("magistrates' court", "FMHP", "community mental health team"),
                List.of(PathwayType.OTHER)), steps(shownOnly), "types that may not be shown go into other");
    }

    @Test
    void comparisonsSetCohortsAndEntryRoutesSideBySide() {
        Cohort dual = cohort(NeedMatch.ALL, "psychosis", "substance_misuse");
        Cohort alone = cohort(NeedMatch.EXACTLY, "psychosis");
        ComparisonResult r = PathwayAnalysis.compare(history(cohorts(), dual), dual, alone);
        assertEquals(n(5), r.first().all().people());
        assertEquals(new Proportion(n(3), n(5)), r.first().all().engagement());
        assertEquals(n(4), r.first().brokered().people(), "through the FMHP");
        assertEquals(new Proportion(n(3), n(4)), r.first().brokered().engagement());
        assertEquals(n(1), r.first().direct().people());
        assertEquals(new Proportion(n(0), n(1)), r.first().direct().engagement());
        assertEquals(n(1), r.second().all().people());
        assertEquals(new Proportion(n(1), n(1)), r.second().all().engagement());
        assertEquals(0.6 - 1.0, r.engagement().interval().estimate(), 1e-12);
        assertTrue(r.caveat().contains("not a cause"));
    }

    private static List<List<String>> steps(PathwaysResult r) {
        return r.pathways().stream().map(PathwayType::steps).toList();
    }
}
