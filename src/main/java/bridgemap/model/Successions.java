package bridgemap.model;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The successions of a bundle or store ({@code successions.csv}), and the one place their rules are applied to the rows
 * of a day: {@link #applyTo(NetworkSnapshot)} for a whole snapshot, or {@link #practitioners}, {@link #funding} and
 * {@link #partnerships} for rows alone. Rows are never rewritten where they are kept; as of day D, a row of a
 * predecessor whose succession is in effect on D (its date ≤ D) belongs to the successor that takes that part, and to
 * that successor's successor in turn along a chain. Before the date nothing changes, and with no successions every
 * function returns its input, so analyses of a bundle without successions are exactly what they were.
 *
 * <p>Validation (bundle-format.md) guarantees no cycle, one day per predecessor and at most one heir of each part,
 * so following a chain ends and has one answer; a chain is walked at most once per row. Pure and immutable.
 */
public final class Successions {

    /** No successions. */
    public static final Successions NONE = new Successions(List.of());

    private final List<Succession> all;
    private final Map<String, List<Succession>> byPredecessor = new HashMap<>();
    private final Map<String, List<Succession>> bySuccessor = new HashMap<>();

    public Successions(List<Succession> successions) {
        this.all = List.copyOf(Objects.requireNonNull(successions, "successions"));
        for (Succession s : all) {
            byPredecessor.computeIfAbsent(s.predecessorId(), k -> new ArrayList<>()).add(s);
            bySuccessor.computeIfAbsent(s.successorId(), k -> new ArrayList<>()).add(s);
        }
    }

    /** Every succession, in the order given. */
    public List<Succession> all() {
        return all;
    }

    public boolean isEmpty() {
        return all.isEmpty();
    }

    /** The successions that replaced {@code id}, in the order given. */
    public List<Succession> successorsOf(String id) {
        return Collections.unmodifiableList(byPredecessor.getOrDefault(id, List.of()));
    }

    /** The successions by which {@code id} replaced others, in the order given. */
    public List<Succession> predecessorsOf(String id) {
        return Collections.unmodifiableList(bySuccessor.getOrDefault(id, List.of()));
    }

    /**
     * Who holds {@code part} of organisation {@code id}'s on {@code day}: the successor that takes it from a succession
     * in effect that day, followed along the chain; {@code id} itself when none has.
     */
    public String holder(String id, Succession.Takes part, LocalDate day) {
        String at = id;
        for (int steps = 0; steps <= all.size(); steps++) {
            String next = null;
            for (Succession s : byPredecessor.getOrDefault(at, List.of())) {
                if (s.inEffectOn(day) && s.takes(part)) {
                    next = s.successorId();
                    break;
                }
            }
            if (next == null) {
                return at;
            }
            at = next;
        }
        throw new IllegalStateException("the successions of " + id + " form a cycle");
    }

    /**
     * The organisations that hold {@code id}'s role on {@code day}: {@code id} itself when no succession of it is in
     * effect, else every successor taking its role (several after a split), each followed along its own chain; an
     * organisation replaced without anyone taking its role keeps it. In the order the successions were given.
     */
    public List<String> roleHolders(String id, LocalDate day) {
        Set<String> holders = new LinkedHashSet<>();
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>(List.of(id));
        while (!todo.isEmpty()) {
            String at = todo.removeFirst();
            if (!seen.add(at)) {
                continue;
            }
            List<String> next = new ArrayList<>();
            for (Succession s : byPredecessor.getOrDefault(at, List.of())) {
                if (s.inEffectOn(day) && s.takes(Succession.Takes.ROLE)) {
                    next.add(s.successorId());
                }
            }
            if (next.isEmpty()) {
                holders.add(at);
            } else {
                for (int i = next.size() - 1; i >= 0; i--) {
                    todo.addFirst(next.get(i));
                }
            }
        }
        return List.copyOf(holders);
    }

    /** The successions in effect on {@code day} by which {@code id} (directly) replaced others. */
    public List<Succession> inEffectBy(String id, LocalDate day) {
        return predecessorsOf(id).stream().filter(s -> s.inEffectOn(day)).toList();
    }

    /** {@code rows} (practitioners in post on {@code day}) with each employer replaced by who holds its posts that day. */
    public List<Practitioner> practitioners(List<Practitioner> rows, LocalDate day) {
        if (all.isEmpty()) {
            return rows;
        }
        List<Practitioner> out = new ArrayList<>(rows.size());
        for (Practitioner p : rows) {
            String employer = holder(p.employerId(), Succession.Takes.POSTS, day);
            out.add(employer.equals(p.employerId()) ? p
                    : new Practitioner(p.id(), p.role(), p.discipline(), employer, p.fte(), p.period()));
        }
        return out;
    }

    /** {@code rows} (funding active on {@code day}) with each funder replaced by who holds its funding that day. */
    public List<Funding> funding(List<Funding> rows, LocalDate day) {
        if (all.isEmpty()) {
            return rows;
        }
        List<Funding> out = new ArrayList<>(rows.size());
        for (Funding f : rows) {
            String funder = holder(f.funderId(), Succession.Takes.FUNDING, day);
            out.add(funder.equals(f.funderId()) ? f : new Funding(funder, f.practitionerId(), f.amountGbp(), f.period()));
        }
        return out;
    }

    /**
     * {@code rows} (partnerships active on {@code day}) with each end replaced by who holds its partnerships that day;
     * a partnership that would join an organisation to itself (two partners merged) is dropped.
     */
    public List<Partnership> partnerships(List<Partnership> rows, LocalDate day) {
        if (all.isEmpty()) {
            return rows;
        }
        List<Partnership> out = new ArrayList<>(rows.size());
        for (Partnership p : rows) {
            String from = holder(p.fromId(), Succession.Takes.PARTNERSHIPS, day);
            String to = holder(p.toId(), Succession.Takes.PARTNERSHIPS, day);
            if (from.equals(to)) {
                continue;
            }
            out.add(from.equals(p.fromId()) && to.equals(p.toId()) ? p : new Partnership(from, to, p.kind(), p.period()));
        }
        return out;
    }

    /**
     * {@code snapshot} with these successions applied as of its day: employers, funders and partners replaced by who
     * holds them ({@link #practitioners}, {@link #funding}, {@link #partnerships}), a practitioner whose employer
     * changed given its new employer's sector, and these successions carried in the result. The same snapshot when
     * there are none. Applying twice gives the same as once.
     */
    public NetworkSnapshot applyTo(NetworkSnapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (all.isEmpty()) {
            return snapshot;
        }
        LocalDate day = snapshot.asOf();
        List<Practitioner> practitioners = practitioners(snapshot.practitioners(), day);
        Map<String, NetworkNode> nodes = new LinkedHashMap<>(snapshot.nodes());
        for (Practitioner p : practitioners) {
            NetworkNode node = nodes.get(p.id());
            NetworkNode employer = nodes.get(p.employerId());
            if (node != null && employer != null && node.sector() != employer.sector()) {
                nodes.put(p.id(), new NetworkNode(node.id(), node.type(), node.name(), employer.sector(), node.kind(),
                        node.boroughId()));
            }
        }
        return new NetworkSnapshot(day, snapshot.boroughs(), snapshot.needs(), nodes, snapshot.settings(),
                snapshot.services(), practitioners, snapshot.placements(), snapshot.funders(),
                funding(snapshot.funding(), day), partnerships(snapshot.partnerships(), day), snapshot.cases(),
                snapshot.referrals(), snapshot.catchments(), snapshot.activity(), snapshot.populations(), all);
    }
}
