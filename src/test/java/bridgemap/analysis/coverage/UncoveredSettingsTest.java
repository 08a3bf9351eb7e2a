package bridgemap.analysis.coverage;

import static bridgemap.analysis.coverage.CoverageFixtures.MID_2014;
import static bridgemap.analysis.coverage.CoverageFixtures.cover;
import static bridgemap.analysis.coverage.CoverageFixtures.london;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.coverage.CoverageResult.UncoveredSetting;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class UncoveredSettingsTest {

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> UncoveredSettings.compute(null));
    }

    @Test
    void emptySnapshotHasNoSettingsWithoutCover() {
        assertEquals(List.of(), UncoveredSettings.compute(cover(CoverageFixtures.empty())));
    }

    @Test
    void aSettingWithNobodyIsAnUncoveredEntry() {
        List<UncoveredSetting> uncovered = UncoveredSettings.compute(cover(london()));

        assertEquals(List.of("court", "custody"),
                uncovered.stream().map(u -> u.setting().id()).toList(),
                "entry settings only: the probation office is not an entry");
        assertEquals("Sutton", uncovered.get(1).boroughName());
    }

    @Test
    void aBoroughFilterKeepsThatBoroughsSettings() {
        assertEquals(List.<UncoveredSetting>of(),
                UncoveredSettings.compute(cover(CoverageFixtures.courtAndCustody(), "B2")));
    }

    @Test
    void theLondonDemoHasSomeoneAtSeventeenEntrySettingsInMid2014() {
        var snapshot = DemoSnapshots.asOf(MID_2014);
        List<UncoveredSetting> uncovered = UncoveredSettings.compute(CellCover.of(snapshot, null));
        Map<String, Long> withSomeone = snapshot.settings().stream()
                .filter(s -> s.kind().isEntry())
                .filter(s -> uncovered.stream().noneMatch(u -> u.setting().id().equals(s.id())))
                .collect(Collectors.groupingBy(s -> s.kind().code(), TreeMap::new, Collectors.counting()));
        assertEquals(Map.of("magistrates_court", 10L, "crown_court", 2L, "police_custody", 5L), withSomeone,
                "ten magistrates' courts, two Crown Courts and five police custody suites");
    }
}
