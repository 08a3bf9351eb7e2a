package bridgemap.demo;

import bridgemap.demo.ReferralOutcomes.Decision;
import bridgemap.model.Case;
import bridgemap.model.Gender;
import bridgemap.model.Outcome;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the <b>synthetic</b> {@code cases.csv} and {@code referrals.csv} of the London demo bundle
 * ({@code data/london-demo}) from the bundle's hand-curated structural files (boroughs, agencies, settings,
 * needs, services, practitioners, placements).
 *
 * <p><b>Nothing in the output describes a real person or a real referral.</b> The structural files are a
 * reconstruction of the Together / London Probation Forensic Mental Health Practitioner (FMHP) partnership
 * from a published 2014 case study; the cases and referrals are invented by this class from a fixed seed so
 * that Bridgemap's analyses have something to work on. Case ids are random hexadecimal pseudonyms
 * ({@code c-xxxxxxxx}); there are no names, dates of birth, NHS or PNC numbers.
 *
 * <p>Assumptions built in (all of them choices of this generator, not findings):
 * <ul>
 *   <li>Each FMHP sees about {@value #FMHP_CASES_PER_FTE_YEAR} new people per full-time year while placed
 *       (case study: about 750 people assessed in 2004/05 and about 940 in 2008/09). A practitioner's cases
 *       are split over the settings they are placed at, courts weighing more than probation offices.</li>
 *   <li>A probation-office-only FMHP also takes pre-sentence requests from the borough's local magistrates'
 *       court (so that, as in 2008/09, close to 60% of FMHP cases come with a court assessment).</li>
 *   <li>Chain for an FMHP case: entry setting &rarr; FMHP (mostly accepted) &rarr; services serving the
 *       person's borough. The FMHP picks the service that accepts most of the person's needs and excludes
 *       none (with some mistakes); a referral to a service that excludes one of the needs is mostly
 *       declined; a declined or unanswered referral is often followed by another one.</li>
 *   <li>Direct referrals (a court, custody suite or probation office referring straight to a service or to
 *       a council or NHS trust, no broker) are more frequent in boroughs with no FMHP placed and are given
 *       lower acceptance and more non-response than brokered ones. That brokered referrals succeed more
 *       often is therefore an <em>assumption of this generator</em>, not evidence.</li>
 *   <li>Needs: one to three per person, drawn with plausible co-occurrence (personality disorder often with
 *       substance misuse or self-harm; {@code women_specific} only for women). Referrals dated within the
 *       last three weeks before {@link #LAST} may be {@code pending}.</li>
 * </ul>
 * Output is deterministic: one {@link SplittableRandom} with a fixed seed, every iteration in a fixed order,
 * so the same inputs and seed always give byte-identical files.
 *
 * <p>The structural files are read as an import reads them ({@link LondonDemoEstate}); people's needs are drawn as
 * the synthetic generator draws them ({@link Needs}, {@link Draws}) and their cases and referrals are kept and
 * written by the same {@link CaseBook}.
 */
public final class LondonDemoReferrals {

    /** The seed used for the committed bundle. */
    public static final long SEED = 20141001L;
    /** First and last day any case or referral may carry. */
    public static final LocalDate FIRST = LocalDate.of(1993, 6, 1);
    public static final LocalDate LAST = LocalDate.of(2014, 6, 30);
    /** New people seen per full-time FMHP per year while placed. */
    public static final int FMHP_CASES_PER_FTE_YEAR = 70;

    /** Direct-only people per borough per year in 1993 and in 2014 (times 1.6 where no FMHP is placed, 0.6 where one is). */
    static final double DIRECT_1993 = 3;
    static final double DIRECT_MAX = 9;

    /** The needs in vocabulary order, the order a person's needs are listed in. */
    private static final List<String> NEED_ORDER = Needs.codes(-1);

    /** Counts returned by {@link #generate}. */
    public record Result(int cases, int referrals, int fmhpCases, int directCases) { }

    private final LondonDemoEstate estate;
    private final SplittableRandom rnd;
    private final CaseBook book = new CaseBook(LAST);
    private int fmhpCases;
    private int directCases;

    private LondonDemoReferrals(LondonDemoEstate estate, long seed) {
        this.estate = estate;
        this.rnd = new SplittableRandom(seed);
    }

    // ---------------------------------------------------------------- entry points

    /**
     * Reads the structural CSVs in {@code bundleDir} and (re)writes {@code cases.csv} and {@code referrals.csv}
     * there. Same inputs and seed give byte-identical output.
     */
    public static Result generate(Path bundleDir, long seed) throws IOException {
        LondonDemoReferrals g = new LondonDemoReferrals(LondonDemoEstate.read(bundleDir), seed);
        g.run();
        g.book.write(bundleDir, "r-", ProgressListener.NONE);
        return new Result(g.book.cases(), g.book.referrals(), g.fmhpCases, g.directCases);
    }

    /** Usage: {@code LondonDemoReferrals [BUNDLE_DIR [SEED]]}; defaults {@code data/london-demo} and {@link #SEED}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/london-demo");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        long t0 = System.nanoTime();
        Result r = generate(dir, seed);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.printf("%s: %d cases (%d seen by an FMHP, %d direct only), %d referrals, seed %d, %d ms%n",
                dir, r.cases(), r.fmhpCases(), r.directCases(), r.referrals(), seed, ms);
    }

    // ---------------------------------------------------------------- generation

    private void run() {
        for (Practitioner p : estate.practitioners.values()) {
            if ("FMHP".equals(p.role())) {
                fmhpCasesFor(p);
            }
        }
        for (String b : estate.boroughs) {
            directCasesFor(b);
        }
    }

    private static double kindWeight(SettingKind kind) {
        return switch (kind) {
            case MAGISTRATES_COURT -> 2.3;
            case CROWN_COURT, POLICE_CUSTODY -> 1.5;
            default -> 1.0;
        };
    }

    /** Poisson arrivals of new people for one FMHP over the time they are placed. */
    private void fmhpCasesFor(Practitioner p) {
        LocalDate start = p.period().start();
        LocalDate end = p.period().end();
        LocalDate from = start.isBefore(FIRST) ? FIRST : start;
        LocalDate to = end == null || end.isAfter(LAST) ? LAST : end;
        if (from.isAfter(to)) {
            return; // a post of the Liaison and Diversion era, after the last referral day: no cases, no draws
        }
        double perDay = FMHP_CASES_PER_FTE_YEAR * p.fte() / 365.25;
        double t = 0;
        long span = ChronoUnit.DAYS.between(from, to);
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / perDay;
            if (t > span) {
                break;
            }
            LocalDate d = from.plusDays((long) t);
            List<Placement> active = estate.activePlacements(p.id(), d);
            if (active.isEmpty()) {
                continue;
            }
            double[] w = new double[active.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = kindWeight(estate.settings.get(active.get(i).settingId()).kind());
            }
            Placement at = active.get(Draws.pick(rnd, w));
            fmhpCase(p, at, active, d);
        }
    }

    private void fmhpCase(Practitioner p, Placement at, List<Placement> active, LocalDate d0) {
        Setting s = estate.settings.get(at.settingId());
        boolean probationOnly = active.stream()
                .allMatch(x -> estate.settings.get(x.settingId()).kind() == SettingKind.PROBATION_OFFICE);
        Setting entry = s;
        if (probationOnly && rnd.nextDouble() < 0.5 && estate.localCourt.containsKey(s.boroughId())) {
            entry = estate.settings.get(estate.localCourt.get(s.boroughId())); // pre-sentence assessment requested by the court
        }
        String borough = caseBorough(entry, p, active);
        boolean womensProject = p.id().startsWith("fmhp-wom-");
        Gender gender = womensProject ? (rnd.nextDouble() < 0.97 ? Gender.FEMALE : Gender.UNKNOWN)
                : entry.kind() == SettingKind.PRISON ? Gender.MALE : Draws.gender(rnd);
        Case c = newCase(borough, gender, womensProject ? 0.9 : 0.45);
        List<Referral> chain = new ArrayList<>();
        double u = rnd.nextDouble();
        if (u < 0.93) {
            chain.add(ref(d0, c, entry.id(), p.id(), Outcome.ACCEPTED, ""));
            fmhpCases++;
            LocalDate d = d0;
            if (rnd.nextDouble() < 0.12) {
                // the probation office or court also refers straight on, in parallel
                LocalDate dd = d0.plusDays(rnd.nextInt(0, 8));
                directReferral(c, entry.id(), dd, chain, new HashSet<>());
            }
            brokeredChain(c, p, d, chain);
        } else if (u < 0.97) {
            chain.add(ref(d0, c, entry.id(), p.id(), Outcome.WITHDRAWN, "case disposed before assessment"));
            if (rnd.nextDouble() < 0.4) {
                directChain(c, entry.id(), d0.plusDays(rnd.nextInt(1, 15)), chain, 2);
            }
            directCases++;
        } else {
            chain.add(ref(d0, c, entry.id(), p.id(), Outcome.DECLINED, "no mental health need identified"));
            if (rnd.nextDouble() < 0.4) {
                directChain(c, entry.id(), d0.plusDays(rnd.nextInt(1, 15)), chain, 2);
            }
            directCases++;
        }
        book.commit(c, chain);
    }

    private String caseBorough(Setting entry, Practitioner p, List<Placement> active) {
        switch (entry.kind()) {
            case MAGISTRATES_COURT: {
                String home = null;
                for (Placement x : active) {
                    Setting s = estate.settings.get(x.settingId());
                    if (s.kind() == SettingKind.PROBATION_OFFICE) {
                        home = s.boroughId();
                        break;
                    }
                }
                if (home != null && rnd.nextDouble() < 0.75) {
                    return home;
                }
                List<String> c = estate.courtCatchment.getOrDefault(entry.id(), List.of(entry.boroughId()));
                return c.get(rnd.nextInt(c.size()));
            }
            case CROWN_COURT:
            case PRISON: {
                List<String> c = LondonDemoEstate.CATCHMENT.getOrDefault(entry.id(), List.of(entry.boroughId()));
                return c.get(rnd.nextInt(c.size()));
            }
            default:
                return entry.boroughId();
        }
    }

    /** The FMHP refers on to services of the person's borough until every need is met or the chain stops. */
    private void brokeredChain(Case c, Practitioner p, LocalDate start, List<Referral> chain) {
        if (rnd.nextDouble() < 0.10) {
            return; // short-term intervention or advice to court only: no onward referral
        }
        Set<String> remaining = new LinkedHashSet<>(c.needIds());
        remaining.remove("women_specific");
        if (c.needIds().contains("women_specific") && rnd.nextDouble() < 0.6) {
            remaining.add("women_specific");
        }
        LocalDate d = start.plusDays(rnd.nextInt(3, 29));
        Set<String> tried = new HashSet<>();
        int n = 0;
        while (!remaining.isEmpty() && n < 5) {
            if (d.isAfter(LAST) || !estate.placed(p.id(), d)) {
                return;
            }
            // a community support worker in the borough (2014 L&D sites)
            List<Placement> csw = estate.cswPlacementsByBorough.getOrDefault(c.boroughId(), List.of());
            if (n == 0 && !csw.isEmpty() && rnd.nextDouble() < 0.3) {
                for (Placement x : csw) {
                    if (x.period().contains(d) && estate.placed(x.practitionerId(), d)) {
                        chain.add(ref(d, c, p.id(), x.practitionerId(), Outcome.ACCEPTED, ""));
                        break;
                    }
                }
            }
            n++;
            Outcome outcome;
            Service svc = chooseService(c, remaining, d, tried, true);
            if (svc == null) {
                String need = remaining.iterator().next();
                String agency = need.equals("housing") || need.equals("learning_disability") || need.equals("women_specific")
                        ? "la-" + c.boroughId() : estate.trustOf.get(c.boroughId());
                outcome = pendingOr(d, agencyOutcome(0.45, 0.30));
                String why = estate.anyServiceAccepts(c.boroughId(), need, d) ? "no further service to try" : "no service accepts " + ReferralOutcomes.needLabel(need);
                chain.add(ref(d, c, p.id(), agency, outcome, outcome == Outcome.DECLINED ? why : ""));
                if (outcome == Outcome.ACCEPTED) {
                    remaining.remove(need);
                } else if (outcome != Outcome.PENDING) {
                    remaining.remove(need); // nothing else to try for this need
                }
            } else {
                tried.add(svc.id());
                Decision or = serviceOutcome(c, svc, true);
                outcome = pendingOr(d, or.outcome());
                chain.add(ref(d, c, p.id(), svc.id(), outcome, outcome == Outcome.PENDING ? "" : or.reason()));
                if (outcome == Outcome.ACCEPTED) {
                    remaining.removeAll(svc.accepts());
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

    /**
     * Candidate services for the remaining needs: active, serving the borough, accepting at least one of them.
     * A broker mostly picks the best fit (most needs accepted, none of the person's needs excluded).
     */
    private Service chooseService(Case c, Set<String> remaining, LocalDate d, Set<String> tried, boolean broker) {
        List<Service> cands = new ArrayList<>();
        for (Service s : estate.services) {
            if (!tried.contains(s.id()) && s.period().contains(d) && s.boroughIds().contains(c.boroughId())
                    && !Collections.disjoint(s.accepts(), remaining)) {
                cands.add(s);
            }
        }
        if (cands.isEmpty()) {
            return null;
        }
        if (broker && rnd.nextDouble() < 0.8) {
            Service best = null;
            int bestScore = Integer.MIN_VALUE;
            for (Service s : cands) {
                int score = 0;
                for (String n : remaining) {
                    if (s.accepts().contains(n)) {
                        score += 2;
                    }
                }
                for (String n : c.needIds()) {
                    if (s.excludes().contains(n)) {
                        score -= 3;
                    }
                }
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            return best;
        }
        // no broker: go by the first need only, pick any service that takes it
        String first = remaining.iterator().next();
        List<Service> byFirst = new ArrayList<>();
        for (Service s : cands) {
            if (s.accepts().contains(first)) {
                byFirst.add(s);
            }
        }
        List<Service> pool = byFirst.isEmpty() ? cands : byFirst;
        return pool.get(rnd.nextInt(pool.size()));
    }

    private Decision serviceOutcome(Case c, Service s, boolean brokered) {
        String excluded = null;
        for (String n : NEED_ORDER) {
            if (c.needIds().contains(n) && s.excludes().contains(n)) {
                excluded = n;
                break;
            }
        }
        return ReferralOutcomes.toService(rnd, excluded, brokered);
    }

    private Outcome agencyOutcome(double accept, double decline) {
        return ReferralOutcomes.toAgency(rnd, accept, decline);
    }

    private Outcome pendingOr(LocalDate d, Outcome outcome) {
        return ReferralOutcomes.pendingOr(rnd, d, LAST, outcome);
    }

    /** People referred by a setting straight to services or agencies, never seen by an FMHP. */
    private void directCasesFor(String borough) {
        double maxPerDay = DIRECT_MAX * 1.6 / 365.25;
        long span = ChronoUnit.DAYS.between(FIRST, LAST);
        double t = 0;
        List<String> custody = new ArrayList<>();
        for (Setting s : estate.settings.values()) {
            if (s.kind() == SettingKind.POLICE_CUSTODY && s.boroughId().equals(borough)) {
                custody.add(s.id());
            }
        }
        String probation = estate.probationOffice(borough);
        String court = estate.localCourt.get(borough);
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / maxPerDay;
            if (t > span) {
                break;
            }
            LocalDate d = FIRST.plusDays((long) t);
            double years = ChronoUnit.DAYS.between(FIRST, d) / 365.25;
            double base = DIRECT_1993 + (DIRECT_MAX - DIRECT_1993) * years / 21.1;
            double rate = base * (estate.fmhpPlacedIn(borough, d) ? 0.6 : 1.6);
            if (rnd.nextDouble() * DIRECT_MAX * 1.6 >= rate) {
                continue;
            }
            double u = rnd.nextDouble();
            String entry = u < 0.5 || (u < 0.8 && custody.isEmpty()) || (u >= 0.8 && court == null) ? probation
                    : u < 0.8 ? custody.get(rnd.nextInt(custody.size())) : court;
            Case c = newCase(borough, Draws.gender(rnd), 0.45);
            List<Referral> chain = new ArrayList<>();
            directChain(c, entry, d, chain, 3);
            directCases++;
            book.commit(c, chain);
        }
    }

    private void directChain(Case c, String from, LocalDate d, List<Referral> chain, int max) {
        Set<String> tried = new HashSet<>();
        for (int i = 0; i < max && !d.isAfter(LAST); i++) {
            Outcome outcome = directReferral(c, from, d, chain, tried);
            if (outcome == Outcome.ACCEPTED || outcome == Outcome.PENDING || outcome == Outcome.WITHDRAWN
                    || rnd.nextDouble() > 0.3) {
                return;
            }
            d = d.plusDays(rnd.nextInt(14, 43));
        }
    }

    /** One direct referral, or none (null) when {@code d} is after the last day. */
    private Outcome directReferral(Case c, String from, LocalDate d, List<Referral> chain, Set<String> tried) {
        if (d.isAfter(LAST)) {
            return null;
        }
        Set<String> remaining = new LinkedHashSet<>(c.needIds());
        Service svc = rnd.nextDouble() < 0.7 ? chooseService(c, remaining, d, tried, false) : null;
        Outcome outcome;
        if (svc == null) {
            String agency = rnd.nextDouble() < 0.6 ? "la-" + c.boroughId() : estate.trustOf.get(c.boroughId());
            outcome = pendingOr(d, agencyOutcome(0.30, 0.25));
            chain.add(ref(d, c, from, agency, outcome, outcome == Outcome.DECLINED ? "insufficient information" : ""));
            tried.add(agency);
        } else {
            tried.add(svc.id());
            Decision or = serviceOutcome(c, svc, false);
            outcome = pendingOr(d, or.outcome());
            chain.add(ref(d, c, from, svc.id(), outcome, outcome == Outcome.PENDING ? "" : or.reason()));
        }
        return outcome;
    }

    // ---------------------------------------------------------------- people

    private Case newCase(String borough, Gender gender, double womenSpecific) {
        String id = book.newCaseId(rnd, "c-");
        String age = Draws.ageBand(rnd);
        return new Case(id, borough, age, gender, Needs.codes(Needs.draw(rnd, gender == Gender.FEMALE, womenSpecific)));
    }

    private static Referral ref(LocalDate d, Case c, String from, String to, Outcome outcome, String reason) {
        return CaseBook.referral(c, d, from, to, outcome, reason);
    }
}
