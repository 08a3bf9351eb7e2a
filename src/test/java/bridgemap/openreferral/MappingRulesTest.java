package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.model.AgencyKind;
import bridgemap.model.Sector;
import bridgemap.openreferral.Directory.Term;
import bridgemap.openreferral.MappingRules.On;
import bridgemap.openreferral.MappingRules.Target;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The mapping file: the shipped rules parse, words match whole, every bad row is named by line and column. */
class MappingRulesTest {

    private static MappingRules parse(String text) throws BundleRejectedException {
        return MappingRules.parse("map.csv", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void theShippedMappingParses() {
        MappingRules rules = MappingRules.defaults();
        assertFalse(rules.rules(Target.NEED, On.TEXT).isEmpty());
        assertFalse(rules.rules(Target.AGENCY, On.IDENTIFIER_SCHEME).isEmpty());
        assertTrue(rules.rules().stream().allMatch(r -> r.origin().file().equals("needs-map.csv")));
    }

    @Test
    void anEmptyMappingHasNoRules() throws Exception {
        assertEquals(List.of(), parse("map,on,match,to,effect,name\n").rules());
    }

    @Test
    void textRulesMatchWholeWordsInAnyCase() throws Exception {
        MappingRules rules = parse("# comment\nmap,on,match,to,effect,name\nneed,text,self harm,self_harm,accepts,\n"
                + "need,text,women-only,women_specific,accepts,\n");
        var selfHarm = rules.rules().get(0);
        assertTrue(selfHarm.matchesText("People who SELF  HARM."));
        assertTrue(selfHarm.matchesText("self\nharm"));
        assertFalse(selfHarm.matchesText("myself harmless"));
        var women = rules.rules().get(1);
        assertTrue(women.matchesText("A women-only group"));
        assertFalse(women.matchesText("women only"));
        assertEquals("text \"self harm\" (map.csv:3)", selfHarm.because());
    }

    @Test
    void termRulesMatchIdCodeOrName() throws Exception {
        var rule = parse("map,on,match,to,effect,name\nneed,term,Self-harm,self_harm,excludes,\n").rules().get(0);
        assertTrue(rule.excludes());
        assertTrue(rule.matchesTerm(new Term("x", null, "self-harm", null)));
        assertTrue(rule.matchesTerm(new Term("SELF-HARM", null, null, null)));
        assertFalse(rule.matchesTerm(new Term("t1", "sh", "Self harm", null)));
    }

    @Test
    void agencyAndAreaRulesReadTheirTargets() throws Exception {
        MappingRules rules = parse("map,on,match,to,effect,name\nagency,identifier_scheme,GB-CHC,voluntary/charity,,\n"
                + "area,text,MyCity,E09000019;E09000007,,\n");
        assertEquals(Sector.VOLUNTARY, rules.rules().get(0).sector());
        assertEquals(AgencyKind.CHARITY, rules.rules().get(0).kind());
        assertEquals(List.of("E09000019", "E09000007"), rules.rules().get(1).boroughs());
    }

    @Test
    void everyBadRowIsReportedWithItsLine() {
        var e = assertThrows(BundleRejectedException.class, () -> parse("# rules\nmap,on,match,to,effect,name\n"
                + "needs,text,x,y,accepts,\n"
                + "need,identifier_scheme,x,y,accepts,\n"
                + "need,text,x,y,maybe,\n"
                + "area,text,MyCity,Islington,,\n"
                + "agency,text,NHS,health/hospital,,\n"
                + "agency,text,NHS,health/nhs_trust,accepts,\n"
                + "need,text,,y,accepts,\n"));
        assertEquals(List.of(
                "map.csv:3: map: \"needs\" is not one of need, area, agency",
                "map.csv:4: on: a need rule matches on term or text, not identifier_scheme",
                "map.csv:5: effect: \"maybe\" is not accepts or excludes",
                "map.csv:6: to: \"Islington\" is not a GSS code (e.g. E09000019)",
                "map.csv:7: to: \"health/hospital\" is not sector/kind (sectors: criminal_justice, health, social_care, "
                        + "voluntary, housing, substance_misuse, other; kinds: probation, nhs_trust, local_authority, charity, "
                        + "police, court_service, prison_service, government, commissioner, housing_provider, private_provider, other)",
                "map.csv:8: effect: only need rules have an effect",
                "map.csv:9: match: required value is empty"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void anUnclosedQuoteIsReportedOnItsLineAfterComments_issue13() {
        var e = assertThrows(BundleRejectedException.class, () -> parse("# rules, \"quoted\" in a comment\n"
                + "map,on,match,to,effect,name\n# needs\nneed,text,\"self harm,self_harm,accepts,\nneed,text,x,y,accepts,\n"));
        assertEquals(List.of("map.csv:4: match: a quoted field starts here and never ends"),
                e.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void aMappingWithoutItsColumnsIsRefused() {
        var e = assertThrows(BundleRejectedException.class, () -> parse("# nothing\nmap,match\n"));
        assertEquals(List.of("map.csv:2: on: required column missing", "map.csv:2: to: required column missing"),
                e.problems().stream().map(Problem::toString).toList());
    }
}
