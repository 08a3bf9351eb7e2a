package bridgemap.analysis.planning;

import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.Funding;
import bridgemap.model.NetworkNode;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.NodeType;
import bridgemap.model.Partnership;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.Scenario;
import bridgemap.model.Setting;
import bridgemap.model.Succession;
import bridgemap.model.Successions;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Applies a {@link Scenario} to a copy of a snapshot. Changes apply in order; every reference is checked
 * first and all problems are reported together. The store is never touched.
 *
 * <ul>
 *   <li>add a post: a new practitioner ({@code whatif-post-N}) placed at the setting, funded from the day;</li>
 *   <li>remove a practitioner: their placements and funding go;</li>
 *   <li>withdraw a funder: its funding ends, and the posts it alone paid for end too (as N−1 in coverage); a funder
 *       succeeded by the day ({@code successions.csv}) is not there to withdraw: its successors do, and the effect
 *       says so;</li>
 *   <li>add or remove a partnership;</li>
 *   <li>close a setting: it stays on the map as the place its people still arrive at, named "… (closed)", run by
 *       nobody, with nobody placed.</li>
 * </ul>
 *
 * <p>The people seen by a practitioner who leaves, or who came through a setting that closes, are displaced, not
 * dropped: {@link Displacement} keeps them in scope at their entry setting, unserved unless another route reaches
 * them.
 */
public final class ScenarioApplication {

    /**
     * The snapshot after the scenario, and what each change did, in words.
     *
     * @param removedPractitioners practitioners who leave or whose post ends
     * @param closedSettings settings that close
     * @param entries each displaced person (case id) → the node where they came in ({@link Displacement})
     */
    public record Applied(NetworkSnapshot after, List<String> effects, Set<String> removedPractitioners,
            Set<String> closedSettings, Map<String, String> entries) {

        public Applied {
            effects = List.copyOf(effects);
            removedPractitioners = Collections.unmodifiableSet(new LinkedHashSet<>(removedPractitioners));
            closedSettings = Collections.unmodifiableSet(new LinkedHashSet<>(closedSettings));
            entries = Collections.unmodifiableMap(new LinkedHashMap<>(entries));
        }
    }

    private final NetworkSnapshot before;
    private final LocalDate day;
    private final Map<String, NetworkNode> nodes;
    private final List<Setting> settings;
    private final List<Practitioner> practitioners;
    private final List<Placement> placements;
    private final List<Funder> funders;
    private final List<Funding> funding;
    private final List<Partnership> partnerships;
    private final List<Referral> referrals;
    private final Successions successions;
    private final List<String> effects = new ArrayList<>();
    private final List<String> problems = new ArrayList<>();
    private final Set<String> removedPractitioners = new LinkedHashSet<>();
    private final Set<String> closedSettings = new LinkedHashSet<>();
    private int posts;
    private int newFunders;

    private ScenarioApplication(NetworkSnapshot before) {
        this.before = before;
        this.day = before.asOf();
        this.nodes = new LinkedHashMap<>(before.nodes());
        this.settings = new ArrayList<>(before.settings());
        this.practitioners = new ArrayList<>(before.practitioners());
        this.placements = new ArrayList<>(before.placements());
        this.funders = new ArrayList<>(before.funders());
        this.funding = new ArrayList<>(before.funding());
        this.partnerships = new ArrayList<>(before.partnerships());
        this.referrals = new ArrayList<>(before.referrals());
        this.successions = new Successions(before.successions());
    }

    /** The snapshot after {@code scenario}; a {@link ScenarioException} lists every change that cannot apply. */
    public static Applied apply(NetworkSnapshot snapshot, Scenario scenario) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(scenario, "scenario");
        ScenarioApplication application = new ScenarioApplication(snapshot);
        for (int i = 0; i < scenario.changes().size(); i++) {
            application.change("changes[" + i + "]", scenario.changes().get(i));
        }
        if (!application.problems.isEmpty()) {
            throw new ScenarioException(application.problems);
        }
        return application.result();
    }

    private void change(String path, Scenario.Change change) {
        if (change instanceof Scenario.AddPost add) {
            addPost(path, add);
        } else if (change instanceof Scenario.RemovePractitioner remove) {
            removePractitioner(path, remove);
        } else if (change instanceof Scenario.WithdrawFunder withdraw) {
            withdrawFunder(path, withdraw);
        } else if (change instanceof Scenario.AddPartnership add) {
            addPartnership(path, add);
        } else if (change instanceof Scenario.RemovePartnership remove) {
            removePartnership(path, remove);
        } else if (change instanceof Scenario.CloseSetting close) {
            closeSetting(path, close);
        } else {
            throw new IllegalArgumentException("unknown change " + change);
        }
    }

    private void addPost(String path, Scenario.AddPost add) {
        int problemsBefore = problems.size();
        Setting setting = null;
        if (add.settingId() != null) {
            setting = find(settings, Setting::id, add.settingId());
            if (setting == null) {
                problems.add(path + ".setting: unknown setting \"" + add.settingId() + "\"");
            } else if (closedSettings.contains(setting.id())) {
                problems.add(path + ".setting: \"" + add.settingId() + "\" is closed by an earlier change");
            } else if (add.boroughId() != null && !before.boroughsServed().get(setting.id()).contains(add.boroughId())) {
                problems.add(path + ".setting: \"" + add.settingId() + "\" is not in borough " + add.boroughId());
            }
        } else if (add.boroughId() == null || add.settingKind() == null) {
            problems.add(path + ": give a setting, or a borough and a setting kind");
        } else if (before.boroughs().stream().noneMatch(b -> b.id().equals(add.boroughId()))) {
            problems.add(path + ".borough: unknown borough \"" + add.boroughId() + "\"");
        } else {
            // A setting standing in the borough, else one whose catchment includes it (Camberwell Green for Lambeth).
            var served = before.boroughsServed();
            setting = settings.stream()
                    .filter(s -> served.getOrDefault(s.id(), List.of()).contains(add.boroughId()) && s.kind() == add.settingKind())
                    .filter(s -> !closedSettings.contains(s.id()))
                    .min(Comparator.comparing((Setting s) -> !add.boroughId().equals(s.boroughId()))
                            .thenComparing(Setting::name).thenComparing(Setting::id)).orElse(null);
            if (setting == null) {
                problems.add(path + ".settingKind: borough " + add.boroughId() + " has no " + add.settingKind().code());
            }
        }
        if (!(add.fte() > 0 && add.fte() <= 1.5)) {
            problems.add(path + ".fte: " + add.fte() + " is out of range (more than 0, at most 1.5)");
        }
        LocalDate start = add.start() == null ? day : add.start();
        if (start.isAfter(day)) {
            problems.add(path + ".start: " + start + " is after the as-of day " + day + "; the post would not show");
        }
        if (add.end() != null && add.end().isBefore(day)) {
            problems.add(path + ".end: " + add.end() + " is before the as-of day " + day);
        }
        String employer = add.employerId() != null ? add.employerId() : usualEmployer();
        if (employer == null || !nodes.containsKey(employer) || nodes.get(employer).type() != NodeType.AGENCY) {
            problems.add(path + ".employer: " + (employer == null ? "give the employing agency"
                    : "unknown agency \"" + employer + "\""));
        }
        Funder funder = null;
        if (add.funderId() != null) {
            funder = find(funders, Funder::id, add.funderId());
            if (funder == null) {
                problems.add(path + ".funder: unknown funder \"" + add.funderId() + "\"");
            }
        } else if (add.newFunderName() != null) {
            funder = new Funder("whatif-funder-" + (++newFunders), add.newFunderName(), FunderKind.OTHER);
        }
        if (problems.size() > problemsBefore) {
            return;
        }
        String id = "whatif-post-" + (++posts);
        String role = add.role() == null ? "FMHP" : add.role();
        Period period = new Period(start, add.end());
        NetworkNode employerNode = nodes.get(employer);
        nodes.put(id, new NetworkNode(id, NodeType.PRACTITIONER, id + " at " + setting.name(), employerNode.sector(), role, null));
        practitioners.add(new Practitioner(id, role, null, employer, add.fte(), period));
        placements.add(new Placement(id, setting.id(), period));
        if (funder != null) {
            String funderId = funder.id();
            if (funders.stream().noneMatch(f -> f.id().equals(funderId))) {
                funders.add(funder);
            }
            funding.add(new Funding(funderId, id, add.amountGbp(), period));
        }
        effects.add("A new " + fte(add.fte()) + " " + role + " post at " + setting.name()
                + (funder == null ? " (no funder)" : ", funded by " + funder.name()));
    }

    /** The agency employing most practitioners in post (ties by id): where new posts go by default. */
    private String usualEmployer() {
        return practitioners.stream().collect(Collectors.groupingBy(Practitioner::employerId, Collectors.counting()))
                .entrySet().stream()
                .max(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue())
                        .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
                .map(Map.Entry::getKey).orElse(null);
    }

    private void removePractitioner(String path, Scenario.RemovePractitioner remove) {
        if (find(practitioners, Practitioner::id, remove.practitionerId()) == null) {
            problems.add(path + ".practitioner: no practitioner \"" + remove.practitionerId() + "\" is in post on " + day);
            return;
        }
        drop(Set.of(remove.practitionerId()));
        effects.add(nodes.get(remove.practitionerId()).name() + " leaves");
    }

    private void withdrawFunder(String path, Scenario.WithdrawFunder withdraw) {
        Funder named = find(funders, Funder::id, withdraw.funderId());
        if (named == null) {
            problems.add(path + ".funder: unknown funder \"" + withdraw.funderId() + "\"");
            return;
        }
        List<String> holders = heirs(named.id());
        if (!holders.equals(List.of(named.id()))) {
            // Replaced before the day: what it did is its successors' now, and they are the ones who withdraw.
            List<String> names = holders.stream().map(id -> funderName(id)).toList();
            LocalDate replaced = successions.successorsOf(named.id()).get(0).date();
            effects.add(named.name() + " was succeeded on " + Succession.day(replaced) + ": on " + day
                    + " the withdrawal applies to " + String.join(" and ", names) + ", which "
                    + (holders.size() == 1 ? "holds" : "hold") + " its role");
            holders.forEach(id -> withdraw(find(funders, Funder::id, id)));
            return;
        }
        withdraw(named);
    }

    /**
     * Who does {@code funderId}'s work on the day: the funders holding its role, then the one holding its funding
     * ({@link Successions}); itself when it was not succeeded by then.
     */
    private List<String> heirs(String funderId) {
        Set<String> heirs = new LinkedHashSet<>(successions.roleHolders(funderId, day));
        heirs.add(successions.holder(funderId, Succession.Takes.FUNDING, day));
        if (heirs.size() > 1) {
            heirs.remove(funderId);
        }
        return List.copyOf(heirs);
    }

    private String funderName(String id) {
        Funder funder = find(funders, Funder::id, id);
        return funder == null ? id : funder.name();
    }

    private void withdraw(Funder funder) {
        if (funder == null) {
            return;
        }
        Set<String> paid = funding.stream().filter(f -> f.funderId().equals(funder.id())).map(Funding::practitionerId)
                .collect(Collectors.toSet());
        funding.removeIf(f -> f.funderId().equals(funder.id()));
        Set<String> stillPaid = funding.stream().map(Funding::practitionerId).collect(Collectors.toSet());
        Set<String> lost = new HashSet<>(paid);
        lost.removeAll(stillPaid);
        drop(lost);
        effects.add(funder.name() + " withdraws: " + paid.size() + " post" + (paid.size() == 1 ? "" : "s") + " lose funding, "
                + lost.size() + " of them end (no other funder)");
    }

    /** The practitioners leave: their placements and funding go; the people they saw are displaced in {@link #result}. */
    private void drop(Set<String> practitionerIds) {
        practitioners.removeIf(p -> practitionerIds.contains(p.id()));
        placements.removeIf(p -> practitionerIds.contains(p.practitionerId()));
        funding.removeIf(f -> practitionerIds.contains(f.practitionerId()));
        removedPractitioners.addAll(practitionerIds.stream().sorted().toList());
    }

    private void addPartnership(String path, Scenario.AddPartnership add) {
        boolean ok = checkAgency(path + ".from", add.fromId()) & checkAgency(path + ".to", add.toId());
        if (add.kind() == null || add.kind().isBlank()) {
            problems.add(path + ".kind: give the kind of partnership");
            ok = false;
        }
        if (ok) {
            partnerships.add(new Partnership(add.fromId(), add.toId(), add.kind(), new Period(day, null)));
            effects.add("A new " + add.kind() + " partnership between " + nodes.get(add.fromId()).name() + " and "
                    + nodes.get(add.toId()).name());
        }
    }

    private void removePartnership(String path, Scenario.RemovePartnership remove) {
        // A partner replaced before the day whose successor took its partnerships: the partnership is the successor's.
        String from = remove.fromId() == null ? null : successions.holder(remove.fromId(), Succession.Takes.PARTNERSHIPS, day);
        String to = remove.toId() == null ? null : successions.holder(remove.toId(), Succession.Takes.PARTNERSHIPS, day);
        boolean removed = partnerships.removeIf(p -> p.fromId().equals(from) && p.toId().equals(to)
                && (remove.kind() == null || remove.kind().equals(p.kind())));
        if (!removed) {
            problems.add(path + ": no partnership from \"" + remove.fromId() + "\" to \"" + remove.toId() + "\""
                    + (remove.kind() == null ? "" : " of kind \"" + remove.kind() + "\"") + " is active on " + day);
            return;
        }
        List<String> replaced = new ArrayList<>();
        for (String[] partner : new String[][] {{remove.fromId(), from}, {remove.toId(), to}}) {
            if (!partner[0].equals(partner[1])) {
                replaced.add(name(partner[0]) + " was succeeded on "
                        + Succession.day(successions.successorsOf(partner[0]).get(0).date()) + " by " + name(partner[1]));
            }
        }
        effects.add("The partnership between " + name(from) + " and " + name(to) + " ends"
                + (replaced.isEmpty() ? "" : " (" + String.join("; ", replaced) + ")"));
    }

    private String name(String id) {
        NetworkNode node = nodes.get(id);
        return node == null ? id : node.name();
    }

    private boolean checkAgency(String path, String id) {
        NetworkNode node = id == null ? null : nodes.get(id);
        if (node == null || node.type() != NodeType.AGENCY) {
            problems.add(path + ": unknown agency \"" + id + "\"");
            return false;
        }
        return true;
    }

    private void closeSetting(String path, Scenario.CloseSetting close) {
        Setting setting = find(settings, Setting::id, close.settingId());
        if (setting == null) {
            problems.add(path + ".setting: unknown setting \"" + close.settingId() + "\"");
            return;
        }
        if (!closedSettings.add(setting.id())) {
            problems.add(path + ".setting: \"" + close.settingId() + "\" is closed by an earlier change");
            return;
        }
        String name = setting.name() + " (closed)";
        settings.set(settings.indexOf(setting), new Setting(setting.id(), name, setting.kind(), setting.boroughId(), null));
        NetworkNode node = nodes.get(setting.id());
        nodes.put(setting.id(), new NetworkNode(node.id(), node.type(), name, node.sector(), node.kind(), node.boroughId()));
        placements.removeIf(p -> p.settingId().equals(setting.id()));
        effects.add(setting.name() + " closes");
    }

    private static <T> T find(List<T> items, Function<T, String> id, String wanted) {
        for (T item : items) {
            if (id.apply(item).equals(wanted)) {
                return item;
            }
        }
        return null;
    }

    private Applied result() {
        Set<String> removed = new HashSet<>(removedPractitioners);
        removed.addAll(closedSettings);
        Displacement.Rewritten rewritten = Displacement.apply(before, removed, referrals);
        NetworkSnapshot after = new NetworkSnapshot(day, before.boroughs(), before.needs(), nodes, settings,
                before.services(), practitioners, placements, funders, funding, partnerships, before.cases(),
                rewritten.referrals(), before.catchments(), before.activity(), before.populations(), before.successions());
        return new Applied(after, effects, removedPractitioners, closedSettings, rewritten.entries());
    }

    private static String fte(double fte) {
        return String.format(java.util.Locale.ROOT, "%.1f FTE", fte);
    }
}
