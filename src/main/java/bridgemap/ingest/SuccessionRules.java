package bridgemap.ingest;

import bridgemap.model.Succession;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of {@code successions.csv} that join rows (docs/bundle-format.md): each row read on its own is checked by
 * {@link BundleValidator}; here the bundle's rows, together with the successions the store already holds, are checked
 * for repeats, cycles, one day per predecessor, at most one heir of each of funding, posts and partnerships in a
 * split, and dates that increase along a chain. A bundle row replaces a stored one of the same predecessor and
 * successor. Every problem is reported at a bundle line: the line that breaks the rule, the later one of two.
 *
 * <p>Cost: O(R · (R + S)) for R bundle rows and S stored successions (each row's cycle check walks the graph once);
 * successions are few (one per reorganisation), so this is never the import's cost.
 */
final class SuccessionRules {

    /** A succession and the bundle line it was read from; {@link #STORED} for one the store holds. */
    record Line(Succession succession, int line) {}

    static final int STORED = 0;

    private static final List<Succession.Takes> SPLIT_ONCE =
            List.of(Succession.Takes.FUNDING, Succession.Takes.POSTS, Succession.Takes.PARTNERSHIPS);

    private final String file = BundleFile.SUCCESSIONS.fileName();
    private final List<Problem> problems;

    private SuccessionRules(List<Problem> problems) {
        this.problems = problems;
    }

    /**
     * Checks {@code rows} (read from the bundle, each valid on its own, in file order) against each other and
     * {@code stored}, adding one problem per broken rule to {@code problems}; returns the rows, unchanged.
     */
    static List<Succession> check(List<Line> rows, List<Succession> stored, List<Problem> problems) {
        return new SuccessionRules(problems).run(rows, stored);
    }

    private List<Succession> run(List<Line> rows, List<Succession> stored) {
        Map<List<String>, Line> byKey = new LinkedHashMap<>();
        List<Line> unique = new ArrayList<>();
        for (Line row : rows) {
            Line earlier = byKey.putIfAbsent(key(row.succession()), row);
            if (earlier != null) {
                problem(row, "successor", "duplicate succession of " + row.succession().predecessorId() + " by "
                        + row.succession().successorId() + " (first at line " + earlier.line() + ")");
            } else {
                unique.add(row);
            }
        }
        // The graph after the import: stored successions the bundle does not replace, then the bundle's, in file order.
        List<Line> graph = new ArrayList<>();
        for (Succession s : stored) {
            if (!byKey.containsKey(key(s))) {
                graph.add(new Line(s, STORED));
            }
        }
        for (Line row : unique) {
            String cycle = cycleClosedBy(graph, row.succession());
            if (cycle != null) {
                problem(row, "successor", "closes a cycle: " + cycle
                        + "; an organisation cannot come back as its own successor");
            } else {
                graph.add(row);
            }
        }
        checkPredecessors(graph);
        checkChains(graph);
        return rows.stream().map(Line::succession).toList();
    }

    private static List<String> key(Succession s) {
        return List.of(s.predecessorId(), s.successorId());
    }

    /** "A → B → C → A" when adding {@code added} (A → B) closes a cycle in {@code graph}, else null. */
    private static String cycleClosedBy(List<Line> graph, Succession added) {
        Map<String, List<String>> next = new HashMap<>();
        for (Line line : graph) {
            next.computeIfAbsent(line.succession().predecessorId(), k -> new ArrayList<>())
                    .add(line.succession().successorId());
        }
        // Iterative depth-first search from the successor back to the predecessor, remembering how each was reached.
        String start = added.successorId();
        String goal = added.predecessorId();
        Map<String, String> cameFrom = new HashMap<>();
        Set<String> seen = new HashSet<>(List.of(start));
        Deque<String> stack = new ArrayDeque<>(List.of(start));
        while (!stack.isEmpty()) {
            String at = stack.pop();
            if (at.equals(goal)) {
                List<String> path = new ArrayList<>();
                for (String step = goal; step != null; step = cameFrom.get(step)) {
                    path.add(0, step);
                }
                path.add(0, goal);
                return String.join(" → ", path);
            }
            for (String to : next.getOrDefault(at, List.of())) {
                if (seen.add(to)) {
                    cameFrom.put(to, at);
                    stack.push(to);
                }
            }
        }
        return null;
    }

    /** One day per predecessor, and in a split at most one successor takes each of funding, posts and partnerships. */
    private void checkPredecessors(List<Line> graph) {
        Map<String, List<Line>> byPredecessor = new LinkedHashMap<>();
        graph.forEach(l -> byPredecessor.computeIfAbsent(l.succession().predecessorId(), k -> new ArrayList<>()).add(l));
        for (List<Line> successors : byPredecessor.values()) {
            for (int i = 0; i < successors.size(); i++) {
                Line row = successors.get(i);
                if (row.line() == STORED) {
                    continue;
                }
                for (int j = 0; j < i; j++) {
                    Line earlier = successors.get(j);
                    if (!earlier.succession().date().equals(row.succession().date())) {
                        problem(row, "date", row.succession().predecessorId() + " is succeeded by "
                                + earlier.succession().successorId() + " from " + earlier.succession().date() + " ("
                                + where(earlier) + "); all of one predecessor's successors take over on the same day,"
                                + " the day after its last");
                        break;
                    }
                }
                for (Succession.Takes part : SPLIT_ONCE) {
                    if (!row.succession().takes(part)) {
                        continue;
                    }
                    for (int j = 0; j < i; j++) {
                        Line earlier = successors.get(j);
                        if (earlier.succession().takes(part)) {
                            problem(row, "takes", row.succession().predecessorId() + "'s " + part.code()
                                    + " already pass to " + earlier.succession().successorId() + " (" + where(earlier)
                                    + "); when one predecessor has several successors, at most one of them takes each"
                                    + " of funding, posts and partnerships");
                            break;
                        }
                    }
                }
            }
        }
    }

    /** Along a chain A → B → C, B must take over from A before C takes over from B. */
    private void checkChains(List<Line> graph) {
        Map<String, List<Line>> byPredecessor = new HashMap<>();
        graph.forEach(l -> byPredecessor.computeIfAbsent(l.succession().predecessorId(), k -> new ArrayList<>()).add(l));
        for (Line first : graph) {
            for (Line then : byPredecessor.getOrDefault(first.succession().successorId(), List.of())) {
                if (then.succession().date().isAfter(first.succession().date())
                        || (first.line() == STORED && then.line() == STORED)) {
                    continue;
                }
                Line at = then.line() > first.line() ? then : first;
                Line other = at == then ? first : then;
                Succession a = first.succession();
                Succession b = then.succession();
                problem(at, "date", a.successorId() + " takes over from " + a.predecessorId() + " on " + a.date()
                        + " but is succeeded by " + b.successorId() + " on " + b.date() + " (" + where(other)
                        + "); dates along a chain must increase: an organisation is succeeded only after it took over");
            }
        }
    }

    private static String where(Line line) {
        return line.line() == STORED ? "already stored" : "line " + line.line();
    }

    private void problem(Line row, String column, String message) {
        problems.add(new Problem(file, row.line(), column, message));
    }
}
