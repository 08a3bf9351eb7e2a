package bridgemap.analysis.gaps;

import bridgemap.analysis.gaps.ExclusionConflictsResult.ExclusionConflict;
import bridgemap.analysis.gaps.ExclusionConflictsResult.ServiceStance;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Service;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * People whose combination of needs no single service takes: "between two stools".
 *
 * <p>Definition ({@code docs/analysis.md}, "Exclusion conflicts"): for each borough B and each distinct
 * need set S held by B's in-scope cases (empty need sets skipped), over the services active on D that
 * serve B: {@code served} when one service accepts every need in S and excludes none of them;
 * {@code unserved} when some need in S is accepted by no such service; {@code split} otherwise. Each row
 * counts the cases behind it — counts only, never case ids.
 *
 * <p>Choices: a case's needs are a set (a repeated need counts once) written in the order of the
 * snapshot's need vocabulary (needs outside it after, alphabetically); an {@code unserved} row lists the
 * services that accept some of S as well as the needs nobody accepts, so a reader sees who is there;
 * services are listed by name, then id. Each row also lists its <em>blocked needs</em>: needs of S that
 * only services excluding some need of S accept, so that whoever takes them turns the person away for
 * another — the real "between two stools". A {@code split} with no blocked need is a set that services
 * could take side by side (a mental-health team for the mood disorder, a drug service for the alcohol);
 * such rows come after the split rows with blocked needs. Boroughs without in-scope cases have no
 * rows. A borough filter keeps that borough's rows.
 *
 * <p>O(c·k + g·s·k) for c cases, g distinct (borough, need set) groups, s services and k needs per set.
 */
public final class ExclusionConflicts {

    private ExclusionConflicts() {}

    /**
     * The exclusion conflicts of every borough, or of one.
     *
     * @throws IllegalArgumentException when the filter names a borough the snapshot does not have
     */
    public static ExclusionConflictsResult compute(NetworkSnapshot snapshot, String boroughFilter) {
        Objects.requireNonNull(snapshot, "snapshot");
        return ofChains(snapshot, CaseChain.of(snapshot, boroughFilter));
    }

    /** The exclusion conflicts of the cases of {@code chains} ({@link CaseChain#of}, which checked the filter). */
    static ExclusionConflictsResult ofChains(NetworkSnapshot snapshot, List<CaseChain> chains) {
        Comparator<String> needOrder = AsOfRules.needOrder(snapshot);
        Map<String, Map<List<String>, Tally>> groups = new LinkedHashMap<>();
        for (CaseChain chain : chains) {
            TreeSet<String> needs = new TreeSet<>(needOrder);
            needs.addAll(chain.subject().needIds());
            if (!needs.isEmpty()) {
                groups.computeIfAbsent(chain.subject().boroughId(), b -> new LinkedHashMap<>())
                        .merge(List.copyOf(needs), Tally.of(chain.subject().cellKey()), Tally::plus);
            }
        }
        List<Service> services = AsOfRules.activeServices(snapshot).stream()
                .sorted(Comparator.comparing((Service s) -> snapshot.node(s.id()).name()).thenComparing(Service::id))
                .toList();
        List<ExclusionConflict> rows = new ArrayList<>();
        groups.forEach((boroughId, needSets) -> {
            List<Service> serving = services.stream().filter(s -> s.boroughIds().contains(boroughId)).toList();
            String boroughName = AsOfRules.boroughName(snapshot, boroughId);
            needSets.forEach((needs, cases) -> rows.add(classify(snapshot, boroughId, boroughName, needs, cases, serving)));
        });
        rows.sort(Comparator.comparing(ExclusionConflict::status)
                .thenComparing(row -> row.status() == ConflictStatus.SPLIT && row.blockedNeeds().isEmpty())
                .thenComparing(ExclusionConflict::cases, Comparator.reverseOrder())
                .thenComparing(ExclusionConflict::boroughName)
                .thenComparing(row -> String.join(";", row.needs())));
        return new ExclusionConflictsResult(rows);
    }

    private static ExclusionConflict classify(
            NetworkSnapshot snapshot, String boroughId, String boroughName, List<String> needs, Tally cases,
            List<Service> serving) {
        List<ServiceStance> whole = new ArrayList<>();
        List<ServiceStance> partial = new ArrayList<>();
        for (Service service : serving) {
            List<String> accepts = needs.stream().filter(n -> service.accepts().contains(n)).toList();
            List<String> excludes = needs.stream().filter(n -> service.excludes().contains(n)).toList();
            if (accepts.isEmpty()) {
                continue;
            }
            ServiceStance stance = new ServiceStance(snapshot.node(service.id()), accepts, excludes);
            partial.add(stance);
            if (accepts.size() == needs.size() && excludes.isEmpty()) {
                whole.add(stance);
            }
        }
        if (!whole.isEmpty()) {
            return new ExclusionConflict(boroughId, boroughName, needs, ConflictStatus.SERVED, cases, List.of(), List.of(), whole);
        }
        List<String> blocked = needs.stream()
                .filter(n -> partial.stream().anyMatch(s -> s.accepts().contains(n))
                        && partial.stream().noneMatch(s -> s.accepts().contains(n) && s.excludes().isEmpty()))
                .toList();
        List<String> unaccepted = needs.stream()
                .filter(n -> partial.stream().noneMatch(s -> s.accepts().contains(n)))
                .toList();
        ConflictStatus status = unaccepted.isEmpty() ? ConflictStatus.SPLIT : ConflictStatus.UNSERVED;
        return new ExclusionConflict(boroughId, boroughName, needs, status, cases, blocked, unaccepted, partial);
    }
}
