package bridgemap.analysis.coverage;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.Snapshots;
import bridgemap.analysis.coverage.CoverageResult.CellKey;
import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.time.LocalDate;

/** The networks the coverage tests share: an empty one, a small hand-built London, and the London demo. */
final class CoverageFixtures {

    static final LocalDate D = LocalDate.of(2014, 6, 30);
    static final CellKey COURT = new CellKey("B1", "Islington", SettingKind.MAGISTRATES_COURT);
    static final CellKey PROBATION = new CellKey("B1", "Islington", SettingKind.PROBATION_OFFICE);
    static final CellKey CUSTODY = new CellKey("B2", "Sutton", SettingKind.POLICE_CUSTODY);

    /** Days of the London demo the case study speaks of. */
    static final LocalDate MID_2014 = LocalDate.of(2014, 6, 30);
    static final LocalDate MID_2009 = LocalDate.of(2009, 6, 30);

    private CoverageFixtures() {}

    /** Islington has a magistrates' court and a probation office; Sutton has a custody suite. Nobody is placed yet. */
    static Snapshots.Builder london() {
        return Snapshots.on(D)
                .borough("B1", "Islington")
                .borough("B2", "Sutton")
                .borough("B3", "Bexley")
                .agency("hmcts", Sector.CRIMINAL_JUSTICE)
                .agency("lpt", Sector.CRIMINAL_JUSTICE)
                .agency("mps", Sector.CRIMINAL_JUSTICE)
                .agency("together", Sector.VOLUNTARY)
                .setting("court", "Highbury Corner Magistrates' Court", SettingKind.MAGISTRATES_COURT, "B1", "hmcts")
                .setting("office", "Islington probation office", SettingKind.PROBATION_OFFICE, "B1", "lpt")
                .setting("custody", "Sutton custody suite", SettingKind.POLICE_CUSTODY, "B2", "mps")
                .funder("probation")
                .funder("nhs");
    }

    /**
     * {@link #london()} with one practitioner at Islington's court and one at Sutton's custody suite, each paid
     * by one funder until a month after D: for the borough filter.
     */
    static Snapshots.Builder courtAndCustody() {
        return london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").funding("probation", "p1", 10,
                        Snapshots.between(null, D.plusDays(30)))
                .practitioner("p3", "together", 1.0).placement("p3", "custody").funding("nhs", "p3", 30,
                        Snapshots.between(null, D.plusDays(30)));
    }

    /** {@link #london()} with a 1.0 and a 0.8 FTE post each split between the court and the office, and one at the custody suite. */
    static Snapshots.Builder sharedPosts() {
        return london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .practitioner("p2", "together", 0.8).placement("p2", "court").placement("p2", "office")
                .practitioner("p3", "together", 1.0).placement("p3", "custody");
    }

    /**
     * {@link #london()} with one practitioner at the court and the office whose funding rows end on D, in a year,
     * in a year and a day and never, and a manager (placed nowhere) whose funding ends the day after D.
     */
    static Snapshots.Builder endingRows() {
        return london()
                .practitioner("p1", "together", 1.0).placement("p1", "court").placement("p1", "office")
                .funding("probation", "p1", 100, Snapshots.between(D.minusDays(10), D))
                .funding("nhs", "p1", 200, Snapshots.between(D.minusDays(10), D.plusDays(365)))
                .funding("probation", "p1", 300, Snapshots.between(D.minusDays(10), D.plusDays(366)))
                .funding("nhs", "p1", 400, Snapshots.between(D.minusDays(10), null))
                .practitioner("mgr", "manager", "together", 1.0, Snapshots.between(null, null))
                .funding("nhs", "mgr", 500, Snapshots.between(D.minusDays(10), D.plusDays(1)));
    }

    /** A network with no boroughs, settings or people. */
    static Snapshots.Builder empty() {
        return Snapshots.on(D);
    }

    /** The cover of every borough of the network. */
    static CellCover cover(Snapshots.Builder b) {
        return CellCover.of(b.build(), null);
    }

    /** The cover of one borough of the network. */
    static CellCover cover(Snapshots.Builder b, String borough) {
        return CellCover.of(b.build(), borough);
    }

    /** The cover of every borough of the London demo on {@code day}. */
    static CellCover demo(LocalDate day) {
        return CellCover.of(DemoSnapshots.asOf(day), null);
    }
}
