package bridgemap.analysis.gaps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ExclusionConflict;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ServiceStance;
import bridgemap.model.NetworkNode;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExclusionConflictsTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);
    static final String PD = "personality_disorder";
    static final String SM = "substance_misuse";

    /** One borough with a court; services and cases are added by each test. */
    static Snapshots.Builder islington() {
        return Snapshots.on(D)
                .needs("psychosis", PD, SM)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .agency("dap", Sector.SUBSTANCE_MISUSE)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts");
    }

    /** A case of borough B1 with these needs, in scope because the court referred it last month. */
    static Snapshots.Builder person(Snapshots.Builder b, String id, String... needs) {
        return b.caseIn(id, "B1", needs).referral(id, D.minusDays(30), "court", "cmht", Outcome.ACCEPTED);
    }

    static List<String> ids(List<ServiceStance> services) {
        return services.stream().map(ServiceStance::service).map(NetworkNode::id).toList();
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> ExclusionConflicts.compute(null, null));
    }

    @Test
    void emptySnapshotHasNoConflicts() {
        assertEquals(List.of(), ExclusionConflicts.compute(Snapshots.on(D).build(), null).conflicts());
    }

    @Test
    void unknownBoroughIsAnErrorAndABoroughWithNothingHasNoRows() {
        var snapshot = person(islington().service("cmht", "trust", "B1", "psychosis", ""), "c1", PD).build();
        assertThrows(IllegalArgumentException.class, () -> ExclusionConflicts.compute(snapshot, "E09999999"));
        assertEquals(List.of(), ExclusionConflicts.compute(snapshot, "B2").conflicts());
    }

    @Test
    void mentalHealthExcludingDrugsAndDrugsExcludingPersonalityDisorderIsSplit() {
        var snapshot = person(islington()
                .service("cmht", "trust", "B1", "psychosis;" + PD, SM)
                .service("drugs", "dap", "B1", SM, PD), "c1", PD, SM).build();

        List<ExclusionConflict> rows = ExclusionConflicts.compute(snapshot, null).conflicts();

        assertEquals(1, rows.size());
        ExclusionConflict row = rows.get(0);
        assertEquals(ConflictStatus.SPLIT, row.status());
        assertEquals("split", row.status().code());
        assertEquals(List.of(PD, SM), row.needs());
        assertEquals(1, row.cases().value());
        assertEquals(List.of(PD, SM), row.blockedNeeds(), "each service turns the person away for the other need");
        assertEquals(List.of(), row.unacceptedNeeds());
        assertEquals(List.of(
                new ServiceStance(snapshot.node("cmht"), List.of(PD), List.of(SM)),
                new ServiceStance(snapshot.node("drugs"), List.of(SM), List.of(PD))), row.services());
    }

    @Test
    void nobodyAcceptingPersonalityDisorderIsUnserved() {
        var snapshot = person(islington()
                .service("cmht", "trust", "B1", "psychosis", PD + ";" + SM)
                .service("drugs", "dap", "B1", SM, PD), "c1", PD, SM).build();

        ExclusionConflict row = ExclusionConflicts.compute(snapshot, null).conflicts().get(0);

        assertEquals(ConflictStatus.UNSERVED, row.status());
        assertEquals(List.of(PD), row.unacceptedNeeds());
        assertEquals(List.of("drugs"), ids(row.services()), "who accepts some of the set is still shown");
    }

    @Test
    void aDualDiagnosisServiceServesTheWholeSet() {
        var snapshot = person(islington()
                .service("cmht", "trust", "B1", "psychosis;" + PD, SM)
                .service("drugs", "dap", "B1", SM, PD)
                .service("dual", "trust", "B1", PD + ";" + SM, ""), "c1", PD, SM).build();

        ExclusionConflict row = ExclusionConflicts.compute(snapshot, null).conflicts().get(0);

        assertEquals(ConflictStatus.SERVED, row.status());
        assertEquals(List.of("dual"), ids(row.services()));
        assertEquals(List.of(new ServiceStance(snapshot.node("dual"), List.of(PD, SM), List.of())), row.services());
    }

    @Test
    void aNeedIsBlockedOnlyWhenEveryServiceTakingItExcludesAnotherNeedOfTheSet() {
        var b = islington()
                .service("cmht", "trust", "B1", "psychosis;" + PD, SM)
                .service("drugs", "dap", "B1", SM, PD)
                .service("alcohol", "dap", "B1", "alcohol", "")
                .service("hostel", "dap", "B1", "alcohol", "psychosis");
        person(b, "c1", "psychosis", "alcohol");
        person(b, "c2", "psychosis", "alcohol");
        person(b, "c3", "psychosis", SM);

        List<ExclusionConflict> rows = ExclusionConflicts.compute(b.build(), null).conflicts();

        assertEquals(List.of(List.of("psychosis", SM), List.of("psychosis", "alcohol")),
                rows.stream().map(ExclusionConflict::needs).toList(), "rows with a blocked need come first");
        assertEquals(List.of(ConflictStatus.SPLIT, ConflictStatus.SPLIT), rows.stream().map(ExclusionConflict::status).toList());
        assertEquals(List.of("psychosis"), rows.get(0).blockedNeeds(),
                "the mental-health team, the only one taking psychosis, excludes drug misuse; the drug service excludes nothing here");
        assertEquals(List.of(), rows.get(1).blockedNeeds(),
                "the hostel excludes psychosis, but the alcohol service and the team take the two needs side by side");
    }

    @Test
    void aServiceThatAcceptsAndExcludesTheSameNeedDoesNotServeIt() {
        var snapshot = person(islington().service("odd", "trust", "B1", PD, PD), "c1", PD).build();

        assertEquals(ConflictStatus.SPLIT, ExclusionConflicts.compute(snapshot, null).conflicts().get(0).status());
    }

    @Test
    void servicesOfAnotherBoroughOrNotActiveOnTheDayDoNotCount() {
        var snapshot = person(islington()
                .service("dual-sutton", "trust", "B2", PD + ";" + SM, "")
                .service("dual-closed", "trust", "B1", PD + ";" + SM, "", Snapshots.between(null, D.minusDays(1)))
                .service("dual-later", "trust", "B1", PD + ";" + SM, "", Snapshots.between(D.plusDays(1), null)),
                "c1", PD, SM).build();

        ExclusionConflict row = ExclusionConflicts.compute(snapshot, null).conflicts().get(0);

        assertEquals(ConflictStatus.UNSERVED, row.status());
        assertEquals(List.of(PD, SM), row.unacceptedNeeds());
    }

    @Test
    void casesWithTheSameNeedSetAreCountedTogetherWhateverTheOrderOfTheirNeeds() {
        var b = islington().service("cmht", "trust", "B1", "psychosis;" + PD, SM).service("drugs", "dap", "B1", SM, PD);
        person(b, "c1", PD, SM);
        person(b, "c2", SM, PD);
        person(b, "c3", SM, PD, SM);
        person(b, "c4", "psychosis");
        person(b, "c5");

        List<ExclusionConflict> rows = ExclusionConflicts.compute(b.build(), null).conflicts();

        assertEquals(2, rows.size(), "the case without needs has no row");
        assertEquals(List.of(PD, SM), rows.get(0).needs());
        assertEquals(3, rows.get(0).cases().value());
        assertEquals(ConflictStatus.SERVED, rows.get(1).status());
        assertEquals(List.of("psychosis"), rows.get(1).needs());
    }

    @Test
    void casesOutOfScopeAreNotCounted() {
        var snapshot = islington().service("cmht", "trust", "B1", "psychosis", "")
                .caseIn("old", "B1", PD).referral("old", D.minusDays(365), "court", "cmht", Outcome.DECLINED)
                .caseIn("future", "B1", PD).referral("future", D.plusDays(1), "court", "cmht", Outcome.DECLINED)
                .build();

        assertEquals(List.of(), ExclusionConflicts.compute(snapshot, null).conflicts());
    }

    @Test
    void unservedComeFirstThenSplitThenServedEachByCases() {
        var b = islington()
                .setting("court-2", SettingKind.MAGISTRATES_COURT, "B2", "hmcts")
                .service("cmht", "trust", "B1;B2", "psychosis;" + PD, SM)
                .service("drugs", "dap", "B1", SM, PD);
        person(b, "c1", "psychosis");
        person(b, "c2", "psychosis");
        person(b, "c3", "psychosis");
        person(b, "c4", PD, SM);
        person(b, "c5", PD, SM);
        b.caseIn("s1", "B2", SM).referral("s1", D.minusDays(5), "court-2", "cmht", Outcome.DECLINED);

        List<ExclusionConflict> rows = ExclusionConflicts.compute(b.build(), null).conflicts();

        assertEquals(List.of(ConflictStatus.UNSERVED, ConflictStatus.SPLIT, ConflictStatus.SERVED),
                rows.stream().map(ExclusionConflict::status).toList());
        assertEquals(List.of("Sutton", "Islington", "Islington"), rows.stream().map(ExclusionConflict::boroughName).toList());
        assertEquals(List.of(1, 2, 3), rows.stream().map(c -> c.cases().intValue()).toList());
        assertTrue(ExclusionConflicts.compute(b.build(), "B2").conflicts().stream().allMatch(r -> r.boroughId().equals("B2")));
    }
}
