package bridgemap.analysis.bottlenecks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.analysis.Snapshots;
import bridgemap.model.Case;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Who carried each criminal-justice setting's people to health (moved out of the bottleneck analysis to be shared). */
class RoutesToHealthTest {

    private static final LocalDate D = LocalDate.of(2014, 6, 30);

    private static Snapshots.Builder court() {
        return Snapshots.on(D).borough("B1", "Islington").borough("B2", "Camden")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE).agency("together", Sector.VOLUNTARY).agency("trust", Sector.HEALTH)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .setting("office", SettingKind.PROBATION_OFFICE, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis", "")
                .practitioner("a", "together", 1.0).practitioner("b", "together", 1.0);
    }

    private static List<String> ids(Set<Case> people) {
        return people.stream().map(Case::id).sorted().toList();
    }

    @Test
    void anEmptySnapshotHasNoRoutes() {
        RoutesToHealth routes = RoutesToHealth.of(Snapshots.on(D).build(), null);
        assertEquals(Set.of(), routes.settings());
        assertEquals(Map.of(), routes.carriers("court"));
        assertEquals(Optional.empty(), routes.mainBroker("court"));
    }

    @Test
    void theFirstReferralToHealthAfterTheSettingNamesTheCarrierAndAPersonCountsOncePerSetting() {
        var b = court()
                .caseIn("c1", "B1", "psychosis")
                .referral("c1", D.minusDays(50), "court", "a", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(40), "a", "cmht", Outcome.DECLINED)
                .referral("c1", D.minusDays(30), "court", "b", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(20), "b", "cmht", Outcome.ACCEPTED)
                .caseIn("c2", "B1", "psychosis")
                .referral("c2", D.minusDays(50), "court", "cmht", Outcome.ACCEPTED)
                .caseIn("c3", "B2", "psychosis")
                .referral("c3", D.minusDays(50), "office", "b", Outcome.ACCEPTED)
                .referral("c3", D.minusDays(45), "b", "cmht", Outcome.ACCEPTED);

        RoutesToHealth routes = RoutesToHealth.of(b.build(), null);

        assertEquals(Set.of("court", "office"), routes.settings());
        assertEquals(List.of("c1"), ids(routes.carriers("court").get("a")), "a made c1's first referral to health, declined or not");
        assertEquals(List.of("c2"), ids(routes.carriers("court").get("court")), "the court itself");
        assertEquals(List.of("c1", "c2"), ids(routes.people("court")));
        assertEquals(Set.of("court"), RoutesToHealth.of(b.build(), "B1").settings(), "Camden's case is not Islington's");
        assertEquals(2, RoutesToHealth.tally(routes.people("court")).value());
    }

    @Test
    void theMainBrokerIsWhoCarriedMostOtherThanTheSettingItselfTiesToTheSmallestId() {
        var b = court();
        for (String broker : List.of("b", "a")) {
            b.caseIn("via-" + broker, "B1", "psychosis")
                    .referral("via-" + broker, D.minusDays(50), "court", broker, Outcome.ACCEPTED)
                    .referral("via-" + broker, D.minusDays(40), broker, "cmht", Outcome.ACCEPTED);
        }
        for (int i = 0; i < 3; i++) {
            b.caseIn("direct" + i, "B1", "psychosis").referral("direct" + i, D.minusDays(30), "court", "cmht", Outcome.ACCEPTED);
        }
        assertEquals(Optional.of("a"), RoutesToHealth.of(b.build(), null).mainBroker("court"));
    }
}
