package bridgemap.analysis.bottlenecks;

import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Who carried each criminal-justice setting's people to health, person by person: the working material of the
 * routes to health ({@link EntryRoutes}) and of the single points of failure, built once per analysis. It holds
 * cases, so it is never part of a result.
 *
 * <p>Definition ({@code docs/analysis.md}, "Routes to health"): a case's chain is its referrals in the window, by
 * date then id. For each criminal-justice setting S (custody suite, court, probation office, prison) that referred
 * the case, the first referral to a health node at or after S's first referral of it was made by the node that
 * <b>carried</b> the case from S to health (S itself when S referred it to health). A case counts once per setting.
 * Under a borough filter only that borough's cases count.
 *
 * <p>O(R log R) for R referrals in the window, plus the chains' quadratic worst case (one scan from each
 * criminal-justice referral to the next health referral).
 */
public final class RoutesToHealth {

    private final Map<String, Map<String, Set<Case>>> carried;

    private RoutesToHealth(Map<String, Map<String, Set<Case>>> carried) {
        this.carried = carried;
    }

    /** The cases in scope by id: every case, or one borough's ({@code borough} a GSS code, or null). */
    public static Map<String, Case> casesInScope(NetworkSnapshot snapshot, String borough) {
        Map<String, Case> inScope = new HashMap<>();
        for (Case c : snapshot.cases()) {
            if (borough == null || borough.equals(c.boroughId())) {
                inScope.put(c.id(), c);
            }
        }
        return inScope;
    }

    /** The routes of every case in the window, or of one borough's cases ({@code borough} a GSS code, or null). */
    public static RoutesToHealth of(NetworkSnapshot snapshot, String borough) {
        Objects.requireNonNull(snapshot, "snapshot");
        Map<String, Case> inScope = casesInScope(snapshot, borough);
        Map<String, List<Referral>> chains = new HashMap<>();
        for (Referral r : snapshot.referrals()) {
            if (inScope.containsKey(r.caseId())) {
                chains.computeIfAbsent(r.caseId(), id -> new ArrayList<>()).add(r);
            }
        }
        Map<String, Map<String, Set<Case>>> carried = new TreeMap<>();
        for (Map.Entry<String, List<Referral>> entry : new TreeMap<>(chains).entrySet()) {
            Case person = inScope.get(entry.getKey());
            List<Referral> chain = entry.getValue();
            chain.sort(Comparator.comparing(Referral::date).thenComparing(Referral::id));
            Set<String> counted = new HashSet<>();
            for (int i = 0; i < chain.size(); i++) {
                NetworkNode from = snapshot.node(chain.get(i).fromId());
                if (from.type() != NodeType.SETTING || from.sector() != Sector.CRIMINAL_JUSTICE || !counted.add(from.id())) {
                    continue;
                }
                for (int j = i; j < chain.size(); j++) {
                    if (snapshot.node(chain.get(j).toId()).sector() == Sector.HEALTH) {
                        carried.computeIfAbsent(from.id(), id -> new TreeMap<>())
                                .computeIfAbsent(chain.get(j).fromId(), id -> new LinkedHashSet<>()).add(person);
                        break;
                    }
                }
            }
        }
        return new RoutesToHealth(carried);
    }

    /** The criminal-justice settings some of whose people reached health, by id. */
    public Set<String> settings() {
        return Collections.unmodifiableSet(carried.keySet());
    }

    /** For one setting: who carried which of its people to health (the setting itself for those it referred there), by id. */
    public Map<String, Set<Case>> carriers(String setting) {
        return Collections.unmodifiableMap(carried.getOrDefault(setting, Map.of()));
    }

    /** Everyone the setting's chains took to health. */
    public Set<Case> people(String setting) {
        Set<Case> people = new LinkedHashSet<>();
        carriers(setting).values().forEach(people::addAll);
        return people;
    }

    /**
     * The node other than the setting itself that carried most of its people to health (ties: the smallest id),
     * if any did.
     */
    public Optional<String> mainBroker(String setting) {
        return carriers(setting).entrySet().stream().filter(e -> !e.getKey().equals(setting))
                .max(Comparator.comparingInt((Map.Entry<String, Set<Case>> e) -> e.getValue().size())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey);
    }

    /** The people counted, with their cell key (disclosure control). */
    public static Tally tally(Collection<Case> people) {
        Tally tally = Tally.ZERO;
        for (Case c : people) {
            tally = tally.plus(c.cellKey());
        }
        return tally;
    }
}
