package bridgemap.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.testing.TestStore;
import bridgemap.testing.TokenServer;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, item 8: the attacks that recovered exact counts from a researcher's answers on the London demo, each
 * performed again with a researcher token, and each failing. An attack "works" when it gives the exact count an
 * analyst sees; the analyst's answer is fetched beside each one to check.
 */
class DisclosureAttackTest {

    private static final String DAY = "2014-06-30";
    private static TokenServer server;

    @BeforeAll
    static void start() {
        TestStore.demo();
        server = TokenServer.start("disclosure");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static JsonNode get(Role role, String path) throws Exception {
        return server.json(role, path);
    }

    /** The exact count an attacker would recover, or null when the answer withholds it. */
    private static Long number(JsonNode value) {
        return value.isIntegralNumber() ? value.asLong() : null;
    }

    @Test
    void burtsConstraintWeightedByExactCountsIsWithheld() throws Exception {
        // The attack: brute force over integer edge weights until Burt's constraint matches the one shown. It needs
        // a constraint (or effective size) computed from exact weights; a researcher gets none.
        JsonNode nodes = get(Role.RESEARCHER, "/api/analysis/bottlenecks?limit=1000&asOf=" + DAY).get("nodes");
        JsonNode exact = get(Role.ANALYST, "/api/analysis/bottlenecks?limit=1000&asOf=" + DAY).get("nodes");
        assertTrue(exact.findValues("constraint").stream().anyMatch(JsonNode::isNumber), "analysts see it");
        for (JsonNode node : nodes) {
            for (String measure : List.of("constraint", "effectiveSize")) {
                assertFalse(node.get(measure).isNumber(), node.get("node").get("id") + " " + measure + ": " + node.get(measure));
            }
        }
        JsonNode detail = get(Role.RESEARCHER, "/api/nodes/fmhp-hf-03?asOf=" + DAY).get("measures");
        assertFalse(detail.get("constraint").isNumber());
    }

    @Test
    void acceptedPerMonthGivesNoExactCount_issue14() throws Exception {
        // The attack: a service's accepted referrals a month × the months it was open = its exact accepted referrals.
        Map<String, JsonNode> exact = new HashMap<>();
        get(Role.ANALYST, "/api/analysis/bottlenecks?limit=1000&asOf=" + DAY).get("capacity").get("services")
                .forEach(s -> exact.put(s.get("service").get("id").asText(), s));
        int services = 0;
        for (JsonNode shown : get(Role.RESEARCHER, "/api/analysis/bottlenecks?limit=1000&asOf=" + DAY).get("capacity").get("services")) {
            JsonNode truth = exact.get(shown.get("service").get("id").asText());
            if (truth.get("accepted").asLong() == 0) {
                continue;
            }
            services++;
            double months = truth.get("accepted").asDouble() / truth.get("acceptedPerMonth").asDouble();
            JsonNode perMonth = shown.get("acceptedPerMonth");
            if (perMonth.isNumber()) {
                long guess = Math.round(perMonth.asDouble() * months);
                assertEquals(0, guess % 5, "accepted a month is a shown count per month: " + shown);
                assertEquals(shown.get("accepted").asLong(), guess, "the same shown count: " + shown);
            } else {
                assertEquals(Disclosure.SUPPRESSED, perMonth.asText());
                assertEquals(Disclosure.SUPPRESSED, shown.get("accepted").asText());
            }
        }
        assertTrue(services >= 40, "the demo's services took referrals: " + services);
    }

    @Test
    void referralsPerFteGiveNoExactCount() throws Exception {
        // The attack: referrals per FTE × FTE = the exact referrals of a practitioner (40 of 40 at 1.0 FTE).
        Map<String, JsonNode> exact = byNodeId(get(Role.ANALYST, "/api/analysis/bottlenecks?limit=1000&asOf=" + DAY).get("nodes"));
        int practitioners = 0;
        int recovered = 0;
        for (JsonNode node : get(Role.RESEARCHER, "/api/analysis/bottlenecks?limit=1000&asOf=" + DAY).get("nodes")) {
            JsonNode load = node.get("referralsPerFte");
            JsonNode truth = exact.get(node.get("node").get("id").asText());
            if (!truth.get("referralsPerFte").isNumber()) {
                continue;
            }
            practitioners++;
            long referrals = truth.get("referralsOut").asLong() + truth.get("referralsIn").asLong();
            double fte = referrals / truth.get("referralsPerFte").asDouble(); // what the attacker knows of the post
            if (load.isNumber()) {
                long guess = Math.round(load.asDouble() * fte);
                assertEquals(0, guess % 5, "a load is a shown count per FTE: " + node);
                if (guess == referrals) {
                    recovered++;
                }
            } else {
                assertEquals(Disclosure.SUPPRESSED, load.asText());
            }
        }
        assertTrue(practitioners >= 40, "the demo has the practitioners the attack used: " + practitioners);
        System.out.printf("per-FTE attack: %d of %d practitioners' exact referrals recovered%n", recovered, practitioners);
        // A shown count equals the exact one by chance about one time in six (an exact multiple of 5, little noise).
        assertTrue(recovered < practitioners / 2, recovered + " of " + practitioners + " exact counts recovered");
    }

    @Test
    void aRateBesideRoundedCountsRevealsNoExactPair() throws Exception {
        // The attack: the exact numerator and denominator are the only pair near the rounded counts whose quotient
        // is the rate shown. A rate now is the quotient of the shown counts, so it tells nothing they do not.
        JsonNode researcherGaps = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY);
        Map<String, JsonNode> exact = new HashMap<>();
        get(Role.ANALYST, "/api/analysis/gaps?asOf=" + DAY).get("deadEnds").get("byBorough")
                .forEach(b -> exact.put(b.get("boroughId").asText(), b));
        int rows = 0;
        int recovered = 0;
        for (JsonNode row : researcherGaps.get("deadEnds").get("byBorough")) {
            if (!row.get("rate").isNumber()) {
                continue;
            }
            rows++;
            long deadEnds = row.get("deadEnds").asLong();
            long resolved = row.get("resolved").asLong();
            assertEquals((double) deadEnds / resolved, row.get("rate").asDouble(), 1e-4, "the rate of the shown counts: " + row);
            List<long[]> candidates = new ArrayList<>();
            for (long n = Math.max(0, deadEnds - 5); n <= deadEnds + 5; n++) {
                for (long d = Math.max(1, resolved - 5); d <= resolved + 5; d++) {
                    if (n <= d && Math.abs((double) n / d - row.get("rate").asDouble()) < 5e-5) {
                        candidates.add(new long[] {n, d});
                    }
                }
            }
            JsonNode truth = exact.get(row.get("boroughId").asText());
            if (candidates.size() == 1 && candidates.get(0)[0] == truth.get("deadEnds").asLong()
                    && candidates.get(0)[1] == truth.get("resolved").asLong()) {
                recovered++;
            }
        }
        System.out.printf("rate attack: %d of %d exact (dead ends, resolved) pairs recovered%n", recovered, rows);
        assertTrue(rows >= 20, "rows with a rate: " + rows);
        assertTrue(recovered < rows / 2, recovered + " of " + rows + " exact pairs recovered");
    }

    @Test
    void theAllBoroughTotalMinusEveryOtherBoroughDoesNotGiveTheHiddenOne() throws Exception {
        // The attack: total − Σ other boroughs = one borough's count, suppressed or not (6 of 6 before, e.g. a 7).
        // The people in scope per borough: each borough's own view, and the all-borough total.
        Map<String, Long> exact = new HashMap<>();
        Map<String, Long> shown = new HashMap<>();
        int hidden = 0;
        for (JsonNode borough : iterable(get(Role.RESEARCHER, "/api/boroughs"))) {
            String id = borough.get("id").asText();
            JsonNode own = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY + "&borough=" + id).get("deadEnds").get("cases");
            shown.put(id, own.isNumber() ? own.asLong() : 4); // a "*" is 1–7: guess the middle
            hidden += own.isNumber() ? 0 : 1;
            exact.put(id, get(Role.ANALYST, "/api/analysis/gaps?asOf=" + DAY + "&borough=" + id).get("deadEnds").get("cases").asLong());
        }
        long total = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY).get("deadEnds").get("cases").asLong();
        assertEquals(exact.values().stream().mapToLong(Long::longValue).sum(),
                get(Role.ANALYST, "/api/analysis/gaps?asOf=" + DAY).get("deadEnds").get("cases").asLong(),
                "the attack's premise: the boroughs add up to the total");
        int recovered = 0;
        for (String id : exact.keySet()) {
            long others = shown.entrySet().stream().filter(e -> !e.getKey().equals(id)).mapToLong(Map.Entry::getValue).sum();
            if (total - others == exact.get(id)) {
                recovered++;
            }
        }
        System.out.printf("differencing attack: %d of %d boroughs' people recovered (%d shown as *)%n", recovered,
                exact.size(), hidden);
        assertTrue(exact.size() >= 20, "boroughs: " + exact.size());
        // By chance an estimate lands on the exact count now and then; the attack works when it does so as a rule.
        assertTrue(recovered < exact.size() / 2, recovered + " of " + exact.size() + " recovered by differencing");
    }

    @Test
    void storeStatisticsControlCountsOfPeople() throws Exception {
        JsonNode shown = get(Role.RESEARCHER, "/api/stats");
        JsonNode exact = get(Role.ANALYST, "/api/stats");
        for (String label : List.of("Case", "Referral")) {
            long value = shown.get("labels").get(label).asLong();
            assertEquals(0, value % 5, label + ": " + value);
            assertTrue(Math.abs(value - exact.get("labels").get(label).asLong()) <= 5);
        }
        assertFalse(shown.get("labels").get("Case").equals(exact.get("labels").get("Case"))
                && shown.get("labels").get("Referral").equals(exact.get("labels").get("Referral")), "not both exact");
        for (String type : List.of("HAD", "HAS_NEED", "FROM", "TO")) {
            assertEquals(0, shown.get("relationships").get(type).asLong() % 5, type);
        }
        assertEquals(exact.get("labels").get("Agency"), shown.get("labels").get("Agency"), "structure is shown as it is");
    }

    @Test
    void noZeroStandsBesideASuppressedCount() throws Exception {
        // The attack: an edge shows referrals "*" and accepted 0, so everyone on it was declined.
        int suppressedEdges = 0;
        for (JsonNode edge : get(Role.RESEARCHER, "/api/network?asOf=" + DAY).get("elements").get("edges")) {
            JsonNode data = edge.get("data");
            if (Disclosure.SUPPRESSED.equals(data.get("referrals").asText())) {
                suppressedEdges++;
                for (String outcome : List.of("accepted", "declined", "noResponse", "withdrawn", "pending")) {
                    assertFalse(data.get(outcome).isNumber() && data.get(outcome).asLong() == 0, data.toString());
                }
            }
        }
        assertTrue(suppressedEdges > 50, "the demo has many small edges: " + suppressedEdges);
        for (JsonNode row : get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY).get("handOffLoss").get("handOffs")) {
            if (row.toString().contains("\"*\"")) {
                row.fields().forEachRemaining(f -> assertFalse(f.getValue().isIntegralNumber() && f.getValue().asLong() == 0,
                        row.toString()));
            }
        }
    }

    @Test
    void theSameCellShowsTheSameFigureWhateverTheViewAndAnotherDayInTheMonthChangesNothing() throws Exception {
        // One borough's dead ends, in the all-borough table and as the total of that borough's own view: the same
        // cases, so the same figure (an attacker cannot average two draws of noise).
        JsonNode all = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY).get("deadEnds").get("byBorough");
        int compared = 0;
        for (JsonNode row : all) {
            JsonNode own = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY + "&borough=" + row.get("boroughId").asText())
                    .get("deadEnds");
            for (String field : List.of("cases", "resolved", "deadEnds")) {
                assertEquals(row.get(field), own.get(field), row.get("boroughId") + " " + field);
            }
            if (++compared == 6) {
                break;
            }
        }
        // A day in the middle of a month is answered for the month's end before it: no one-day differences.
        JsonNode mid = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=2014-06-16");
        JsonNode next = get(Role.RESEARCHER, "/api/analysis/gaps?asOf=2014-06-17");
        assertEquals("2014-05-31", mid.get("asOf").asText());
        assertEquals(mid, next);
        assertEquals(get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY), get(Role.RESEARCHER, "/api/analysis/gaps?asOf=" + DAY),
                "asking again gives the same noise, not a new draw");
    }

    @Test
    void rowsComeInTheOrderOfWhatTheyShow() throws Exception {
        JsonNode endpoints = get(Role.RESEARCHER, "/api/analysis/gaps?limit=1000&asOf=" + DAY).get("deadEnds").get("endpoints");
        double previous = Double.MAX_VALUE;
        String previousName = "";
        for (JsonNode row : endpoints) {
            double rank = row.get("deadEnds").isNumber() ? row.get("deadEnds").asDouble() : 1e-9;
            assertTrue(rank <= previous, "ordered by what is shown: " + endpoints);
            if (rank == previous && rank == 1e-9) {
                assertTrue(row.toString().compareTo(previousName) >= 0, "suppressed rows in the order of their text");
            }
            previous = rank;
            previousName = row.toString();
        }
    }

    @Test
    void everyNumberAResearcherSeesIsAControlledCountARateOrStructure() throws Exception {
        Set<String> structural = Disclosure.ResearcherView.STRUCTURAL;
        for (String path : List.of("/api/analysis/gaps", "/api/analysis/bottlenecks", "/api/analysis/outcomes",
                "/api/analysis/points-of-failure",
                "/api/network", "/api/summary", "/api/nodes/fmhp-hf-03", "/api/research/pathways?financialYear=2013/14")) {
            JsonNode answer = get(Role.RESEARCHER, path + (path.contains("?") ? "&" : "?") + "asOf=" + DAY);
            List<String> loose = new ArrayList<>();
            walk(answer, "", "", (parent, field, value) -> {
                boolean listed = structural.contains(field) || structural.contains(parent + "." + field)
                        || structural.contains(parent + ".*");
                boolean count = value.isIntegralNumber() && value.asLong() % 5 == 0;
                boolean rate = value.isNumber() && value.asDouble() >= 0 && value.asDouble() <= 1;
                // a shown count per FTE or per month: referralsPerFteGiveNoExactCount, acceptedPerMonthGivesNoExactCount
                boolean load = Set.of("referralsPerFte", "acceptedPerMonth", "load").contains(field);
                // whole days of a group shown as 10 or more people (ResearchDisclosureTest)
                boolean days = Set.of("days", "daysToLastReferral").contains(parent)
                        && Set.of("lower", "median", "upper").contains(field) && value.isIntegralNumber();
                if (!listed && !count && !rate && !load && !days) {
                    loose.add(parent + "." + field + "=" + value);
                }
            });
            assertEquals(List.of(), loose, path);
        }
    }

    @Test
    void answersWithNoCountOfPeopleAreTheSameForAResearcher() throws Exception {
        // The list of structural measures is complete: cover, funding, the timeline, the vocabulary and the agencies lose nothing.
        for (String path : List.of("/api/analysis/coverage?asOf=" + DAY, "/api/analysis/funding?asOf=" + DAY,
                "/api/timeline", "/api/vocabulary", "/api/boroughs", "/api/agencies?asOf=" + DAY)) {
            assertEquals(get(Role.ANALYST, path), get(Role.RESEARCHER, path), path);
        }
    }

    private interface Visitor {
        void number(String parent, String field, JsonNode value);
    }

    private static void walk(JsonNode node, String parent, String field, Visitor visitor) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> walk(f.getValue(), field, f.getKey(), visitor));
        } else if (node.isArray()) {
            node.forEach(e -> walk(e, parent, field, visitor));
        } else if (node.isNumber()) {
            visitor.number(parent, field, node);
        }
    }

    private static Map<String, JsonNode> byNodeId(JsonNode nodes) {
        Map<String, JsonNode> map = new HashMap<>();
        nodes.forEach(n -> map.put(n.get("node").get("id").asText(), n));
        return map;
    }

    private static Iterable<JsonNode> iterable(JsonNode array) {
        return array::elements;
    }
}
