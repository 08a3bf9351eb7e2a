package bridgemap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Need;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class NeedsTest {

    @Test
    void theVocabularyIsTheDemosNineNeedsInOrder() {
        assertEquals(List.of("psychosis", "mood_anxiety", "personality_disorder", "learning_disability",
                "substance_misuse", "alcohol", "self_harm", "housing", "women_specific"),
                Needs.vocabulary().stream().map(Need::id).toList());
        assertEquals(Needs.vocabulary().stream().map(Need::id).toList(), Needs.codes(-1));
    }

    @Test
    void aMaskListsItsNeedsInVocabularyOrder() {
        assertEquals(List.of(), Needs.codes(0));
        int mask = Needs.bits(Needs.SH, Needs.PSY, Needs.SUB);
        assertEquals(List.of("psychosis", "substance_misuse", "self_harm"), Needs.codes(mask));
        assertEquals(mask, Needs.mask(List.of("self_harm", "psychosis", "substance_misuse", "unknown")));
        assertEquals(Needs.PSY, Needs.lowest(mask));
    }

    @Test
    void aPersonHasOneToThreeNeedsAndWomensNeedsOnlyForWomen() {
        SplittableRandom rnd = new SplittableRandom(16);
        int women = 0;
        for (int i = 0; i < 10_000; i++) {
            int man = Needs.draw(rnd, false, 0.45);
            assertTrue(Integer.bitCount(man) >= 1 && Integer.bitCount(man) <= 3, Needs.codes(man).toString());
            assertEquals(0, man & Needs.bit(Needs.WOM));
            int woman = Needs.draw(rnd, true, 0.45);
            assertTrue(Integer.bitCount(woman) >= 1 && Integer.bitCount(woman) <= 3, Needs.codes(woman).toString());
            women += (woman & Needs.bit(Needs.WOM)) != 0 ? 1 : 0;
        }
        assertTrue(women > 4_000 && women < 5_000, "about 45% of women: " + women);
    }
}
