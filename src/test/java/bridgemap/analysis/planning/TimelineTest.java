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
        double probation = last.fundingShares().stream().filter(s -> s.funderId().equals("fund-lpt"))
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
}
