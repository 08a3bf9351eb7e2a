package bridgemap.analysis.gaps;

import static bridgemap.testing.Counts.n;
import static bridgemap.testing.Counts.rate;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.Snapshots;
import bridgemap.analysis.gaps.HandOffLossResult.SectorHandOffs;
import bridgemap.model.Outcome;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class HandOffLossTest {

    static final LocalDate D = LocalDate.of(2014, 6, 30);

    static Snapshots.Builder network() {
        return Snapshots.on(D)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("trust", Sector.HEALTH)
                .setting("court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .service("cmht", "trust", "B1", "psychosis", "")
                .caseIn("c1", "B1", "psychosis")
                .caseIn("s1", "B2", "psychosis");
    }

    @Test
    void refusesNull() {
        assertThrows(NullPointerException.class, () -> HandOffLoss.compute(null, null));
    }

    @Test
    void emptySnapshotHasNoHandOffs() {
        assertEquals(List.of(), HandOffLoss.compute(Snapshots.on(D).build(), null).handOffs());
    }

    @Test
    void lossIsLostOverDecidedReferralsWithPendingLeftOut() {
        var b = network();
        Outcome[] outcomes = {Outcome.ACCEPTED, Outcome.ACCEPTED, Outcome.DECLINED, Outcome.NO_RESPONSE,
            Outcome.WITHDRAWN, Outcome.PENDING, Outcome.PENDING, Outcome.PENDING};
        for (Outcome outcome : outcomes) {
            b.referral("c1", D.minusDays(20), "court", "cmht", outcome);
        }
        b.referral("c1", D.minusDays(400), "court", "cmht", Outcome.DECLINED); // before the window

        List<SectorHandOffs> rows = HandOffLoss.compute(b.build(), null).handOffs();

        assertEquals(List.of(new SectorHandOffs(Sector.CRIMINAL_JUSTICE, Sector.HEALTH, true, n(8), n(2), n(1), n(1), n(1), n(3), n(3),
                rate(3, 5))),
                rows);
    }

    @Test
    void allPendingHasNoLossRate() {
        SectorHandOffs row = HandOffLoss.compute(network()
                .referral("c1", D.minusDays(2), "court", "cmht", Outcome.PENDING).build(), null).handOffs().get(0);
        assertEquals(1, row.total().value());
        assertTrue(Double.isNaN(row.loss().value()));
    }

    @Test
    void crossSectorHandOffsComeFirstThenByLoss() {
        var b = network()
                .agency("trust-2", Sector.HEALTH)
                .agency("dap", Sector.SUBSTANCE_MISUSE)
                .service("drugs", "dap", "B1", "substance_misuse", "")
                .referral("c1", D.minusDays(20), "court", "cmht", Outcome.ACCEPTED)
                .referral("c1", D.minusDays(19), "court", "drugs", Outcome.DECLINED)
                .referral("c1", D.minusDays(18), "trust", "trust-2", Outcome.DECLINED);

        List<SectorHandOffs> rows = HandOffLoss.compute(b.build(), null).handOffs();

        assertEquals(List.of(Sector.SUBSTANCE_MISUSE, Sector.HEALTH, Sector.HEALTH), rows.stream().map(SectorHandOffs::to).toList());
        assertEquals(List.of(1.0, 0.0, 1.0), rows.stream().map(h -> h.loss().value()).toList());
        assertEquals(List.of(true, true, false), rows.stream().map(SectorHandOffs::crossSector).toList());
    }

    @Test
    void aBoroughFilterCountsOnlyThatBoroughsCases() {
        var snapshot = network()
                .referral("c1", D.minusDays(20), "court", "cmht", Outcome.ACCEPTED)
                .referral("s1", D.minusDays(20), "court", "cmht", Outcome.DECLINED)
                .build();
        assertEquals(2, HandOffLoss.compute(snapshot, null).handOffs().get(0).total().value());
        assertEquals(1, HandOffLoss.compute(snapshot, "B2").handOffs().get(0).declined().value());
        assertEquals(0, HandOffLoss.compute(snapshot, "B2").handOffs().get(0).accepted().value());
    }
}
