package bridgemap.demo;

import static bridgemap.demo.Needs.HOU;
import static bridgemap.demo.Needs.LD;
import static bridgemap.demo.Needs.WOM;
import static bridgemap.demo.Needs.bit;

import bridgemap.demo.ReferralOutcomes.Decision;
import bridgemap.demo.SyntheticEstate.Authority;
import bridgemap.demo.SyntheticEstate.Offer;
import bridgemap.demo.SyntheticEstate.Site;
import bridgemap.demo.SyntheticStaff.Post;
import bridgemap.model.Agency;
import bridgemap.model.Case;
import bridgemap.model.Gender;
import bridgemap.model.Outcome;
import bridgemap.model.Practitioner;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The pseudonymous cases of a {@link SyntheticBundle} and their referral chains, kept in a {@link CaseBook}.
 *
 * <p>A case enters at a setting near home (custody, court, probation, prison — prisons are sometimes far away);
 * where a practitioner is placed, it is referred to them and they broker referrals to services of the home
 * authority; elsewhere the setting refers directly or through the regional broker. After an acceptance a community
 * practitioner of the accepting agency may refer on for the remaining needs. Some people come back (a new episode
 * months later). Most referrals stay within the home authority. Brokered referrals are accepted more often than
 * direct ones <em>because this generator says so</em> ({@link ReferralOutcomes}).
 */
final class SyntheticCases {

    /** Entry weights: custody, magistrates' court, Crown Court, probation, prison. */
    private static final double[] ENTRY_W = {38, 27, 6, 19, 10};
    private static final double REENTRY = 0.70;

    /** A case being generated: the model case, its home authority and its needs as a mask. */
    private record Person(Case subject, Authority home, int needs) { }

    private final SyntheticScale scale;
    private final SplittableRandom rnd;
    private final SyntheticEstate estate;
    private final CaseBook book;
    private final LocalDate first;
    private final LocalDate last;

    private SyntheticCases(SyntheticScale scale, SyntheticEstate estate, SplittableRandom rnd, CaseBook book) {
        this.scale = scale;
        this.rnd = rnd;
        this.estate = estate;
        this.book = book;
        this.first = scale.first();
        this.last = scale.last();
    }

    /** Draws {@code scale.cases()} people and their chains through {@code estate} from {@code rnd} into {@code book}. */
    static void generate(SyntheticScale scale, SyntheticEstate estate, SplittableRandom rnd, CaseBook book,
            ProgressListener progress) {
        new SyntheticCases(scale, estate, rnd, book).generate(progress);
    }

    private void generate(ProgressListener progress) {
        double[] weights = estate.authorities.stream().mapToDouble(a -> a.weight).toArray();
        for (int i = 0; i < scale.cases(); i++) {
            Authority home = estate.authorities.get(Draws.pick(rnd, weights));
            Gender gender = Draws.gender(rnd);
            Person c = newCase(home, gender);
            List<Referral> chain = new ArrayList<>();
            LocalDate d = first.plusDays(rnd.nextInt(scale.days()));
            while (!d.isAfter(last)) {
                Site entry = entryFor(home, gender);
                episode(c, entry, d, chain);
                if (rnd.nextDouble() >= REENTRY) {
                    break;
                }
                d = d.plusDays(rnd.nextInt(45, 300));
            }
            book.commit(c.subject(), chain);
            if ((i & 1023) == 0) {
                progress.progress("generating cases", i, scale.cases());
            }
        }
        progress.progress("generating cases", scale.cases(), scale.cases());
    }

    private Person newCase(Authority home, Gender gender) {
        String id = book.newCaseId(rnd, "case-");
        String ageBand = Draws.ageBand(rnd);
        int needs = Needs.draw(rnd, gender == Gender.FEMALE, 0.45);
        return new Person(new Case(id, home.id(), ageBand, gender, Needs.codes(needs)), home, needs);
    }

    private Site entryFor(Authority home, Gender gender) {
        return switch (Draws.pick(rnd, ENTRY_W)) {
            case 0 -> {
                if (!home.custody.isEmpty() && rnd.nextDouble() < 0.75) {
                    yield home.custody.get(rnd.nextInt(home.custody.size()));
                }
                List<Site> suites = estate.suitesOfForce.get(home.force);
                yield suites.get(rnd.nextInt(suites.size()));
            }
            case 1 -> home.court;
            case 2 -> home.crown;
            case 3 -> home.probation;
            default -> {
                List<Site> near = estate.prisonsOfRegion.get(home.regionIndex);
                if (!near.isEmpty() && rnd.nextDouble() < 0.7) {
                    yield near.get(rnd.nextInt(near.size()));
                }
                yield estate.prisons.isEmpty() ? home.probation : estate.prisons.get(rnd.nextInt(estate.prisons.size()));
            }
        };
    }

    /** One episode: the entry setting refers the person on, to a placed practitioner if there is one. */
    private void episode(Person c, Site entry, LocalDate d, List<Referral> chain) {
        List<Practitioner> placed = new ArrayList<>();
        for (Post post : entry.posts) {
            Practitioner holder = post.holderOn(d);
            if (holder != null) {
                placed.add(holder);
            }
        }
        if (!placed.isEmpty()) {
            Practitioner broker = placed.get(rnd.nextInt(placed.size()));
            double u = rnd.nextDouble();
            if (u < 0.92) {
                chain.add(ref(d, c, entry.id(), broker.id(), pendingOr(d, Outcome.ACCEPTED), ""));
                brokered(c, broker.id(), d.plusDays(rnd.nextInt(1, 15)), chain, c.needs(), 0);
            } else {
                boolean withdrawn = u < 0.96;
                chain.add(ref(d, c, entry.id(), broker.id(), withdrawn ? Outcome.WITHDRAWN : Outcome.DECLINED,
                        withdrawn ? "case disposed before assessment" : "no mental health need identified"));
                if (rnd.nextDouble() < 0.4) {
                    direct(c, entry, d.plusDays(rnd.nextInt(1, 15)), chain, 2);
                }
            }
            return;
        }
        double viaBroker = switch (entry.kind()) {
            case POLICE_CUSTODY, MAGISTRATES_COURT, CROWN_COURT -> 0.45;
            case PROBATION_OFFICE -> 0.25;
            default -> 0.0;
        };
        if (rnd.nextDouble() < viaBroker) {
            Agency broker = estate.brokers.get(entry.authority.regionIndex);
            Outcome outcome = pendingOr(d, agencyOutcome(0.85, 0.08));
            chain.add(ref(d, c, entry.id(), broker.id(), outcome,
                    outcome == Outcome.DECLINED ? "outside the service's criteria" : ""));
            if (outcome == Outcome.ACCEPTED) {
                brokered(c, broker.id(), d.plusDays(rnd.nextInt(2, 22)), chain, c.needs(), 0);
            }
            return;
        }
        direct(c, entry, d, chain, 3);
    }

    /**
     * A broker (placed practitioner, regional broker or community practitioner) refers on to services of the
     * person's authority until every need is met or the chain stops.
     */
    private void brokered(Person c, String from, LocalDate start, List<Referral> chain, int needs, int depth) {
        if (rnd.nextDouble() < 0.08) {
            return; // advice only: no onward referral
        }
        int remaining = needs;
        if ((remaining & bit(WOM)) != 0 && rnd.nextDouble() < 0.4) {
            remaining &= ~bit(WOM); // women's needs are often left to the others
        }
        if (remaining == 0) {
            return;
        }
        LocalDate d = start;
        List<Offer> tried = new ArrayList<>();
        for (int n = 0; n < 4 && remaining != 0; n++) {
            if (d.isAfter(last)) {
                return;
            }
            Offer svc = chooseService(c, remaining, d, tried, true);
            Outcome outcome;
            if (svc == null) {
                int need = Needs.lowest(remaining);
                Agency agency = need == HOU || need == LD || need == WOM ? c.home().council : c.home().trust;
                outcome = pendingOr(d, agencyOutcome(0.45, 0.30));
                String why = anyServiceAccepts(c.home(), need, d) ? "no further service to try"
                        : "no service accepts " + ReferralOutcomes.needLabel(Needs.code(need));
                chain.add(ref(d, c, from, agency.id(), outcome, outcome == Outcome.DECLINED ? why : ""));
                if (outcome != Outcome.PENDING) {
                    remaining &= ~bit(need);
                }
            } else {
                tried.add(svc);
                String agencyId = svc.service().agencyId();
                Practitioner named = depth < 2 && rnd.nextDouble() < 0.12 ? communityOf(c.home(), agencyId, d, from) : null;
                Decision or = serviceOutcome(c, svc, true);
                outcome = pendingOr(d, or.outcome());
                String reason = outcome == Outcome.PENDING ? "" : or.reason();
                chain.add(ref(d, c, from, named != null ? named.id() : svc.id(), outcome, reason));
                if (outcome == Outcome.ACCEPTED) {
                    remaining &= ~svc.accepts();
                    if (named != null) {
                        brokered(c, named.id(), d.plusDays(rnd.nextInt(7, 41)), chain, remaining, depth + 1);
                        return;
                    }
                    if (remaining != 0 && depth < 2 && rnd.nextDouble() < 0.7) {
                        Practitioner worker = communityOf(c.home(), agencyId, d, from);
                        if (worker != null) {
                            brokered(c, worker.id(), d.plusDays(rnd.nextInt(7, 41)), chain, remaining, depth + 1);
                            return;
                        }
                    }
                } else if (outcome == Outcome.WITHDRAWN || outcome == Outcome.PENDING || rnd.nextDouble() > 0.7) {
                    return;
                }
            }
            if (outcome == Outcome.PENDING) {
                return;
            }
            d = d.plusDays(rnd.nextInt(5, 22));
        }
    }

    /** The setting refers straight to a service or an agency, no broker, sometimes trying again. */
    private void direct(Person c, Site entry, LocalDate start, List<Referral> chain, int max) {
        LocalDate d = start;
        List<Offer> tried = new ArrayList<>();
        for (int i = 0; i < max && !d.isAfter(last); i++) {
            Offer svc = rnd.nextDouble() < 0.7 ? chooseService(c, c.needs(), d, tried, false) : null;
            Outcome outcome;
            if (svc == null) {
                Agency agency = rnd.nextDouble() < 0.6 ? c.home().council : c.home().trust;
                outcome = pendingOr(d, agencyOutcome(0.30, 0.25));
                chain.add(ref(d, c, entry.id(), agency.id(), outcome,
                        outcome == Outcome.DECLINED ? "insufficient information" : ""));
            } else {
                tried.add(svc);
                Decision or = serviceOutcome(c, svc, false);
                outcome = pendingOr(d, or.outcome());
                chain.add(ref(d, c, entry.id(), svc.id(), outcome, outcome == Outcome.PENDING ? "" : or.reason()));
            }
            if (outcome == Outcome.ACCEPTED || outcome == Outcome.PENDING || outcome == Outcome.WITHDRAWN
                    || rnd.nextDouble() > 0.3) {
                return;
            }
            d = d.plusDays(rnd.nextInt(14, 43));
        }
    }

    /** A community practitioner of agency {@code agencyId} in the authority, in post on {@code d}, other than {@code not}. */
    private Practitioner communityOf(Authority a, String agencyId, LocalDate d, String not) {
        int count = 0;
        for (Practitioner p : a.community) {
            if (p.employerId().equals(agencyId) && p.period().contains(d) && !p.id().equals(not)) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int k = rnd.nextInt(count);
        for (Practitioner p : a.community) {
            if (p.employerId().equals(agencyId) && p.period().contains(d) && !p.id().equals(not) && k-- == 0) {
                return p;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private static boolean anyServiceAccepts(Authority a, int need, LocalDate d) {
        for (Offer s : a.services) {
            if (s.activeOn(d) && (s.accepts() & bit(need)) != 0) {
                return true;
            }
        }
        return false;
    }

    /**
     * Candidate services: active, serving the authority, not tried, accepting a remaining need. A broker mostly
     * picks the best fit (most needs accepted, none of the person's needs excluded); a setting goes by the first need.
     */
    private Offer chooseService(Person c, int remaining, LocalDate d, List<Offer> tried, boolean broker) {
        List<Offer> candidates = new ArrayList<>();
        for (Offer s : c.home().services) {
            if ((s.accepts() & remaining) != 0 && s.activeOn(d) && !tried.contains(s)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (broker && rnd.nextDouble() < 0.8) {
            Offer best = null;
            int bestScore = Integer.MIN_VALUE;
            for (Offer s : candidates) {
                int score = 2 * Integer.bitCount(s.accepts() & remaining) - 3 * Integer.bitCount(s.excludes() & c.needs());
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            return best;
        }
        int firstNeed = bit(Needs.lowest(remaining));
        List<Offer> byFirst = candidates.stream().filter(s -> (s.accepts() & firstNeed) != 0).toList();
        List<Offer> pool = byFirst.isEmpty() ? candidates : byFirst;
        return pool.get(rnd.nextInt(pool.size()));
    }

    private Decision serviceOutcome(Person c, Offer s, boolean brokered) {
        int excluded = s.excludes() & c.needs();
        return ReferralOutcomes.toService(rnd, excluded == 0 ? null : Needs.code(Needs.lowest(excluded)), brokered);
    }

    private Outcome agencyOutcome(double accept, double decline) {
        return ReferralOutcomes.toAgency(rnd, accept, decline);
    }

    private Outcome pendingOr(LocalDate d, Outcome outcome) {
        return ReferralOutcomes.pendingOr(rnd, d, last, outcome);
    }

    private static Referral ref(LocalDate d, Person c, String from, String to, Outcome outcome, String reason) {
        return CaseBook.referral(c.subject(), d, from, to, outcome, reason);
    }
}
