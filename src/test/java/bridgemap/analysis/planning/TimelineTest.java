package bridgemap.analysis.planning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkSnapshot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimelineTest {

    @Test
    void oneDayAYearOnTheAnniversaryOfTheLatestData() {
        assertEquals(List.of(LocalDate.of(1993, 6, 30), LocalDate.of(1994, 6, 30), LocalDate.of(1995, 6, 30)),
                Timeline.yearly(LocalDate.of(1993, 6, 1), LocalDate.of(2014, 6, 30), LocalDate.of(1995, 12, 31)));
        assertEquals(List.of(LocalDate.of(1994, 6, 30)),
                Timeline.yearly(LocalDate.of(1993, 7, 1), LocalDate.of(2014, 6, 30), LocalDate.of(1995, 6, 29)));
        assertEquals(List.of(), Timeline.yearly(LocalDate.of(2020, 1, 1), LocalDate.of(2014, 6, 30), LocalDate.of(2020, 6, 1)));
    }

    /** The demo tells the case study's story: one post at Highbury Corner in 1993, 22 boroughs in 2014. */
    @Test
    void fromOnePostAtHighburyCornerTo22BoroughsIn2014() {
        NetworkHistory history = DemoHistory.demo();
        TimelineResult timeline = Timeline.compute(history,
                Timeline.yearly(LocalDate.of(1993, 6, 1), LocalDate.of(2014, 6, 30), LocalDate.of(2014, 6, 30)));
        assertEquals(22, timeline.years().size());
        TimelineResult.Year first = timeline.years().get(0);
        assertEquals(LocalDate.of(1993, 6, 30), first.date());
        assertEquals(1, first.boroughsWithCover());
        assertEquals(1, first.posts());
        TimelineResult.Year last = timeline.years().get(21);
        assertEquals(22, last.boroughsWithCover());
        double probation = last.fundingShares().stream().filter(s -> s.funderId().equals("fund-lpt") || s.funderId().equals("fund-nps"))
                .mapToDouble(TimelineResult.FunderShare::share).sum();
        assertTrue(probation > 0.30 && probation < 0.37, "about a third: " + probation);
        assertTrue(last.hhi() > 0 && last.hhi() < 10_000);
        double sum = last.fundingShares().stream().mapToDouble(TimelineResult.FunderShare::share).sum();
        assertEquals(1.0, sum, 1e-9);
    }

    @Test
    void oneFunderPayingForEverythingIsAnHhiOf10000() {
        NetworkSnapshot one = Snapshots.on(LocalDate.of(2014, 6, 30))
                .borough("B1", "Islington").agency("lpt", bridgemap.model.Sector.CRIMINAL_JUSTICE)
                .agency("together", bridgemap.model.Sector.VOLUNTARY)
                .setting("office", bridgemap.model.SettingKind.PROBATION_OFFICE, "B1", "lpt")
                .practitioner("p", "together", 1.0).placement("p", "office").funder("nhse").funding("nhse", "p", 40000)
                .build();
        TimelineResult.Year year = Timeline.compute(DemoHistory.of(one), List.of(LocalDate.of(2014, 6, 30))).years().get(0);
        assertEquals(10_000, year.hhi(), 1e-9);
        assertEquals(Map.of(), year.holesByKind());
    }

    /** Issue 14 item 8: by default the timeline stops at the data's end, so no year shows open-ended posts as unfunded. */
    @Test
    void theTimelineEndsAtTheDataByDefault_issue14() {
        NetworkHistory history = DemoHistory.demo();
        LocalDate anchor = LocalDate.of(2014, 6, 30);
        TimelineResult timeline = Timeline.of(history, TimelineResult.YearsBy.CALENDAR, anchor, null);
        // Issue 15: the demo runs to the present; its last funding rows are the current financial year's.
        assertEquals(LocalDate.of(2027, 3, 31), timeline.latestData());
        assertEquals(timeline.latestData(), timeline.end());
        TimelineResult.Year last = timeline.years().get(timeline.years().size() - 1);
        assertEquals(LocalDate.of(2026, 6, 30), last.date());
        assertEquals("2026", last.label());
        assertTrue(timeline.years().stream().noneMatch(TimelineResult.Year::afterData));
        assertTrue(timeline.years().stream().allMatch(y -> y.posts() == 0 || y.fundingGbp() > 0), "no year of posts at £0");
    }

    /** Asked for years beyond the data, they are marked, and posts left open-ended are "funding not recorded". */
    @Test
    void yearsBeyondTheDataAreMarkedAndTheirPostsFundingNotRecorded_issue14() {
        TimelineResult timeline = Timeline.of(DemoHistory.demo(), TimelineResult.YearsBy.CALENDAR, LocalDate.of(2014, 6, 30),
                LocalDate.of(2028, 12, 31));
        assertEquals(LocalDate.of(2028, 12, 31), timeline.end());
        TimelineResult.Year y2016 = timeline.years().get(timeline.years().size() - 1);
        assertEquals(LocalDate.of(2028, 6, 30), y2016.date());
        assertTrue(y2016.afterData());
        assertTrue(y2016.posts() > 0);
        assertEquals(y2016.posts(), y2016.postsFundingNotRecorded(), "every post left open-ended has no funding row");
        assertEquals(0, y2016.fundingGbp());
        TimelineResult.Year y2014 = timeline.years().stream().filter(y -> y.date().getYear() == 2014).findFirst().orElseThrow();
        assertTrue(!y2014.afterData());
    }

    /** Financial years: the state at each 31 March, headed "2013/14", up to the data's end (31 March 2015). */
    @Test
    void financialYearsEndOn31MarchAndAreHeaded2013Slash14_issue14() {
        TimelineResult timeline = Timeline.of(DemoHistory.demo(), TimelineResult.YearsBy.FINANCIAL, LocalDate.of(2014, 6, 30), null);
        assertEquals(TimelineResult.YearsBy.FINANCIAL, timeline.yearsBy());
        TimelineResult.Year first = timeline.years().get(0);
        assertEquals(LocalDate.of(1994, 3, 31), first.date());
        assertEquals("1993/94", first.label());
        TimelineResult.Year last = timeline.years().get(timeline.years().size() - 1);
        assertEquals(LocalDate.of(2027, 3, 31), last.date());
        assertEquals("2026/27", last.label());
        assertTrue(!last.afterData());
        assertEquals("1999/00", Timeline.label(TimelineResult.YearsBy.FINANCIAL, LocalDate.of(2000, 3, 31)));
        assertEquals("2014/15", Timeline.label(TimelineResult.YearsBy.FINANCIAL, LocalDate.of(2014, 4, 1)));
    }

    /** Issue 15: the timeline names London Probation's and the CCGs' successors in the years they paid. */
    @Test
    void successorsAreNamedInTheFundingOfTheirYears_issue15() {
        TimelineResult timeline = Timeline.of(DemoHistory.demo(), TimelineResult.YearsBy.CALENDAR, LocalDate.of(2014, 6, 30), null);
        Map<Integer, List<String>> funders = new java.util.TreeMap<>();
        timeline.years().forEach(y -> funders.put(y.date().getYear(),
                y.fundingShares().stream().map(TimelineResult.FunderShare::funderId).toList()));
        funders.forEach((year, ids) -> {
            if (year >= 2014) {
                assertTrue(!ids.contains("fund-lpt"), year + ": " + ids);
            }
        });
        assertTrue(funders.get(2014).contains("fund-nps"), funders.get(2014).toString());
        assertTrue(funders.get(2016).containsAll(List.of("fund-crc-london", "fund-ccg-hackney", "fund-nhse")), funders.get(2016).toString());
        assertTrue(funders.get(2022).containsAll(List.of("fund-probation-service", "fund-ccg-hackney")), funders.get(2022).toString());
        assertTrue(funders.get(2023).containsAll(List.of("fund-probation-service", "fund-icb-nel", "fund-icb-ncl", "fund-icb-nwl",
                "fund-icb-sel", "fund-icb-swl")), funders.get(2023).toString());
        assertTrue(!funders.get(2023).contains("fund-crc-london") && !funders.get(2023).contains("fund-ccg-hackney"));
    }
}
