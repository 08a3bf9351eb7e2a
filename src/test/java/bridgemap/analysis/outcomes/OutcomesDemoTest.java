package bridgemap.analysis.outcomes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.analysis.DemoSnapshots;
import bridgemap.analysis.outcomes.OutcomesResult.HandOffOutcomes;
import bridgemap.analysis.outcomes.OutcomesResult.SectorPairOutcomes;
import bridgemap.model.Sector;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/**
 * A sanity run on the London demo (no store: the bundle projected in memory). The demo's generator makes
 * brokered referrals succeed more often than direct ones (its README says so, about 64% against 37%), so
 * the analysis must find that — which says nothing about the real world.
 */
class OutcomesDemoTest {

    @Test
    void mid2014BrokeredReferralsAreAcceptedMoreOftenBecauseTheGeneratorSaysSo() {
        OutcomesResult result = BrokerOutcomes.compute(DemoSnapshots.asOf(LocalDate.of(2014, 6, 30)), null);
        print(result);

        SectorPairOutcomes justiceToHealth = result.pairs().stream()
                .filter(p -> p.from() == Sector.CRIMINAL_JUSTICE && p.to() == Sector.HEALTH)
                .findFirst().orElseThrow();
        assertTrue(justiceToHealth.brokered().acceptance().interval().lower()
                        > justiceToHealth.direct().acceptance().interval().upper(),
                "the intervals do not overlap: " + justiceToHealth);
    }

    @Test
    void mid2009() {
        print(BrokerOutcomes.compute(DemoSnapshots.asOf(LocalDate.of(2009, 6, 30)), null));
    }

    static void print(OutcomesResult r) {
        System.out.printf("%n=== Outcomes as of %s (%s)%n", r.asOf(), OutcomesResult.CAVEAT);
        System.out.println("from -> to | kind | hand-offs, accepted, pending, acceptance [95% CI] | cases, resolved, dead ends,"
                + " dead-end rate [95% CI]");
        for (SectorPairOutcomes p : r.pairs()) {
            row(p, "brokered", p.brokered());
            row(p, "direct", p.direct());
        }
    }

    private static void row(SectorPairOutcomes p, String kind, HandOffOutcomes o) {
        System.out.printf("  %-16s -> %-16s %-8s %5d %5d %4d  %s | %5d %5d %4d  %s%n", p.from().code(), p.to().code(), kind,
                o.handOffs().value(), o.accepted().value(), o.pending().value(), percent(o.acceptance().interval()),
                o.cases().value(), o.resolvedCases().value(), o.deadEnds().value(), percent(o.deadEndRate().interval()));
    }

    private static String percent(WilsonInterval w) {
        return w.defined()
                ? String.format("%5.1f%% [%5.1f, %5.1f]", 100 * w.estimate(), 100 * w.lower(), 100 * w.upper())
                : String.format("%-21s", "   -");
    }
}
