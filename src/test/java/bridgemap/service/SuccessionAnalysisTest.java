package bridgemap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.planning.TimelineResult;
import bridgemap.analysis.planning.WhatIfResult;
import bridgemap.model.Funding;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Practitioner;
import bridgemap.model.Scenario;
import bridgemap.testing.TestStore;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Successions in the analyses (issue 15), over the real store: the tiny bundle, then on top of it the 2014 probation
 * split and 2021 reunification ({@code bundles/successions}: London Probation Trust's posts to a CRC, its role and
 * partnerships to the NPS, its funder's funding to the NPS's funder; both into the Probation Service).
 */
class SuccessionAnalysisTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2014, 5, 31);
    private static final LocalDate SPLIT = LocalDate.of(2014, 6, 1);

    private static AnalysisService analysis;

    @BeforeAll
    static void load() throws Exception {
        TestStore.clear();
        TestStore.importBundle("tiny");
        TestStore.importBundle("successions");
        analysis = TestStore.app().analysis();
    }

    private static Map<String, String> employers(NetworkSnapshot s) {
        return s.practitioners().stream().collect(Collectors.toMap(Practitioner::id, Practitioner::employerId));
    }

    private static List<String> funders(NetworkSnapshot s) {
        return s.funding().stream().map(Funding::funderId).sorted().toList();
    }

    @Test
    void aSnapshotBeforeTheDateShowsThePredecessorAndFromItTheSuccessor() {
        NetworkSnapshot before = analysis.snapshot(LAST_DAY);
        assertEquals("lpt", employers(before).get("po-isl-01"));
        assertEquals(List.of("f-lpt", "f-lpt"), funders(before));
        assertEquals("lpt", before.partnerships().stream().filter(p -> p.toId().equals("together")).findFirst()
                .orElseThrow().fromId());

        NetworkSnapshot after = analysis.snapshot(SPLIT);
        assertEquals("crc", employers(after).get("po-isl-01"));
        assertEquals("together", employers(after).get("fmhp-isl-02"), "other employers' posts stay");
        assertEquals(List.of("f-nps", "f-nps"), funders(after), "no London Probation Trust funding after the split");
        assertEquals("nps", after.partnerships().stream().filter(p -> p.toId().equals("together")).findFirst()
                .orElseThrow().fromId());

        NetworkSnapshot reunified = analysis.snapshot(LocalDate.of(2021, 6, 26));
        assertEquals("ps", employers(reunified).get("po-isl-01"));
    }

    @Test
    void theTimelineJoinsAFundersYearsThroughItsSuccessor() {
        TimelineResult timeline = TestStore.app().planning().timeline(TimelineResult.YearsBy.CALENDAR, null);
        Map<LocalDate, TimelineResult.Year> years = timeline.years().stream()
                .collect(Collectors.toMap(TimelineResult.Year::date, y -> y));
        TimelineResult.FunderShare before = years.get(LocalDate.of(2014, 3, 1)).fundingShares().get(0);
        assertEquals(new TimelineResult.FunderShare("f-lpt", "London Probation Trust", 42_000 + 45_000, 1, "f-nps"),
                before);
        TimelineResult.FunderShare after = years.get(LocalDate.of(2015, 3, 1)).fundingShares().get(0);
        assertEquals(new TimelineResult.FunderShare("f-nps",
                "National Probation Service (from 1 Jun 2014; before: London Probation Trust)", 43_000 + 45_000, 1,
                "f-nps"), after);
    }

    @Test
    void withdrawingAFunderAfterItWasSucceededWithdrawsItsSuccessor() {
        Scenario withdraw = new Scenario("lpt goes", null, List.of(new Scenario.WithdrawFunder("f-lpt")));
        WhatIfResult before = TestStore.app().planning().whatIf(withdraw, new AnalysisService.Scope(LAST_DAY, null));
        assertEquals(List.of("London Probation Trust withdraws: 2 posts lose funding, 2 of them end (no other funder)"),
                before.effects());
        WhatIfResult after = TestStore.app().planning().whatIf(withdraw, new AnalysisService.Scope(SPLIT, null));
        assertEquals(List.of("London Probation Trust was succeeded on 1 Jun 2014: on 2014-06-01 the withdrawal applies to "
                        + "National Probation Service, which holds its role",
                "National Probation Service withdraws: 2 posts lose funding, 2 of them end (no other funder)"),
                after.effects());
    }

    @Test
    void endingAPartnershipOfAPartnerSucceededBeforeTheDayEndsItsSuccessors() {
        Scenario end = new Scenario("lpt stops with together", null,
                List.of(new Scenario.RemovePartnership("lpt", "together", null)));
        WhatIfResult before = TestStore.app().planning().whatIf(end, new AnalysisService.Scope(LAST_DAY, null));
        assertEquals(List.of("The partnership between London Probation and Together ends"), before.effects());
        // From the split the NPS holds London Probation Trust's partnerships: the same change ends the NPS's, and says so
        // (before this, it was refused: no partnership from "lpt" is active on the day).
        WhatIfResult after = TestStore.app().planning().whatIf(end, new AnalysisService.Scope(SPLIT, null));
        assertEquals(List.of("The partnership between National Probation Service and Together ends (London Probation "
                + "was succeeded on 1 Jun 2014 by National Probation Service)"), after.effects());
    }

    @Test
    void aNodeShowsItsPredecessorsAndSuccessors() {
        NodeDetail lpt = analysis.node("lpt", LAST_DAY);
        assertEquals(List.of(
                new NodeDetail.Succeeded("crc", "London Community Rehabilitation Company", SPLIT, List.of("posts"), null),
                new NodeDetail.Succeeded("nps", "National Probation Service", SPLIT, List.of("role", "partnerships"),
                        "Offender Rehabilitation Act 2014")),
                lpt.successors(), "in id order");
        assertEquals(List.of(), lpt.predecessors());
        NodeDetail ps = analysis.node("ps", SPLIT);
        assertEquals(List.of("crc", "nps"), ps.predecessors().stream().map(NodeDetail.Succeeded::id).toList());
        assertTrue(ps.predecessors().stream().allMatch(s -> s.date().equals(LocalDate.of(2021, 6, 26))));
    }

    @Test
    void theNodeAnswerOfTheApiListsThem() throws Exception {
        io.javalin.Javalin server = bridgemap.api.ApiServer.create(TestStore.app(), "127.0.0.1", 0).start();
        try {
            var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create("http://127.0.0.1:" + server.port() + "/api/nodes/crc?asOf=2014-06-01")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode(), response.body());
            var json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(response.body());
            assertEquals("lpt", json.get("predecessors").get(0).get("id").asText());
            assertEquals("2014-06-01", json.get("predecessors").get(0).get("date").asText());
            assertEquals("[\"posts\"]", json.get("predecessors").get(0).get("takes").toString());
            assertEquals("ps", json.get("successors").get(0).get("id").asText());
            assertEquals("Probation Service", json.get("successors").get(0).get("name").asText());
        } finally {
            server.stop();
        }
    }
}
