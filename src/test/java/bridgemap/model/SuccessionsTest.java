package bridgemap.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.model.Succession.Takes;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rules of {@code takes} applied to the rows of a day (issue 15), with no store. */
class SuccessionsTest {

    private static final LocalDate SPLIT = LocalDate.of(2014, 6, 1);
    private static final LocalDate REUNIFIED = LocalDate.of(2021, 6, 26);
    private static final Period OPEN = new Period(LocalDate.of(2010, 1, 1), null);

    /** London Probation Trust split between the NPS (role, partnerships) and a CRC (posts); both reunified in the PS. */
    private static final Successions PROBATION = new Successions(List.of(
            new Succession("lpt", "nps", SPLIT, Set.of(Takes.ROLE, Takes.PARTNERSHIPS), null),
            new Succession("lpt", "crc", SPLIT, Set.of(Takes.POSTS), null),
            new Succession("f-lpt", "f-nps", SPLIT, Set.of(Takes.ROLE, Takes.FUNDING), null),
            new Succession("nps", "ps", REUNIFIED, Set.of(Takes.ROLE, Takes.PARTNERSHIPS), null),
            new Succession("crc", "ps", REUNIFIED, Set.of(Takes.ROLE, Takes.POSTS), null)));

    private static final Practitioner OFFICER = new Practitioner("po-1", "probation officer", null, "lpt", 1, OPEN);
    private static final Funding PAID = new Funding("f-lpt", "po-1", 40_000.0, OPEN);
    private static final Partnership PARTNERS = new Partnership("lpt", "together", "fmhp_partnership", OPEN);

    @Test
    void noSuccessionsLeaveTheRowsAsTheyAre() {
        List<Practitioner> rows = List.of(OFFICER);
        assertSame(rows, Successions.NONE.practitioners(rows, REUNIFIED));
        NetworkSnapshot snapshot = snapshot(SPLIT);
        assertSame(snapshot, Successions.NONE.applyTo(snapshot));
    }

    @Test
    void theDayBeforeTheDateNothingChanges() {
        LocalDate lastDay = SPLIT.minusDays(1);
        assertEquals(List.of(OFFICER), PROBATION.practitioners(List.of(OFFICER), lastDay));
        assertEquals(List.of(PAID), PROBATION.funding(List.of(PAID), lastDay));
        assertEquals(List.of(PARTNERS), PROBATION.partnerships(List.of(PARTNERS), lastDay));
        assertEquals(List.of("lpt"), PROBATION.roleHolders("lpt", lastDay));
    }

    @Test
    void fromTheDateEachPartGoesToTheSuccessorThatTakesIt() {
        assertEquals("crc", PROBATION.practitioners(List.of(OFFICER), SPLIT).get(0).employerId());
        assertEquals("f-nps", PROBATION.funding(List.of(PAID), SPLIT).get(0).funderId());
        assertEquals(new Partnership("nps", "together", "fmhp_partnership", OPEN),
                PROBATION.partnerships(List.of(PARTNERS), SPLIT).get(0));
        assertEquals(List.of("nps"), PROBATION.roleHolders("lpt", SPLIT), "the CRC took posts, not the role");
        assertEquals(List.of("nps"), PROBATION.roleHolders("lpt", REUNIFIED.minusDays(1)));
    }

    @Test
    void aChainIsFollowedToItsEnd() {
        assertEquals("ps", PROBATION.practitioners(List.of(OFFICER), REUNIFIED).get(0).employerId());
        assertEquals("ps", PROBATION.holder("lpt", Takes.PARTNERSHIPS, REUNIFIED));
        assertEquals(List.of("ps"), PROBATION.roleHolders("lpt", REUNIFIED));
        assertEquals(List.of("ps"), PROBATION.roleHolders("crc", REUNIFIED));
        assertEquals("f-nps", PROBATION.holder("f-lpt", Takes.FUNDING, REUNIFIED), "no funder succeeded f-nps");
    }

    @Test
    void aPartnershipBetweenTwoMergedPartnersEnds() {
        Partnership between = new Partnership("nps", "crc", "protocol", OPEN);
        Successions merged = new Successions(List.of(
                new Succession("nps", "ps", REUNIFIED, Set.of(Takes.PARTNERSHIPS), null),
                new Succession("crc", "ps", REUNIFIED, Set.of(Takes.PARTNERSHIPS), null)));
        assertEquals(List.of(between), merged.partnerships(List.of(between), REUNIFIED.minusDays(1)));
        assertEquals(List.of(), merged.partnerships(List.of(between), REUNIFIED));
    }

    @Test
    void aSplitHandsTheRoleToEverySuccessorTakingIt() {
        Successions split = new Successions(List.of(
                new Succession("pct", "ccg-a", LocalDate.of(2013, 4, 1), Set.of(), null),
                new Succession("pct", "ccg-b", LocalDate.of(2013, 4, 1), Set.of(Takes.ROLE, Takes.POSTS), null)));
        assertEquals(List.of("ccg-a", "ccg-b"), split.roleHolders("pct", LocalDate.of(2013, 4, 1)));
        assertEquals("ccg-b", split.holder("pct", Takes.POSTS, LocalDate.of(2013, 4, 1)));
        assertEquals("pct", split.holder("pct", Takes.PARTNERSHIPS, LocalDate.of(2013, 4, 1)), "nobody took them");
    }

    @Test
    void aSnapshotAfterTheDateShowsTheSuccessorsAndCarriesTheSuccessions() {
        NetworkSnapshot before = PROBATION.applyTo(snapshot(SPLIT.minusDays(1)));
        assertEquals("lpt", before.practitioners().get(0).employerId());
        assertEquals("f-lpt", before.funding().get(0).funderId());
        assertEquals(Sector.CRIMINAL_JUSTICE, before.node("po-1").sector());

        NetworkSnapshot after = PROBATION.applyTo(snapshot(SPLIT));
        assertEquals("crc", after.practitioners().get(0).employerId());
        assertEquals("f-nps", after.funding().get(0).funderId());
        assertEquals("nps", after.partnerships().get(0).fromId());
        assertEquals(Sector.VOLUNTARY, after.node("po-1").sector(), "a practitioner's sector is its employer's");
        assertEquals(PROBATION.all(), after.successions());
        assertEquals(after, PROBATION.applyTo(after), "applying twice is applying once");
    }

    @Test
    void aSuccessionIsOfTwoOrganisationsFromADay() {
        assertThrows(IllegalArgumentException.class, () -> new Succession("lpt", "lpt", SPLIT, Set.of(), null));
        assertEquals(Set.of(Takes.ROLE), new Succession("lpt", "nps", SPLIT, Set.of(), null).takes());
        assertEquals("1 Jun 2014", Succession.day(SPLIT));
    }

    /** Agencies whose sectors differ (the CRC made voluntary so a change of sector shows), one post, one funder. */
    private static NetworkSnapshot snapshot(LocalDate day) {
        Map<String, NetworkNode> nodes = new java.util.LinkedHashMap<>();
        for (String id : List.of("lpt", "nps", "ps", "together")) {
            nodes.put(id, new NetworkNode(id, NodeType.AGENCY, id, Sector.CRIMINAL_JUSTICE, "probation", null));
        }
        nodes.put("crc", new NetworkNode("crc", NodeType.AGENCY, "crc", Sector.VOLUNTARY, "charity", null));
        nodes.put("po-1", new NetworkNode("po-1", NodeType.PRACTITIONER, "po-1", Sector.CRIMINAL_JUSTICE,
                "probation officer", null));
        return new NetworkSnapshot(day, List.of(), List.of(), nodes, List.of(), List.of(), List.of(OFFICER), List.of(),
                List.of(new Funder("f-lpt", "London Probation Trust", FunderKind.PROBATION)), List.of(PAID),
                List.of(PARTNERS), List.of(), List.of());
    }
}
