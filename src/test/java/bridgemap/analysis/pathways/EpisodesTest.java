package bridgemap.analysis.pathways;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.pathways.Cohort.NeedMatch;
import bridgemap.model.Gender;
import bridgemap.model.Outcome;
import bridgemap.model.Referral;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What starts, continues and ends a chain, and who is in a cohort (docs/analysis.md, "Pathways"). */
class EpisodesTest {

    static final LocalDate FROM = LocalDate.of(2013, 4, 1);
    static final LocalDate TO = LocalDate.of(2014, 3, 31);
    static final LocalDate DATA_END = LocalDate.of(2015, 3, 31);

    static Cohort everyone() {
        return new Cohort(List.of(), NeedMatch.ALL, null, null, null, null, FROM, TO);
    }

    static List<Episode> episodes(Histories h, Cohort cohort) {
        Episodes.Span span = Episodes.span(cohort);
        return Episodes.of(h.build(span.after(), span.through(), DATA_END), cohort);
    }

    private static LocalDate day(String iso) {
        return LocalDate.parse(iso);
    }

    @Test
    void noReferralsNoChains() {
        assertEquals(List.of(), episodes(Histories.network(), everyone()));
    }

    @Test
    void aChainStartsAtACriminalJusticeSettingAndGoesOnWhileEachReferralFollowsWithin90Days() {
        var h = Histories.network().person("p1")
                .referral("p1", day("2013-05-01"), "court", "fmhp", Outcome.ACCEPTED)
                .referral("p1", day("2013-05-20"), "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("p1", day("2013-08-18"), "cmht", "drugs", Outcome.ACCEPTED); // exactly 90 days on
        List<Episode> episodes = episodes(h, everyone());
        assertEquals(1, episodes.size());
        Episode chain = episodes.get(0);
        assertEquals("court", chain.entry().id());
        assertEquals(List.of("fmhp", "cmht", "drugs"), chain.referrals().stream().map(Referral::toId).toList());
        assertEquals(EpisodeOutcome.ENGAGED, chain.outcome());
    }

    @Test
    void moreThan90DaysWithoutAReferralEndsTheChain() {
        var h = Histories.network().person("p1")
                .referral("p1", day("2013-05-01"), "court", "fmhp", Outcome.ACCEPTED)
                .referral("p1", day("2013-07-31"), "fmhp", "cmht", Outcome.DECLINED); // 91 days on
        Episode chain = episodes(h, everyone()).get(0);
        assertEquals(List.of("fmhp"), chain.referrals().stream().map(Referral::toId).toList());
        assertEquals(EpisodeOutcome.ENGAGED, chain.outcome(), "judged on its own last referral");
    }

    @Test
    void aChainIsFollowedForAYearAtMost() {
        var h = Histories.network().person("p1");
        LocalDate day = day("2013-05-01");
        h.referral("p1", day, "court", "fmhp", Outcome.ACCEPTED);
        for (int i = 1; i <= 8; i++) {
            h.referral("p1", day.plusDays(60L * i), "fmhp", i % 2 == 0 ? "cmht" : "drugs", Outcome.ACCEPTED);
        }
        Episode chain = episodes(h, everyone()).get(0);
        assertEquals(7, chain.referrals().size(), "the entry and six more, up to day 360; day 420 is past the year");
        assertEquals(day.plusDays(360), chain.last().date());
    }

    @Test
    void onlyAReferralFromAnEntrySettingAfterAQuietSpellStartsAChain() {
        var h = Histories.network().person("p1").person("p2").person("p3")
                .referral("p1", day("2013-05-01"), "cmht", "drugs", Outcome.ACCEPTED) // not from criminal justice
                .referral("p2", day("2013-04-15"), "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("p2", day("2013-05-01"), "court", "fmhp", Outcome.ACCEPTED) // only 16 days after another
                .referral("p3", day("2013-01-05"), "fmhp", "cmht", Outcome.ACCEPTED)
                .referral("p3", day("2013-05-01"), "probation", "fmhp", Outcome.ACCEPTED); // 116 days after: fresh
        List<Episode> episodes = episodes(h, everyone());
        assertEquals(List.of("p3"), episodes.stream().map(e -> e.subject().id()).toList());
        assertEquals("probation", episodes.get(0).entry().id());
    }

    @Test
    void eachPersonCountsOnceWithTheFirstChainThatStartsInThePeriod() {
        var h = Histories.network().person("p1")
                .referral("p1", day("2013-03-20"), "court", "fmhp", Outcome.ACCEPTED) // starts before the period
                .referral("p1", day("2013-04-10"), "fmhp", "cmht", Outcome.DECLINED) // goes on: not a start
                .referral("p1", day("2013-09-01"), "custody", "fmhp", Outcome.ACCEPTED) // a new chain
                .referral("p1", day("2014-01-10"), "court", "dual", Outcome.ACCEPTED); // another, not counted
        List<Episode> episodes = episodes(h, everyone());
        assertEquals(1, episodes.size());
        assertEquals("custody", episodes.get(0).entry().id());
        assertEquals(day("2013-09-01"), episodes.get(0).first().date());
    }

    @Test
    void howAChainEndedIsJudgedOnItsLastReferralAgainstTheEndOfTheData() {
        var h = Histories.network().person("declined").person("recent").person("pending").person("taken")
                .referral("declined", day("2013-05-01"), "court", "cmht", Outcome.DECLINED)
                .referral("recent", day("2014-03-30"), "court", "fmhp", Outcome.ACCEPTED)
                .referral("recent", day("2015-01-15"), "fmhp", "cmht", Outcome.DECLINED) // too far on: not in the chain
                .referral("pending", day("2013-06-01"), "court", "cmht", Outcome.PENDING)
                .referral("taken", day("2013-06-01"), "court", "drugs", Outcome.NO_RESPONSE)
                .referral("taken", day("2013-06-20"), "court", "dual", Outcome.ACCEPTED);
        var outcomes = new java.util.HashMap<String, EpisodeOutcome>();
        episodes(h, everyone()).forEach(e -> outcomes.put(e.subject().id(), e.outcome()));
        assertEquals(EpisodeOutcome.DEAD_END, outcomes.get("declined"));
        assertEquals(EpisodeOutcome.ENGAGED, outcomes.get("recent"), "its chain ended 2014-03-30, a year before the data");
        assertEquals(EpisodeOutcome.OPEN, outcomes.get("pending"));
        assertEquals(EpisodeOutcome.ENGAGED, outcomes.get("taken"));
        var late = Histories.network().person("late")
                .referral("late", day("2014-03-01"), "court", "cmht", Outcome.DECLINED);
        Cohort cohort = everyone();
        Episodes.Span span = Episodes.span(cohort);
        List<Episode> judgedEarly = Episodes.of(late.build(span.after(), span.through(), day("2014-04-15")), cohort);
        assertEquals(EpisodeOutcome.OPEN, judgedEarly.get(0).outcome(), "45 days before the data ends: may still go on");
    }

    @Test
    void aCohortIsChosenByNeedsBoroughAgeGenderEntryAndPeriod() {
        var h = Histories.network()
                .person("ps", "B1", "18-24", Gender.MALE, "psychosis", "substance_misuse")
                .person("p", "B1", "25-34", Gender.FEMALE, "psychosis")
                .person("s", "B2", "25-34", Gender.MALE, "substance_misuse", "alcohol")
                .person("late", "B1", "25-34", Gender.MALE, "psychosis")
                .referral("ps", day("2013-05-01"), "court", "fmhp", Outcome.ACCEPTED)
                .referral("p", day("2013-06-01"), "custody", "cmht", Outcome.ACCEPTED)
                .referral("s", day("2013-07-01"), "court", "drugs", Outcome.ACCEPTED)
                .referral("late", day("2014-04-01"), "court", "cmht", Outcome.ACCEPTED);
        assertEquals(List.of("ps"), ids(h, needs(NeedMatch.ALL, "psychosis", "substance_misuse")));
        assertEquals(List.of("ps", "p", "s"), ids(h, needs(NeedMatch.ANY, "psychosis", "substance_misuse")));
        assertEquals(List.of("p"), ids(h, needs(NeedMatch.EXACTLY, "psychosis")));
        assertEquals(List.of("ps", "p"), ids(h, needs(NeedMatch.ALL, "psychosis")));
        assertEquals(List.of("s"), ids(h, new Cohort(List.of(), NeedMatch.ALL, "B2", null, null, null, FROM, TO)));
        assertEquals(List.of("p", "s"), ids(h, new Cohort(List.of(), NeedMatch.ALL, null, null, "25-34", null, FROM, TO)));
        assertEquals(List.of("p"), ids(h, new Cohort(List.of(), NeedMatch.ALL, null, null, null, Gender.FEMALE, FROM, TO)));
        assertEquals(List.of("p"), ids(h, new Cohort(List.of(), NeedMatch.ALL, null, SettingKind.POLICE_CUSTODY, null, null,
                FROM, TO)));
        assertEquals(List.of("ps", "p"), ids(h, new Cohort(List.of(), NeedMatch.ALL, null, null, null, null, FROM,
                day("2013-06-01"))), "the period's last day counts");
    }

    @Test
    void aHistoryThatStartsTooLateIsRefused() {
        Cohort cohort = everyone();
        var h = Histories.network().build(FROM, TO, DATA_END);
        assertThrows(IllegalArgumentException.class, () -> Episodes.of(h, cohort));
        assertTrue(Episodes.span(cohort).after().isBefore(FROM.minusDays(Episodes.GAP_DAYS)));
    }

    private static Cohort needs(NeedMatch match, String... needs) {
        return new Cohort(List.of(needs), match, null, null, null, null, FROM, TO);
    }

    private static List<String> ids(Histories h, Cohort cohort) {
        return episodes(h, cohort).stream().map(e -> e.subject().id()).toList();
    }
}
