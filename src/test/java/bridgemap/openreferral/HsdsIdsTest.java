package bridgemap.openreferral;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Bridgemap's name-based UUIDs for Open Referral records (issue 19). */
class HsdsIdsTest {

    @Test
    void version5MatchesTheReferenceImplementation() {
        // Python's uuid.uuid5(uuid.NAMESPACE_DNS, "python.org"), the example of its documentation.
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"),
                HsdsIds.nameBased(UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), "python.org"));
        UUID ours = UUID.fromString(HsdsIds.derived("service", "svc-cmht-barnet"));
        assertEquals(5, ours.version());
        assertEquals(2, ours.variant());
    }

    @Test
    void theSameRecordAlwaysGetsTheSameUuidAndTypesDiffer() {
        assertEquals(HsdsIds.derived("service", "svc-cmht-barnet"), HsdsIds.derived("service", "svc-cmht-barnet"));
        assertNotEquals(HsdsIds.derived("service", "x"), HsdsIds.derived("organization", "x"));
        // Pinned: a change of namespace or name scheme would change every id Bridgemap has published.
        assertEquals(HsdsIds.nameBased(HsdsIds.NAMESPACE, "service:svc-cmht-barnet").toString(),
                HsdsIds.derived("service", "svc-cmht-barnet"));
        assertEquals("0607fb89-d5d9-46b1-8a8a-e052892ab0d7", HsdsIds.NAMESPACE.toString());
    }

    @Test
    void anIdThatIsAlreadyAUuidIsKept() {
        assertEquals("d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610", HsdsIds.of("organization", "d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610"));
        assertEquals("D9D5E0F5-D3CE-4F73-9A2F-4DD0ECC6C610", HsdsIds.of("organization", "D9D5E0F5-D3CE-4F73-9A2F-4DD0ECC6C610"));
        assertTrue(HsdsIds.isUuid(HsdsIds.of("organization", "trust-rv5")));
        assertFalse(HsdsIds.isUuid("d9d5e0f5d3ce4f739a2f4dd0ecc6c610"));
        assertFalse(HsdsIds.isUuid("{d9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610}"));
    }

    @Test
    void aDerivedUuidIsRecognisedInAnyCase() {
        String id = HsdsIds.derived("organization", "trust-rv5");
        assertTrue(HsdsIds.isDerived(id, "organization", "trust-rv5"));
        assertTrue(HsdsIds.isDerived(id.toUpperCase(java.util.Locale.ROOT), "organization", "trust-rv5"));
        assertFalse(HsdsIds.isDerived(id, "service", "trust-rv5"));
        assertFalse(HsdsIds.isDerived(id, "organization", "trust-rv3"));
    }
}
