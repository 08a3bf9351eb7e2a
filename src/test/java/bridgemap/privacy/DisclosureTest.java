package bridgemap.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.outcomes.Proportion;
import bridgemap.report.Json;
import bridgemap.model.PerUnit;
import bridgemap.model.Ratio;
import bridgemap.model.Tally;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of researchers' disclosure control, one by one; the attacks over HTTP are in DisclosureAttackTest. */
class DisclosureTest {

    private static JsonNode control(Object result) {
        return Disclosure.control(Json.mapper(), result);
    }

    @Test
    void thePerturbationTableCoversEveryCellKeyAndAddsNoBiasOnAverage() {
        int sum = 0;
        Set<Integer> seen = new HashSet<>();
        for (int key = 0; key < Tally.KEYS; key++) {
            int p = Disclosure.perturbation(key);
            assertTrue(p >= -3 && p <= 3, "key " + key + ": " + p);
            sum += p;
            seen.add(p);
        }
        assertEquals(0, sum, "as many keys push up as down, by as much");
        assertEquals(Set.of(-3, -2, -1, 0, 1, 2, 3), seen);
    }

    @Test
    void aCountIsZeroSuppressedOrAMultipleOfFiveNearItsValue() {
        assertEquals("0", Disclosure.count(Tally.ZERO).toString(), "zeros are not perturbed");
        for (int value = 1; value <= 40; value++) {
            for (int key = 0; key < Tally.KEYS; key++) {
                JsonNode shown = Disclosure.count(new Tally(value, key));
                if (value <= 4) {
                    assertEquals("\"*\"", shown.toString(), "1–4 stay below 8 whatever the noise");
                } else if (shown.isNumber()) {
                    assertEquals(0, shown.asLong() % 5, value + "/" + key);
                    assertTrue(Math.abs(shown.asLong() - value) <= 5, value + "/" + key + " → " + shown);
                    assertTrue(shown.asLong() >= 10, "nothing below 8 is shown");
                } else {
                    assertEquals("*", shown.asText());
                    assertTrue(value + Disclosure.perturbation(key) < 8);
                }
            }
        }
        assertEquals(Disclosure.count(new Tally(1234, 77)), Disclosure.count(new Tally(1234, 77)), "the same cell, the same figure");
    }

    @Test
    void theSameValueWithAnotherSetOfRecordsCanShowDifferently() {
        Set<String> shown = new HashSet<>();
        for (int key = 0; key < Tally.KEYS; key++) {
            shown.add(Disclosure.count(new Tally(12, key)).toString());
        }
        assertEquals(Set.of("10", "15"), shown, "12 ± 3, rounded");
        Set<String> eight = new HashSet<>();
        for (int key = 0; key < Tally.KEYS; key++) {
            eight.add(Disclosure.count(new Tally(8, key)).toString());
        }
        assertEquals(Set.of("\"*\"", "10"), eight, "8 is sometimes suppressed: the threshold itself is noisy");
    }

    @Test
    void ratesIntervalsAndLoadsComeFromTheControlledCounts() {
        Tally twelve = new Tally(12, 200); // shown as 15 (key 200: +1)
        Tally forty = new Tally(40, 128); // shown as 40 (key 128: 0)
        assertEquals(1, Disclosure.perturbation(200));
        assertEquals(0, Disclosure.perturbation(128));
        assertEquals("0.3750", Disclosure.ratio(new Ratio(twelve, forty)).toString(), "15 / 40, not 12 / 40");
        assertEquals("\"*\"", Disclosure.ratio(new Ratio(new Tally(3, 0), forty)).toString());
        assertEquals("null", Disclosure.ratio(new Ratio(Tally.ZERO, Tally.ZERO)).toString(), "no rate of nothing");
        assertEquals("1.0000", Disclosure.ratio(new Ratio(new Tally(41, 255), new Tally(41, 0))).toString(),
                "a part shown above its whole is capped");
        JsonNode interval = Disclosure.proportion(new Proportion(twelve, forty));
        assertEquals(0.375, interval.get("estimate").asDouble(), 1e-9);
        assertEquals("\"*\"", Disclosure.proportion(new Proportion(new Tally(5, 0), forty)).toString());
        assertEquals("15.00", Disclosure.perUnit(new PerUnit(twelve, 1.0)).toString(),
                "per 1.0 FTE is the shown count, not the exact one");
        assertEquals("\"*\"", Disclosure.perUnit(new PerUnit(new Tally(6, 0), 0.5)).toString());
    }

    record Edge(String source, String target, Tally referrals, Tally accepted, Tally declined, Ratio acceptance,
            double betweenness, Double constraint) {}

    record Network(List<Edge> edges, Map<String, Long> labels) {}

    @Test
    void zerosBesideASuppressedCountAreSuppressedAndUnlistedNumbersWithheld() {
        Tally five = new Tally(5, 10);
        Edge allDeclined = new Edge("a", "b", five, Tally.ZERO, five, new Ratio(Tally.ZERO, five), 0.25, 0.8);
        JsonNode edge = control(new Network(List.of(allDeclined), Map.of())).get("edges").get(0);
        assertEquals("*", edge.get("referrals").asText());
        assertEquals("*", edge.get("accepted").asText(), "a 0 beside a * would say everyone was declined");
        assertEquals("*", edge.get("acceptance").asText());
        assertEquals(0.25, edge.get("betweenness").asDouble(), "structure is shown as it is");
        assertEquals("*", edge.get("constraint").asText(), "a measure weighted by exact counts is withheld");
        Edge large = new Edge("a", "b", new Tally(50, 128), Tally.ZERO, new Tally(50, 128), null, 0, null);
        JsonNode shown = control(new Network(List.of(large), Map.of())).get("edges").get(0);
        assertEquals(0, shown.get("accepted").asInt(), "beside shown counts a zero is a zero");
    }

    @Test
    void rowsAreOrderedByWhatTheyShowNotByTheirExactCounts() {
        // Exact 13 before 12, as an analysis sorts them; shown as 10 and 15 they come 15 first.
        Edge thirteen = new Edge("a", "b", new Tally(13, 0), Tally.ZERO, Tally.ZERO, null, 0, null);
        Edge twelve = new Edge("c", "d", new Tally(12, 200), Tally.ZERO, Tally.ZERO, null, 0, null);
        assertEquals("10", Disclosure.count(thirteen.referrals()).toString());
        assertEquals("15", Disclosure.count(twelve.referrals()).toString());
        JsonNode edges = control(new Network(List.of(thirteen, twelve), Map.of())).get("edges");
        assertEquals("c", edges.get(0).get("source").asText());
        // Two suppressed rows: by their text, whatever their exact order.
        Edge three = new Edge("y", "z", new Tally(3, 0), Tally.ZERO, Tally.ZERO, null, 0, null);
        Edge two = new Edge("a", "z", new Tally(2, 0), Tally.ZERO, Tally.ZERO, null, 0, null);
        JsonNode small = control(new Network(List.of(three, two), Map.of())).get("edges");
        assertEquals("a", small.get(0).get("source").asText());
    }

    @Test
    void storeCountsOfPeopleAreControlledAndStructureIsNot() {
        DisclosureKey key = DisclosureKey.of(new byte[32]);
        JsonNode labels = control(new Network(List.of(), Map.of())).get("labels");
        assertTrue(labels.isEmpty());
        var counts = Disclosure.storeCounts(Map.of("Agency", 57L, "Case", 1_203L), key);
        assertEquals(57L, counts.get("Agency"));
        JsonNode shown = Disclosure.control(Json.mapper(), Map.of("labels", counts));
        assertEquals(57, shown.get("labels").get("Agency").asInt());
        assertEquals(0, shown.get("labels").get("Case").asLong() % 5);
        assertNotEquals("1203", shown.get("labels").get("Case").asText());
    }

    @Test
    void aResearchersDayIsAMonthEnd() {
        assertEquals(LocalDate.of(2014, 6, 30), Disclosure.researcherDay(LocalDate.of(2014, 6, 30)));
        assertEquals(LocalDate.of(2014, 5, 31), Disclosure.researcherDay(LocalDate.of(2014, 6, 29)));
        assertEquals(LocalDate.of(2014, 2, 28), Disclosure.researcherDay(LocalDate.of(2014, 3, 1)));
        assertEquals(LocalDate.of(2016, 2, 29), Disclosure.researcherDay(LocalDate.of(2016, 2, 29)));
    }

    @Test
    void recordKeysAreStableSecretDependentAndSpreadOverEveryKey() {
        DisclosureKey one = DisclosureKey.of("0123456789abcdef0123456789abcdef".getBytes());
        DisclosureKey other = DisclosureKey.of("fedcba9876543210fedcba9876543210".getBytes());
        assertEquals(one.caseKey("c-0001"), one.caseKey("c-0001"));
        int differ = 0;
        int[] histogram = new int[Tally.KEYS];
        for (int i = 0; i < 25_600; i++) {
            int k = one.referralKey("r-" + i);
            histogram[k]++;
            if (k != other.referralKey("r-" + i)) {
                differ++;
            }
        }
        assertTrue(differ > 25_000, "another secret, other keys: " + differ);
        for (int count : histogram) {
            assertTrue(count > 50 && count < 160, "keys spread evenly: " + count);
        }
        assertFalse(one.caseKey("x") == one.referralKey("x") && one.caseKey("y") == one.referralKey("y")
                && one.caseKey("z") == one.referralKey("z"), "a case and a referral with the same id get separate keys");
    }

    @Test
    void theKeyFileIsMadeOnceOwnerOnlyAndGivesTheSameKeysAfterARestart(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws Exception {
        java.nio.file.Path file = dir.resolve("data").resolve("disclosure.key");
        int before = DisclosureKey.open(file).caseKey("c-0001");
        String secret = java.nio.file.Files.readString(file);
        assertEquals(before, DisclosureKey.open(file).caseKey("c-0001"), "a restart keeps the noise");
        assertEquals(secret, java.nio.file.Files.readString(file), "an existing key is never replaced");
        if (PrivateFiles.isPosix(file)) {
            assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                    java.nio.file.Files.getPosixFilePermissions(file)));
        }
        java.nio.file.Files.writeString(file, "not base64!");
        IllegalStateException bad = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> DisclosureKey.open(file));
        assertTrue(bad.getMessage().contains("restore it from the backup"), bad.getMessage());
    }
}
