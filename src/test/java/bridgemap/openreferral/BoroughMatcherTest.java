package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Borough;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Service areas to boroughs: GSS codes anywhere, names whole (with the usual wrappers), lists of names. */
class BoroughMatcherTest {

    private final BoroughMatcher matcher = new BoroughMatcher(
            List.of(new Borough("E09000019", "Islington", "Inner London")), BoroughMatcher.reference());

    private List<String> ids(String text) {
        return matcher.byName(text).stream().map(Borough::id).toList();
    }

    @Test
    void nothingMatchesNothing() {
        assertEquals(List.of(), ids(null));
        assertEquals(List.of(), ids(""));
        assertEquals(List.of(), BoroughMatcher.codesIn(null));
    }

    @Test
    void theReferenceListIsTheThirtyThreeLondonBoroughs() {
        assertEquals(33, BoroughMatcher.reference().size());
        assertTrue(matcher.isStored("E09000019"));
        assertFalse(matcher.isStored("E09000007"));
        assertEquals("Camden", matcher.byCode("E09000007").orElseThrow().name());
    }

    @Test
    void namesMatchWholeWithTheUsualWrappers() {
        assertEquals(List.of("E09000019"), ids("Islington"));
        assertEquals(List.of("E09000019"), ids("  ISLINGTON "));
        assertEquals(List.of("E09000007"), ids("London Borough of Camden"));
        assertEquals(List.of("E09000011"), ids("Royal Borough of Greenwich"));
        assertEquals(List.of("E09000033"), ids("City of Westminster"));
        assertEquals(List.of("E09000001"), ids("City of London"));
        assertEquals(List.of("E09000013"), ids("Hammersmith & Fulham"));
        assertEquals(List.of("E09000012"), ids("Hackney Council"));
        assertEquals(List.of("E09000002"), ids("Barking and Dagenham"));
    }

    @Test
    void listsMatchWhenEveryItemIsABorough() {
        assertEquals(List.of("E09000007", "E09000019"), ids("Camden and Islington"));
        assertEquals(List.of("E09000012", "E09000019", "E09000007"), ids("Hackney, Islington; Camden"));
        assertEquals(List.of(), ids("Camden and MyCity"));
    }

    @Test
    void wordsInASentenceAreNotGuessed() {
        assertEquals(List.of(), ids("London"));
        assertEquals(List.of(), ids("All residents of Islington"));
        assertEquals(List.of(), ids("North London"));
    }

    @Test
    void gssCodesAreFoundAnywhere() {
        assertEquals(List.of("E09000033"), BoroughMatcher.codesIn("http://statistics.data.gov.uk/id/statistical-geography/E09000033"));
        assertEquals(List.of("E09000007", "E09000019"), BoroughMatcher.codesIn("E09000007;E09000019"));
        assertEquals(List.of(), BoroughMatcher.codesIn("XE09000007 E0900001 E090000070"));
    }
}
