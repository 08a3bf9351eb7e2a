package bridgemap.privacy;

import bridgemap.ingest.BundleFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pseudonym scheme is pinned: a partner's pseudonyms must not change when Bridgemap is upgraded. */
class PseudonymKeyTest {

    @TempDir
    Path temp;

    private PseudonymKey key(String text) throws IOException {
        Path file = temp.resolve("key");
        Files.writeString(file, text);
        return PseudonymKey.load(file);
    }

    @Test
    void knownAnswersForHmacSha256() throws IOException {
        // The key is the bytes 0..31; expected values from Python's hmac module.
        PseudonymKey key = key("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=\n");
        assertEquals("c-13a23079ba3bd6e6", key.pseudonym("c-", "case", "9434765919"));
        assertEquals("r-21c295a0ed6fa4d4", key.pseudonym("r-", "referral", "9434765919"));
        assertEquals("c-95484bc06411eb5d", key.pseudonym("c-", "case", "c-0001"));
        assertEquals(key.pseudonym("c-", "case", "c-0001"), key.pseudonym("c-", "case", "c-0001"));
    }

    @Test
    void hexAndBase64KeysOfTheSameBytesAgree() throws IOException {
        PseudonymKey hex = key("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        assertEquals("c-13a23079ba3bd6e6", hex.pseudonym("c-", "case", "9434765919"));
    }

    @Test
    void aNewKeyIsRandomAndOwnerOnly() throws IOException {
        PseudonymKey a = PseudonymKey.create(temp.resolve("a"));
        PseudonymKey b = PseudonymKey.create(temp.resolve("b"));
        assertNotEquals(a.pseudonym("c-", "case", "x"), b.pseudonym("c-", "case", "x"));
        assertFalse(PseudonymKey.openToOthers(temp.resolve("a")));
        assertEquals(a.pseudonym("c-", "case", "x"), PseudonymKey.load(temp.resolve("a")).pseudonym("c-", "case", "x"));
        assertThrows(IllegalArgumentException.class, () -> PseudonymKey.create(temp.resolve("a")));
        assertEquals("PseudonymKey[hidden]", a.toString());
    }

    @Test
    void identifyingColumnsHoweverSpelt() {
        for (String column : new String[] {"name", "NHS Number", "nhs-number", "Date of Birth", "D.O.B.", "Post Code",
                "postcode", " Surname ", "first name"}) {
            assertTrue(BundleFile.isIdentifying(column), column);
        }
        for (String column : new String[] {"id", "borough", "age_band", "needs", "gender", "reason"}) {
            assertFalse(BundleFile.isIdentifying(column), column);
        }
    }
}
