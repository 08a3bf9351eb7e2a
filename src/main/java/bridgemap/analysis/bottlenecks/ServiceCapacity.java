package bridgemap.analysis.bottlenecks;

import bridgemap.analysis.bottlenecks.BottlenecksResult.Capacity;
import bridgemap.analysis.bottlenecks.BottlenecksResult.LongWait;
import bridgemap.analysis.bottlenecks.BottlenecksResult.QueueSource;
import bridgemap.analysis.bottlenecks.BottlenecksResult.ServiceLoad;
import bridgemap.model.Borough;
import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.PerUnit;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Tally;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Services as bottlenecks: accepted referrals a month against each service's stated capacity, and its stated wait.
 *
 * <p>Definition ({@code docs/analysis.md}, "Capacity and waiting"): for each service active on D that states a
 * monthly capacity or a wait (under a borough filter, those serving the borough), <b>accepted per month</b> is the
 * referrals to it dated in the window and accepted, over the months it was active in the window (days active × 12 /
 * 365, so 12 for a service active all year). Its capacity being the whole service's, every borough's referrals
 * count. It is <b>over capacity</b> when it accepted more a month than its capacity; its <b>load</b> is accepted per
 * month over capacity. Its wait is <b>long</b> when it is more than {@value #LONG_WAIT_WEEKS} weeks: the NHS
 * Constitution's right to start consultant-led treatment within a maximum of 18 weeks from referral
 * (Department of Health and Social Care, <i>The NHS Constitution for England</i>, 2012, updated 2023; the same 18
 * weeks is the upper standard for NHS Talking Therapies, 95% of people). For each over-capacity or long-waiting
 * service, the <b>queue</b>: each person it accepted, counted once under the last criminal-justice setting (custody
 * suite, court, probation office, prison) that referred them before or with the accepted referral, in the chain of
 * their window referrals.
 *
 * <p>O(S + R) for S services and R referrals in the window, plus sorting.
 */
public final class ServiceCapacity {

    /** More weeks than this is a long wait (the NHS Constitution's 18 weeks from referral to treatment). */
    public static final double LONG_WAIT_WEEKS = 18;

    /** The standard behind {@link #LONG_WAIT_WEEKS}, in words. */
    public static final String LONG_WAIT_STANDARD =
            "the NHS Constitution's maximum of 18 weeks from referral to treatment";

    private ServiceCapacity() {}

    /**
     * The load of every service in scope that states a capacity or a wait.
     *
     * @param borough a borough's GSS code (its services: those serving it), or null for every service
     */
    public static Capacity compute(NetworkSnapshot snapshot, String borough) {
        Objects.requireNonNull(snapshot, "snapshot");
        Map<String, Service> services = new LinkedHashMap<>();
        for (Service s : snapshot.services()) {
            boolean stated = s.capacityPerMonth() != null || s.waitWeeks() != null;
            if (stated && s.period().contains(snapshot.asOf()) && (borough == null || s.boroughIds().contains(borough))) {
                services.put(s.id(), s);
            }
        }
        Map<String, Case> cases = new HashMap<>();
        snapshot.cases().forEach(c -> cases.put(c.id(), c));
        Map<String, String> boroughNames = new HashMap<>();
        for (Borough b : snapshot.boroughs()) {
            boroughNames.put(b.id(), b.name());
        }

        Map<String, Tally> accepted = new HashMap<>();
        Map<String, Map<String, Set<Case>>> queues = new HashMap<>(); // service → entry setting ("" for none) → people
        Map<String, String> lastEntry = new HashMap<>(); // case → the last criminal-justice setting that referred it
        for (Referral r : snapshot.referrals()) { // in chain order: date, then id
            NetworkNode from = snapshot.node(r.fromId());
            if (from.type() == NodeType.SETTING && from.sector() == Sector.CRIMINAL_JUSTICE) {
                lastEntry.put(r.caseId(), from.id());
            }
            if (r.outcome() == Outcome.ACCEPTED && services.containsKey(r.toId())) {
                accepted.merge(r.toId(), Tally.ZERO.plus(r.cellKey()), Tally::plus);
                Case person = cases.get(r.caseId());
                if (person != null) {
                    queues.computeIfAbsent(r.toId(), id -> new HashMap<>())
                            .computeIfAbsent(lastEntry.getOrDefault(r.caseId(), ""), id -> new LinkedHashSet<>()).add(person);
                }
            }
        }

        List<ServiceLoad> loads = new ArrayList<>();
        for (Service s : services.values()) {
            Tally taken = accepted.getOrDefault(s.id(), Tally.ZERO);
            double months = monthsActive(s, snapshot);
            PerUnit perMonth = new PerUnit(taken, months);
            Integer capacity = s.capacityPerMonth();
            boolean over = capacity != null && perMonth.value() > capacity;
            boolean longWait = s.waitWeeks() != null && s.waitWeeks() > LONG_WAIT_WEEKS;
            PerUnit load = capacity != null && capacity > 0 ? new PerUnit(taken, months * capacity) : null;
            List<QueueSource> queue = over || longWait ? queue(queues.getOrDefault(s.id(), Map.of()), snapshot, boroughNames)
                    : List.of();
            loads.add(new ServiceLoad(snapshot.node(s.id()), taken, perMonth, capacity, load, s.waitWeeks(), over, longWait,
                    queue));
        }
        loads.sort(Comparator.comparingInt(ServiceCapacity::group)
                .thenComparing(l -> l.overCapacity() ? -loadOf(l) : 0)
                .thenComparing(l -> l.longWait() ? -l.waitWeeks() : 0)
                .thenComparing(l -> -loadOf(l))
                .thenComparing(l -> l.service().name())
                .thenComparing(l -> l.service().id()));
        return new Capacity(new LongWait(LONG_WAIT_WEEKS, LONG_WAIT_STANDARD), loads);
    }

    /** The months the service was active in the window (D − 365, D]: its days there × 12 / 365. */
    static double monthsActive(Service service, NetworkSnapshot snapshot) {
        LocalDate first = snapshot.windowStart().plusDays(1);
        LocalDate start = service.period().start();
        if (start != null && start.isAfter(first)) {
            first = start;
        }
        long days = ChronoUnit.DAYS.between(first, snapshot.asOf()) + 1;
        return days * 12.0 / NetworkSnapshot.WINDOW_DAYS;
    }

    private static int group(ServiceLoad load) {
        return load.overCapacity() ? 0 : load.longWait() ? 1 : 2;
    }

    /** Accepted per month over capacity; infinite for a capacity of 0 with referrals taken; 0 without a capacity. */
    private static double loadOf(ServiceLoad load) {
        if (load.load() != null) {
            return load.load().value();
        }
        return load.overCapacity() ? Double.POSITIVE_INFINITY : 0;
    }

    private static List<QueueSource> queue(Map<String, Set<Case>> byEntry, NetworkSnapshot snapshot,
            Map<String, String> boroughNames) {
        List<QueueSource> queue = new ArrayList<>();
        byEntry.forEach((entry, people) -> {
            NetworkNode setting = entry.isEmpty() ? null : snapshot.node(entry);
            queue.add(new QueueSource(RoutesToHealth.tally(people), setting,
                    setting == null ? null : boroughNames.get(setting.boroughId())));
        });
        queue.sort(Comparator.comparing(QueueSource::people).reversed()
                .thenComparing(q -> q.entry() == null ? 1 : 0)
                .thenComparing(q -> q.entry() == null ? "" : q.entry().name()));
        return queue;
    }
}
