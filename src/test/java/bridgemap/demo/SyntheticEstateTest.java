package bridgemap.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.demo.SyntheticEstate.Authority;
import bridgemap.model.SettingKind;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticEstateTest {

    @Test
    void apportionSplitsByLargestRemainderWithinMinimaAndCaps() {
        assertArrayEquals(new int[] {0, 0}, SyntheticEstate.apportion(0, new double[] {1, 1}, 0, null));
        assertArrayEquals(new int[] {2, 1}, SyntheticEstate.apportion(3, new double[] {1, 1}, 0, null), "ties to the lower index");
        assertArrayEquals(new int[] {1, 3}, SyntheticEstate.apportion(4, new double[] {1, 9}, 1, null), "at least the minimum");
        assertArrayEquals(new int[] {3, 2}, SyntheticEstate.apportion(9, new double[] {9, 1}, 0, new int[] {3, 2}),
                "the caps win over the total");
    }

    @Test
    void everyAuthorityOfTheSmallScaleIsServedAndHasItsSettings() {
        SyntheticScale small = SyntheticScale.small();
        SyntheticEstate estate = new SyntheticEstate(small, new SplittableRandom(7));

        assertEquals(small.authorities(), estate.authorities.size());
        assertEquals(small.regionSizes().size(), estate.regions.size());
        for (Authority a : estate.authorities) {
            assertNotNull(a.trust, a.id());
            assertNotNull(a.council, a.id());
            assertNotNull(a.substance, a.id());
            assertNotNull(a.housing, a.id());
            assertEquals(SettingKind.MAGISTRATES_COURT, a.court.kind());
            assertEquals(SettingKind.CROWN_COURT, a.crown.kind());
            assertEquals(SettingKind.PROBATION_OFFICE, a.probation.kind());
            assertTrue(a.services.size() >= 4, a.id() + ": a mental-health team, drugs, housing and learning disability");
            assertTrue(a.id().matches("[EW]90\\d{6}"), a.id());
        }
        assertEquals(small.custodySuites(), estate.sites.stream().filter(s -> s.kind() == SettingKind.POLICE_CUSTODY).count());
    }
}
