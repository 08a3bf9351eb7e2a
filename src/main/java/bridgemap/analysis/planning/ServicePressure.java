package bridgemap.analysis.planning;

import bridgemap.analysis.planning.DisplacedResult.ServiceLoad;
import bridgemap.model.Case;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Outcome;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The pressure a what-if moves onto the services that remain.
 *
 * <p>Definition ({@code docs/analysis.md}, "Pressure moved"): for each service active on D, its accepted referrals
 * in the window (of the borough's cases under a borough filter) before the change, and after it: those not
 * displaced, plus one for each displaced person whose likely next service it is ({@link DisplacedPeople}). A month is
 * a twelfth of the window's year. Listed are the services whose figure changes, the largest rise first, each
 * against its stated capacity a month and wait. This is an estimate of where people would turn up, not a forecast:
 * it assumes each displaced person with another route takes the nearest one, once.
 *
 * <p>O(r + s log s) for r referrals and s services.
 */
final class ServicePressure {

    /** Months in the referral window. */
    static final int MONTHS = 12;

    private ServicePressure() {}

    /** Accepted referrals into each service in the window (of {@code borough}'s cases when not null), by service id. */
    static Map<String, Tally> acceptedInto(NetworkSnapshot snapshot, String borough) {
        Set<String> cases = new HashSet<>();
        for (Case c : snapshot.cases()) {
            if (borough == null || borough.equals(c.boroughId())) {
                cases.add(c.id());
            }
        }
        Map<String, Tally> accepted = new HashMap<>();
        for (Referral r : snapshot.referrals()) {
            if (r.outcome() == Outcome.ACCEPTED && cases.contains(r.caseId())
                    && r.date().isAfter(snapshot.windowStart()) && !r.date().isAfter(snapshot.asOf())) {
                accepted.merge(r.toId(), Tally.of(r.cellKey()), Tally::plus);
            }
        }
        return accepted;
    }

    /**
     * @param arriving displaced people by their likely next service
     * @param removed what the referrals lost came through, in words ("posts that end")
     */
    static List<ServiceLoad> compute(NetworkSnapshot before, NetworkSnapshot after, String borough,
            Map<String, Tally> arriving, String removed) {
        Map<String, Tally> was = acceptedInto(before, borough);
        Map<String, Tally> is = acceptedInto(after, borough);
        List<ServiceLoad> rows = new ArrayList<>();
        for (Service s : after.services()) {
            if (!s.period().contains(after.asOf())) {
                continue;
            }
            Tally b = was.getOrDefault(s.id(), Tally.ZERO);
            Tally a = is.getOrDefault(s.id(), Tally.ZERO);
            Tally coming = arriving.getOrDefault(s.id(), Tally.ZERO);
            if (a.value() + coming.value() == b.value()) {
                continue;
            }
            double perMonthBefore = (double) b.value() / MONTHS;
            double perMonthAfter = (double) (a.value() + coming.value()) / MONTHS;
            String name = after.node(s.id()).name();
            rows.add(new ServiceLoad(after.node(s.id()), b, a, coming, perMonthBefore, perMonthAfter, s.capacityPerMonth(),
                    s.waitWeeks(), sentence(name, b, a, coming, perMonthBefore, perMonthAfter, s, removed)));
        }
        rows.sort(Comparator.comparingDouble((ServiceLoad l) -> l.perMonthBefore() - l.perMonthAfter())
                .thenComparing(l -> l.service().name()).thenComparing(l -> l.service().id()));
        return rows;
    }

    /**
     * "Haringey community mental health team: 5.8 → 7.0 accepted referrals a month against a capacity of 6 (over
     * capacity); wait 6 weeks. 12 a year came through posts that end; 26 displaced people a year are likely to
     * come here another way."
     */
    private static String sentence(String name, Tally before, Tally after, Tally coming, double perMonthBefore,
            double perMonthAfter, Service s, String removed) {
        StringBuilder out = new StringBuilder(name).append(": ")
                .append(String.format(Locale.ROOT, "%.1f → %.1f accepted referrals a month", perMonthBefore, perMonthAfter));
        if (s.capacityPerMonth() != null) {
            out.append(" against a capacity of ").append(s.capacityPerMonth());
            if (perMonthAfter > s.capacityPerMonth()) {
                out.append(perMonthBefore > s.capacityPerMonth() ? " (over capacity already)" : " (over capacity)");
            }
        }
        if (s.waitWeeks() != null) {
            out.append(String.format(Locale.ROOT, "; wait %s weeks", trim(s.waitWeeks())));
        }
        out.append('.');
        long lost = before.value() - after.value();
        if (lost > 0) {
            out.append(String.format(Locale.ROOT, " %,d a year came through %s", lost, removed));
        }
        if (coming.value() > 0) {
            out.append(lost > 0 ? ";" : "").append(String.format(Locale.ROOT, " %,d displaced %s a year %s likely to come here "
                    + "another way", coming.value(), coming.value() == 1 ? "person" : "people", coming.value() == 1 ? "is" : "are"));
        }
        return out.append('.').toString();
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%.1f", value);
    }
}
