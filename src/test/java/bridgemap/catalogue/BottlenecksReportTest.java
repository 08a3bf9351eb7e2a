package bridgemap.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.bottlenecks.BottlenecksResult;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Period;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14, item 5: a service over capacity or waiting long reads as a bottleneck, accepted against capacity. */
class BottlenecksReportTest {

    private static final LocalDate D = LocalDate.of(2014, 6, 30);

    /** 13 people referred from Lambeth probation office to a service stating 1 a month and {@code wait} weeks, all accepted. */
    private static NetworkSnapshot overCapacity(double wait) {
        Snapshots.Builder b = Snapshots.on(D)
                .borough("B1", "Lambeth")
                .agency("nps", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .setting("office", "Lambeth probation office", SettingKind.PROBATION_OFFICE, "B1", "nps")
                .service("cmht", "trust", "B1", "psychosis", "", 1, wait, Period.ALWAYS);
        for (int i = 0; i < 13; i++) {
            b.caseIn("c" + i, "B1", "psychosis").referral("c" + i, D.minusDays(1 + i), "office", "cmht", Outcome.ACCEPTED);
        }
        return b.build();
    }

    private static String table(NetworkSnapshot snapshot) {
        BottlenecksResult result = Analyses.BOTTLENECKS.compute(snapshot, null);
        StringWriter out = new StringWriter();
        Analyses.BOTTLENECKS.table(new PrintWriter(out, true), result, bridgemap.report.Names.of(snapshot));
        return out.toString();
    }

    @Test
    void aServiceOverCapacityIsListedWithAcceptedAgainstCapacityAndWhereItsPeopleCameFrom() {
        String table = table(overCapacity(4));
        assertTrue(table.contains("Services over capacity (more referrals accepted a month in the year than their stated "
                + "monthly capacity): 1 of 1"), table);
        String row = table.lines().filter(l -> l.contains("cmht") && l.contains("108.3%")).findFirst().orElse("");
        assertTrue(row.contains("1.08") && row.contains("Lambeth probation office 13"), "accepted a month, load, queue: " + table);
        assertTrue(table.contains("Long waits (more than 18 weeks: the NHS Constitution's maximum of 18 weeks from referral "
                + "to treatment): 0 of 1 services that state a wait"), table);
    }

    @Test
    void aWaitOfMoreThanEighteenWeeksIsALongWait() {
        String table = table(overCapacity(26));
        assertTrue(table.contains("): 1 of 1 services that state a wait"), table);
        assertTrue(table.lines().anyMatch(l -> l.contains("cmht") && l.contains("26")), table);
    }

    @Test
    void theCsvHasAServicesSectionWithAcceptedAndCapacity() {
        BottlenecksResult result = Analyses.BOTTLENECKS.compute(overCapacity(4), null);
        assertEquals(List.of("nodes", "bridges", "broker_cut", "entry_routes", "services"), Analyses.BOTTLENECKS.csvSections());
        StringWriter csv = new StringWriter();
        Analyses.BOTTLENECKS.csv(result).print(new PrintWriter(csv, true), "services");
        assertTrue(csv.toString().startsWith("service_id,service,accepted,accepted_per_month,capacity_per_month,load,"
                + "over_capacity,wait_weeks,long_wait,queue"), csv.toString());
        assertTrue(csv.toString().contains("cmht,cmht,13,"), csv.toString());
        assertTrue(csv.toString().contains(",1,") && csv.toString().contains("true"), csv.toString());
        assertEquals(1, result.capacity().services().size());
        assertEquals(13, result.capacity().services().get(0).accepted().value());
        assertEquals(1, result.capacity().services().get(0).capacityPerMonth());
    }
}
