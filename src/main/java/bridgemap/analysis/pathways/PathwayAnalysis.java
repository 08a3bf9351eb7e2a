package bridgemap.analysis.pathways;

import bridgemap.analysis.outcomes.Proportion;
import bridgemap.analysis.outcomes.ProportionDifference;
import bridgemap.analysis.pathways.ComparisonResult.CohortOutcomes;
import bridgemap.analysis.pathways.ComparisonResult.Outcomes;
import bridgemap.analysis.pathways.PathwaysResult.PathwayType;
import bridgemap.analysis.pathways.PathwaysResult.StepDays;
import bridgemap.model.Quartiles;
import bridgemap.model.Referral;
import bridgemap.model.ReferralHistory;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Tally;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Researchers' pathways (docs/analysis.md, "Pathways"): the chains of a cohort ({@link Episodes}) grouped into
 * pathway types at a level, with how many people followed each, how their chains ended and how long each step
 * took; and one cohort set against another, brokered entry against direct.
 *
 * <p>A pathway type is the list of its steps' names: the entry setting, then where each referral of the chain
 * went, at most {@value #MOST_STEPS} steps — a longer chain's later steps are one step, {@value #FURTHER}. A step's
 * days are the days between the referral into the step before it and the referral into it.
 *
 * <p>O(r log r + e·s) for r referrals in the history and e chains of at most s steps.
 */
public final class PathwayAnalysis {

    /** Steps named one by one, the entry included. */
    public static final int MOST_STEPS = 5;

    /** The name of the step that stands for a long chain's later steps. */
    public static final String FURTHER = "further steps";

    private static final int PEOPLE = 0;

    private PathwayAnalysis() {}

    /** The cohort's pathway types at {@code level}, most people first (then by their steps). */
    public static PathwaysResult pathways(ReferralHistory history, Cohort cohort, PathwayLevel level) {
        Objects.requireNonNull(level, "level");
        List<Episode> episodes = Episodes.of(history, cohort);
        Map<String, String> serviceKinds = new HashMap<>();
        for (Service service : history.services()) {
            if (service.kind() != null) {
                serviceKinds.put(service.id(), service.kind());
            }
        }
        Map<List<String>, Group> groups = new LinkedHashMap<>();
        Group everyone = new Group(0);
        for (Episode episode : episodes) {
            List<String> steps = steps(history, episode, level, serviceKinds);
            groups.computeIfAbsent(steps, s -> new Group(Math.max(0, Math.min(episode.referrals().size(), MOST_STEPS - 1) - 1)))
                    .add(episode);
            everyone.add(episode);
        }
        List<PathwayType> types = new ArrayList<>();
        groups.forEach((steps, group) -> types.add(group.type(steps)));
        types.sort(Comparator.comparing(PathwayType::people, Comparator.reverseOrder())
                .thenComparing(type -> String.join(" → ", type.steps())));
        return new PathwaysResult(cohort, level, history.dataEnd(), everyone.counts.get(PEOPLE),
                everyone.counts.get(1 + EpisodeOutcome.ENGAGED.ordinal()), everyone.counts.get(1 + EpisodeOutcome.DEAD_END.ordinal()),
                everyone.counts.get(1 + EpisodeOutcome.OPEN.ordinal()), everyone.toLast(), types);
    }

    /** The steps' names of a chain at {@code level}: its entry, then where each referral went. */
    static List<String> steps(ReferralHistory history, Episode episode, PathwayLevel level, Map<String, String> serviceKinds) {
        List<String> steps = new ArrayList<>();
        steps.add(level.label(episode.entry(), serviceKinds));
        for (Referral referral : episode.referrals()) {
            if (steps.size() == MOST_STEPS - 1 && episode.referrals().size() > MOST_STEPS - 1) {
                steps.add(FURTHER);
                break;
            }
            steps.add(level.label(history.node(referral.toId()), serviceKinds));
        }
        return List.copyOf(steps);
    }

    /** The two cohorts' outcomes and their differences (first − second). */
    public static ComparisonResult compare(ReferralHistory history, Cohort first, Cohort second) {
        CohortOutcomes a = outcomes(history, first);
        CohortOutcomes b = outcomes(history, second);
        return new ComparisonResult(a, b, new ProportionDifference(a.all().engagement(), b.all().engagement()),
                new ProportionDifference(a.all().deadEndRate(), b.all().deadEndRate()));
    }

    /**
     * How one cohort's chains ended: all, brokered (the first referral from the entry went to a voluntary-sector
     * node, such as an FMHP) and direct (it went anywhere else).
     */
    public static CohortOutcomes outcomes(ReferralHistory history, Cohort cohort) {
        List<Episode> episodes = Episodes.of(history, cohort);
        List<Episode> brokered = new ArrayList<>();
        List<Episode> direct = new ArrayList<>();
        for (Episode episode : episodes) {
            boolean viaBroker = history.node(episode.first().toId()).sector() == Sector.VOLUNTARY;
            (viaBroker ? brokered : direct).add(episode);
        }
        Outcomes viaBrokers = outcomes(brokered);
        Outcomes straight = outcomes(direct);
        return new CohortOutcomes(cohort, outcomes(episodes), viaBrokers, straight,
                new ProportionDifference(viaBrokers.engagement(), straight.engagement()));
    }

    private static Outcomes outcomes(List<Episode> episodes) {
        Group group = new Group(0);
        episodes.forEach(group::add);
        Tally engaged = group.counts.get(1 + EpisodeOutcome.ENGAGED.ordinal());
        Tally deadEnds = group.counts.get(1 + EpisodeOutcome.DEAD_END.ordinal());
        Tally ended = engaged.plus(deadEnds);
        return new Outcomes(group.counts.get(PEOPLE), engaged, deadEnds, group.counts.get(1 + EpisodeOutcome.OPEN.ordinal()),
                new Proportion(engaged, ended), new Proportion(deadEnds, ended));
    }

    /** The chains of one pathway type (or of a whole cohort) as they are counted. */
    private static final class Group {
        final Tally.Counter counts = new Tally.Counter(1 + EpisodeOutcome.values().length);
        final List<List<Integer>> stepDays = new ArrayList<>();
        final List<Integer> toLast = new ArrayList<>();

        Group(int timedSteps) {
            for (int i = 0; i < timedSteps; i++) {
                stepDays.add(new ArrayList<>());
            }
        }

        void add(Episode episode) {
            int key = episode.subject().cellKey();
            counts.add(PEOPLE, key);
            counts.add(1 + episode.outcome().ordinal(), key);
            List<Referral> referrals = episode.referrals();
            for (int i = 0; i < stepDays.size(); i++) {
                stepDays.get(i).add((int) Episodes.days(referrals.get(i), referrals.get(i + 1)));
            }
            toLast.add((int) Episodes.days(episode.first(), episode.last()));
        }

        Quartiles toLast() {
            return Quartiles.of(toLast.stream().mapToInt(Integer::intValue).toArray(), counts.get(PEOPLE));
        }

        PathwayType type(List<String> steps) {
            List<StepDays> days = new ArrayList<>();
            for (int i = 0; i < stepDays.size(); i++) {
                days.add(new StepDays(steps.get(i + 1), steps.get(i + 2),
                        Quartiles.of(stepDays.get(i).stream().mapToInt(Integer::intValue).toArray(), counts.get(PEOPLE))));
            }
            return new PathwayType(steps, counts.get(PEOPLE), counts.get(1 + EpisodeOutcome.ENGAGED.ordinal()),
                    counts.get(1 + EpisodeOutcome.DEAD_END.ordinal()), counts.get(1 + EpisodeOutcome.OPEN.ordinal()), days,
                    toLast());
        }
    }
}
