package bridgemap.analysis.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import bridgemap.analysis.Snapshots;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class GapsAnalysisTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> GapsAnalysis.compute(null, null));
    }

    @Test
    void emptySnapshotGivesEmptyAnswers() {
        GapsResult result = GapsAnalysis.compute(Snapshots.on(D).build(), null);
        assertEquals(D, result.asOf());
        assertNull(result.boroughId());
        assertEquals(List.of(), result.exclusionConflicts().conflicts());
        assertEquals(0, result.deadEnds().cases().value());
        assertEquals(List.of(), result.handOffLoss().handOffs());
        assertEquals(List.of(), result.unreachableEntries().settings());
    }

    @Test
    void aBoroughWithNothingGivesEmptyAnswersAndAnUnknownOneIsAnError() {
        NetworkSnapshot snapshot = smallNetwork();
        GapsResult result = GapsAnalysis.compute(snapshot, "B2");
        assertEquals("B2", result.boroughId());
        assertEquals(List.of(), result.exclusionConflicts().conflicts());
        assertEquals(0, result.deadEnds().cases().value());
        assertEquals(List.of(), result.handOffLoss().handOffs());
        assertEquals(List.of(), result.unreachableEntries().settings());
        assertThrows(IllegalArgumentException.class, () -> GapsAnalysis.compute(snapshot, "E09000099"));
    }

    @Test
    void theWholeIsItsFourPartsWhicheverTheBorough() {
        NetworkSnapshot snapshot = smallNetwork();
        for (String borough : new String[] {null, "B1", "B2"}) {
            GapsResult whole = GapsAnalysis.compute(snapshot, borough);
            assertEquals(ExclusionConflicts.compute(snapshot, borough), whole.exclusionConflicts(), borough);
            assertEquals(DeadEnds.compute(snapshot, borough), whole.deadEnds(), borough);
            assertEquals(HandOffLoss.compute(snapshot, borough), whole.handOffLoss(), borough);
            assertEquals(UnreachableEntries.compute(snapshot, borough), whole.unreachableEntries(), borough);
        }
    }

    @Test
    void noResultCarriesACaseId() {
        String everything = GapsAnalysis.compute(smallNetwork(), null).toString();
        assertFalse(everything.contains("person-"), everything);
    }

    private static NetworkSnapshot smallNetwork() {
        return Snapshots.on(D)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .agency("dap", Sector.SUBSTANCE_MISUSE)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis;personality_disorder", "substance_misuse")
                .service("drugs", "dap", "B1", "substance_misuse", "personality_disorder")
                .caseIn("person-1", "B1", "personality_disorder", "substance_misuse")
                .referral("person-1", D.minusDays(200), "court", "cmht", Outcome.DECLINED)
                .referral("person-1", D.minusDays(150), "court", "drugs", Outcome.DECLINED)
                .caseIn("person-2", "B1", "psychosis")
                .referral("person-2", D.minusDays(20), "court", "cmht", Outcome.PENDING)
                .build();
    }
}
