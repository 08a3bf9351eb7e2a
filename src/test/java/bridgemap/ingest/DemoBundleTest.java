package bridgemap.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.ProgressListener;
import bridgemap.testing.TestStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.neo4j.driver.Record;

/** The London demo, loaded into the real store, tells the case study's story: the 2014 figures and the 1993 start. */
class DemoBundleTest {

    private static ImportResult firstLoad;

    @BeforeAll
    static void load() {
        TestStore.clear();
        firstLoad = TestStore.app().loadDemo(ProgressListener.NONE);
    }

    private static Record query(String file, LocalDate date) {
        return TestStore.app().store().readTransaction(tx ->
                tx.run(TestStore.testCypher(file), Map.of("date", date)).single());
    }

    @Test
    void everyRowOfTheDemoIsCreated() {
        assertEquals(firstLoad.summary().rows(), firstLoad.summary().created());
        assertEquals(33, TestStore.stats().count("Borough"));
        assertTrue(TestStore.stats().count("Referral") > 40_000, "the synthetic pathways are loaded");
    }

    @Test
    void asOfMid2014FortyOneFmhpsCoverTwentyTwoBoroughs() {
        Record cover = query("fmhp-cover", LocalDate.of(2014, 6, 30));
        assertEquals(41, cover.get("fmhps").asInt());
        assertEquals(22, cover.get("boroughs").asInt());
        assertEquals(10, cover.get("magistratesCourts").asInt());
        assertEquals(2, cover.get("crownCourts").asInt());
        assertEquals(5, cover.get("custodySuites").asInt());
        assertEquals(List.of("Snaresbrook Crown Court", "Wood Green Crown Court"),
                cover.get("crownCourtNames").asList(v -> v.asString()).stream().sorted().toList());
    }

    @Test
    void probationPaysAboutAThirdOfAboutTwoMillionInTwelveMonthGrants() {
        Record funding = query("funding-share", LocalDate.of(2014, 6, 30));
        double total = funding.get("total").asDouble();
        double share = funding.get("probation").asDouble() / total;
        assertTrue(total > 1_800_000 && total < 2_200_000, "about £2 million: " + total);
        assertTrue(share >= 0.30 && share <= 0.37, "about a third: " + share);
        assertTrue(funding.get("longestDays").asInt() <= 365, "never more than 12 months");
    }

    @Test
    void in1993ThereIsOnePostAtHighburyCorner() {
        Record cover = query("fmhp-cover", LocalDate.of(1993, 12, 31));
        assertEquals(1, cover.get("fmhps").asInt());
        assertEquals(List.of("Highbury Corner Magistrates' Court"), cover.get("settings").asList(v -> v.asString()));
    }

    @Test
    void loadingTheDemoAgainChangesNothingAndServeLeavesAFullStoreAlone() {
        assertTrue(TestStore.app().loadDemo(ProgressListener.NONE).summary().changedNothing());
        assertTrue(TestStore.app().loadDemoIfEmpty(ProgressListener.NONE, bridgemap.ingest.ImportService.BulkMode.NEVER).isEmpty());
    }
}
