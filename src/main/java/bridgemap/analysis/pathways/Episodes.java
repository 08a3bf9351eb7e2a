package bridgemap.analysis.pathways;

import bridgemap.analysis.gaps.CaseChain;
import bridgemap.analysis.gaps.DeadEnds;
import bridgemap.model.Case;
import bridgemap.model.NetworkNode;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.Referral;
import bridgemap.model.ReferralHistory;
import bridgemap.model.SettingKind;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * People's chains of referrals from an entry into the criminal-justice pathway (docs/analysis.md, "Pathways").
 *
 * <p>Definition. A case's referrals are taken in chain order (date, then referral id). A chain <em>starts</em> at
 * a referral from a criminal-justice setting (police custody, a magistrates' court or Crown Court, a probation
 * office, a prison) made when the case had no referral in the {@value #GAP_DAYS} days before it. It
 * <em>goes on</em> with each next referral dated at most {@value #GAP_DAYS} days after the one before and at most
 * {@value #LONGEST_DAYS} days after the start; the first referral that breaks either rule ends it (a later chain
 * can start only after another gap of more than {@value #GAP_DAYS} days). Each person counts once, with the first
 * chain that starts in the cohort's period at a setting of its entry kind. How the chain ended is judged on its
 * last referral against the last day of the data, as {@link DeadEnds} judges a case's: see {@link EpisodeOutcome}.
 *
 * <p>O(r log r) for r referrals in the history.
 */
public final class Episodes {

    /** A referral more than this many days after the one before it does not continue a chain. */
    public static final int GAP_DAYS = 90;

    /** A chain is followed for this many days after its start at most. */
    public static final int LONGEST_DAYS = 365;

    private Episodes() {}

    /** Days of referrals: those dated after {@code after}, up to and including {@code through}. */
    public record Span(LocalDate after, LocalDate through) {

        /** The smallest span holding both. */
        public Span union(Span other) {
            return new Span(after.isBefore(other.after) ? after : other.after,
                    through.isAfter(other.through) ? through : other.through);
        }
    }

    /** The referrals a cohort's chains can need: from {@value #GAP_DAYS} days before its period to a year after it. */
    public static Span span(Cohort cohort) {
        return new Span(cohort.from().minusDays(GAP_DAYS + 1L), cohort.to().plusDays(LONGEST_DAYS));
    }

    /**
     * The cohort's chains, one per person, in the history's case order.
     *
     * @throws IllegalArgumentException when the history does not reach back far enough for the cohort's period
     */
    public static List<Episode> of(ReferralHistory history, Cohort cohort) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(cohort, "cohort");
        if (history.after().isAfter(span(cohort).after())) {
            throw new IllegalArgumentException("the history starts after " + history.after() + ": too late for entries from "
                    + cohort.from());
        }
        Map<String, List<Referral>> byCase = new LinkedHashMap<>();
        for (Referral referral : history.referrals()) {
            byCase.computeIfAbsent(referral.caseId(), id -> new ArrayList<>()).add(referral);
        }
        List<Episode> episodes = new ArrayList<>();
        for (Case subject : history.cases()) {
            List<Referral> referrals = byCase.get(subject.id());
            if (referrals != null && cohort.admits(subject)) {
                first(history, cohort, subject, referrals).ifPresent(episodes::add);
            }
        }
        return List.copyOf(episodes);
    }

    private static Optional<Episode> first(ReferralHistory history, Cohort cohort, Case subject, List<Referral> referrals) {
        List<Referral> ordered = referrals.stream().sorted(CaseChain.CHAIN_ORDER).toList();
        List<Referral> chain = null;
        Referral previous = null;
        for (Referral referral : ordered) {
            boolean goesOn = chain != null && days(previous, referral) <= GAP_DAYS && days(chain.get(0), referral) <= LONGEST_DAYS;
            if (goesOn) {
                chain.add(referral);
            } else {
                Optional<Episode> ended = admitted(history, cohort, subject, chain);
                if (ended.isPresent()) {
                    return ended;
                }
                chain = null;
                boolean fresh = previous == null || days(previous, referral) > GAP_DAYS;
                if (fresh && entryKind(history.node(referral.fromId())).isPresent()) {
                    chain = new ArrayList<>(List.of(referral));
                }
            }
            previous = referral;
        }
        return admitted(history, cohort, subject, chain);
    }

    private static Optional<Episode> admitted(ReferralHistory history, Cohort cohort, Case subject, List<Referral> chain) {
        if (chain == null) {
            return Optional.empty();
        }
        NetworkNode entry = history.node(chain.get(0).fromId());
        if (!cohort.admitsEntry(chain.get(0).date(), entryKind(entry).orElseThrow())) {
            return Optional.empty();
        }
        return Optional.of(new Episode(subject, entry, chain, outcome(chain.get(chain.size() - 1), history.dataEnd())));
    }

    /** The kind of a criminal-justice setting where a chain can start; empty for any other node. */
    static Optional<SettingKind> entryKind(NetworkNode node) {
        if (node.type() != NodeType.SETTING) {
            return Optional.empty();
        }
        return Vocabulary.parse(SettingKind.class, node.kind()).filter(kind -> kind != SettingKind.COMMUNITY);
    }

    /** How a chain whose last referral is {@code last} stands on {@code dataEnd}. */
    static EpisodeOutcome outcome(Referral last, LocalDate dataEnd) {
        boolean resolved = !last.date().isAfter(dataEnd.minusDays(DeadEnds.RESOLUTION_DAYS));
        if (!resolved || last.outcome() == Outcome.PENDING) {
            return EpisodeOutcome.OPEN;
        }
        return last.outcome() == Outcome.ACCEPTED ? EpisodeOutcome.ENGAGED : EpisodeOutcome.DEAD_END;
    }

    static long days(Referral earlier, Referral later) {
        return ChronoUnit.DAYS.between(earlier.date(), later.date());
    }
}
