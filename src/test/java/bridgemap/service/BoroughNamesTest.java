package bridgemap.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Borough;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: a borough by its name in any case, or by its GSS code. */
class BoroughNamesTest {

    private static final List<Borough> LONDON = List.of(new Borough("E09000013", "Hammersmith and Fulham", "Inner London"),
            new Borough("E09000021", "Kingston upon Thames", "Outer London"), new Borough("E09000022", "Lambeth", "Inner London"),
            new Borough("E09000027", "Richmond upon Thames", "Outer London"), new Borough("E09000001", "City of London", "Inner London"),
            new Borough("E09000033", "City of Westminster", "Inner London"));

    @Test
    void noBoroughsKnowsNoName() {
        var e = assertThrows(InvalidInputException.class, () -> BoroughNames.resolve(List.of(), "Lambeth", "borough"));
        assertEquals("borough", e.field());
    }

    @Test
    void aCodeInAnyCase() {
        assertEquals("E09000022", BoroughNames.resolve(LONDON, "E09000022", "borough"));
        assertEquals("E09000022", BoroughNames.resolve(LONDON, " e09000022 ", "borough"));
    }

    @Test
    void aNameInAnyCaseWithAmpersandsAndSpacing() {
        assertEquals("E09000022", BoroughNames.resolve(LONDON, "Lambeth", "borough"));
        assertEquals("E09000022", BoroughNames.resolve(LONDON, "LAMBETH", "borough"));
        assertEquals("E09000013", BoroughNames.resolve(LONDON, "hammersmith and fulham", "borough"));
        assertEquals("E09000013", BoroughNames.resolve(LONDON, "Hammersmith & Fulham", "borough"));
        assertEquals("E09000013", BoroughNames.resolve(LONDON, "hammersmith-and-fulham", "borough"));
        assertEquals("E09000021", BoroughNames.resolve(LONDON, "Kingston upon Thames", "borough"));
    }

    @Test
    void theStartOfOneNameOnly() {
        assertEquals("E09000021", BoroughNames.resolve(LONDON, "kingston", "borough"));
        var e = assertThrows(InvalidInputException.class, () -> BoroughNames.resolve(LONDON, "City", "versus.borough"));
        assertEquals("versus.borough", e.field());
        assertTrue(e.getMessage().contains("ambiguous: it could be City of London or City of Westminster"), e.getMessage());
    }

    @Test
    void anUnknownNameNamesTheField() {
        var e = assertThrows(InvalidInputException.class, () -> BoroughNames.resolve(LONDON, "Lambath", "borough"));
        assertEquals("borough", e.field());
        assertTrue(e.getMessage().startsWith("unknown borough \"Lambath\": give the name or GSS code"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> BoroughNames.resolve(LONDON, "", "borough"));
    }
}
