package bridgemap.demo;

import static bridgemap.demo.SyntheticEstate.yearEnd;
import static bridgemap.demo.SyntheticEstate.yearStart;

import bridgemap.demo.SyntheticEstate.Authority;
import bridgemap.demo.SyntheticEstate.Site;
import bridgemap.model.Agency;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.Funding;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The people of a {@link SyntheticEstate} and who pays for them: funders; posts at settings — liaison and
 * diversion practitioners at custody suites and courts (employed by the regional broker or by the trust),
 * probation mental-health practitioners, prison in-reach nurses — each held by a succession of practitioners with
 * gaps between them; practitioners working in the community for the agencies that serve an authority; and the
 * funding rows of the posts' holders, per financial year. Some settings have no post (coverage holes), many one
 * (fragile). Its parts are model records ({@link Funder}, {@link Practitioner}, {@link Placement},
 * {@link Funding}); {@link Post} only links a setting to its holders and funders for the generator.
 */
final class SyntheticStaff {

    private static final String[] DISCIPLINES = {"nursing", "social_work", "psychology", "occupational_therapy",
            "psychotherapy"};
    private static final double[] DISCIPLINE_W = {45, 22, 15, 10, 8};

    /** A post at one or two settings, held by a succession of practitioners, paid for by one or two funders. */
    static final class Post {
        final List<Site> sites;
        final String role;
        final double fte;
        final List<Practitioner> holders = new ArrayList<>();
        /** Funders and shares before and after {@code switchYear} (a financial year's start year; MAX when none). */
        String[] funders;
        double[] shares;
        String[] laterFunders;
        int switchYear = Integer.MAX_VALUE;

        Post(List<Site> sites, String role, double fte) {
            this.sites = sites;
            this.role = role;
            this.fte = fte;
        }

        /** The holder in post on {@code d}, or null. */
        Practitioner holderOn(LocalDate d) {
            for (Practitioner p : holders) {
                if (p.period().contains(d)) {
                    return p;
                }
            }
            return null;
        }
    }

    private final SyntheticScale scale;
    private final SplittableRandom rnd;
    private final SyntheticEstate estate;
    private final LocalDate first;
    private final LocalDate last;

    final List<Funder> funders = new ArrayList<>();
    final List<Post> posts = new ArrayList<>();
    final List<Practitioner> practitioners = new ArrayList<>();
    final List<Funding> funding = new ArrayList<>();

    private final List<Funder> pccs = new ArrayList<>();
    private final List<Funder> charitableTrusts = new ArrayList<>();
    /** The integrated care boards that fund posts, one per trust that has such a post, in the order first used. */
    final List<Funder> icbs = new ArrayList<>();
    private final List<Funder> councilFunders = new ArrayList<>();
    private Funder nhs;
    private Funder justice;
    /** The national probation funder. */
    Funder probationFunder;

    /** Draws the funders, posts, practitioners and funding of {@code estate} from {@code rnd}. */
    SyntheticStaff(SyntheticScale scale, SyntheticEstate estate, SplittableRandom rnd) {
        this.scale = scale;
        this.rnd = rnd;
        this.estate = estate;
        this.first = scale.first();
        this.last = scale.last();
        buildFunders();
        buildPosts();
        buildCommunity();
        buildFunding();
    }

    private void buildFunders() {
        nhs = funder("fund-nhs", "Synthetic NHS commissioner", FunderKind.NHS);
        justice = funder("fund-justice", "Synthetic justice ministry", FunderKind.GOVERNMENT);
        probationFunder = funder("fund-probation", "Synthetic probation service", FunderKind.PROBATION);
        for (int f = 1; f <= estate.forces.size(); f++) {
            pccs.add(funder("fund-pcc-" + f, "Synthetic police and crime commissioner " + f, FunderKind.POLICE));
        }
        for (int t = 1; t <= Math.max(2, scale.charities() / 25); t++) {
            charitableTrusts.add(funder("fund-charity-" + t, "Synthetic charitable trust " + t, FunderKind.CHARITABLE_TRUST));
        }
    }

    private Funder icbOf(Agency trust) {
        String id = "fund-icb-" + trust.id().substring("trust-".length());
        for (Funder f : icbs) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        Funder f = funder(id, "Synthetic integrated care board " + trust.id().substring("trust-".length()), FunderKind.NHS);
        icbs.add(f);
        return f;
    }

    private Funder councilFunderOf(Authority a) {
        String id = "fund-council-" + a.id();
        for (Funder f : councilFunders) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        Funder f = funder(id, a.name() + " council (synthetic), as funder", FunderKind.LOCAL_AUTHORITY);
        councilFunders.add(f);
        return f;
    }

    private Funder funder(String id, String name, FunderKind kind) {
        Funder f = new Funder(id, name, kind);
        funders.add(f);
        return f;
    }

    private void buildPosts() {
        for (Site s : estate.sites) {
            Authority a = s.authority;
            Agency broker = estate.brokers.get(a.regionIndex);
            switch (s.kind()) {
                case POLICE_CUSTODY -> {
                    int n = Draws.pick(rnd, new double[] {12, 45, 30, 13});
                    Agency employer = rnd.nextDouble() < 0.65 ? broker : a.trust;
                    for (int k = 0; k < n; k++) {
                        post(List.of(s), "liaison_diversion", employer, pccs.get(a.force));
                    }
                }
                case MAGISTRATES_COURT -> {
                    int n = Draws.pick(rnd, new double[] {18, 50, 32});
                    Agency employer = rnd.nextDouble() < 0.6 ? broker : a.trust;
                    for (int k = 0; k < n; k++) {
                        boolean withProbation = n == 1 && rnd.nextDouble() < 0.25;
                        post(withProbation ? List.of(s, a.probation) : List.of(s), "liaison_diversion", employer,
                                councilFunderOf(a));
                    }
                }
                case CROWN_COURT -> {
                    int n = Draws.pick(rnd, new double[] {30, 50, 20});
                    Agency employer = rnd.nextDouble() < 0.6 ? broker : a.trust;
                    for (int k = 0; k < n; k++) {
                        post(List.of(s), "liaison_diversion", employer, justice);
                    }
                }
                case PROBATION_OFFICE -> {
                    if (s.posts.isEmpty() && rnd.nextDouble() < 0.55) {
                        post(List.of(s), "probation_mental_health", broker, councilFunderOf(a));
                    }
                }
                case PRISON -> {
                    int n = Draws.pick(rnd, new double[] {8, 40, 40, 12});
                    for (int k = 0; k < n; k++) {
                        post(List.of(s), "prison_inreach", a.trust, icbOf(a.trust));
                    }
                }
                default -> throw new IllegalStateException(s.kind().code());
            }
        }
    }

    /** A post with its succession of holders and its funders. */
    private void post(List<Site> at, String role, Agency employer, Funder coFunder) {
        double fte = new double[] {1.0, 0.8, 0.6, 0.5}[Draws.pick(rnd, new double[] {80, 10, 6, 4})];
        Post post = new Post(at, role, fte);
        at.forEach(s -> s.posts.add(post));
        posts.add(post);
        // Funders: the main one by role, sometimes a co-funder, sometimes a change of main funder at a year start.
        Funder main = switch (role) {
            case "probation_mental_health" -> rnd.nextDouble() < 0.7 ? probationFunder : charitableTrust();
            case "prison_inreach" -> rnd.nextDouble() < 0.85 ? nhs : coFunder;
            default -> rnd.nextDouble() < 0.7 ? nhs : icbOf(at.get(0).authority.trust);
        };
        double u = rnd.nextDouble();
        if (u < 0.03) {
            post.funders = new String[0];
            post.shares = new double[0];
        } else if (u < 0.33 && !coFunder.id().equals(main.id())) {
            post.funders = new String[] {main.id(), coFunder.id()};
            post.shares = new double[] {0.7, 0.3};
        } else {
            post.funders = new String[] {main.id()};
            post.shares = new double[] {1.0};
        }
        if (post.funders.length > 0 && rnd.nextDouble() < 0.1) {
            post.switchYear = first.getYear() + rnd.nextInt(3);
            post.laterFunders = post.funders.clone();
            post.laterFunders[0] = charitableTrust().id();
        }
        // When the post began and (rarely) ended; holders follow each other with gaps.
        LocalDate postStart = rnd.nextDouble() < 0.8
                ? first.minusDays(rnd.nextInt(1, 6 * 365))
                : first.plusDays(rnd.nextInt(Math.max(1, scale.days() - 90)));
        LocalDate postEnd = rnd.nextDouble() < 0.08 ? yearEnd(first.getYear() + rnd.nextInt(3)) : null;
        if (postEnd != null && !postEnd.isAfter(postStart.plusDays(180))) {
            postEnd = null;
        }
        LocalDate t = postStart;
        while (!t.isAfter(last) && (postEnd == null || t.isBefore(postEnd))) {
            LocalDate end = t.plusDays(rnd.nextInt(550, 2500));
            if (postEnd != null && end.isAfter(postEnd)) {
                end = postEnd;
            }
            boolean open = end.isAfter(last) && postEnd == null;
            if (!end.isBefore(first.minusDays(365))) {
                post.holders.add(practitioner(role, employer, fte, t, open ? null : end));
            }
            if (open) {
                break;
            }
            t = end.plusDays(rnd.nextInt(14, 85));
        }
    }

    private Funder charitableTrust() {
        return charitableTrusts.get(rnd.nextInt(charitableTrusts.size()));
    }

    private Practitioner practitioner(String role, Agency employer, double fte, LocalDate start, LocalDate end) {
        String id = String.format("p-%05d", practitioners.size() + 1);
        Practitioner p = new Practitioner(id, role, DISCIPLINES[Draws.pick(rnd, DISCIPLINE_W)], employer.id(), fte,
                new Period(start, end));
        practitioners.add(p);
        return p;
    }

    /** Practitioners working in the community for the agencies that serve an authority. */
    private void buildCommunity() {
        int total = Math.max(0, scale.practitioners() - practitioners.size());
        int[] perAuthority = SyntheticEstate.apportion(total,
                estate.authorities.stream().mapToDouble(a -> a.weight).toArray(), 0, null);
        for (Authority a : estate.authorities) {
            for (int k = 0; k < perAuthority[a.index]; k++) {
                int kind = Draws.pick(rnd, new double[] {35, 25, 8, 15, 7, 10});
                Agency employer;
                String role;
                switch (kind) {
                    case 0 -> { employer = a.trust; role = "care_coordinator"; }
                    case 1 -> { employer = a.council; role = "social_worker"; }
                    case 2 -> { employer = a.council; role = "housing_officer"; }
                    case 3 -> { employer = a.substance; role = "drug_worker"; }
                    case 4 -> { employer = a.housing; role = "support_worker"; }
                    default -> { employer = a.charity != null ? a.charity : a.housing; role = "support_worker"; }
                }
                LocalDate start = rnd.nextDouble() < 0.8 ? first.minusDays(rnd.nextInt(1, 6 * 365))
                        : first.plusDays(rnd.nextInt(Math.max(1, scale.days() - 60)));
                LocalDate end = null;
                if (rnd.nextDouble() < 0.2) {
                    LocalDate from = start.isAfter(first) ? start.plusDays(180) : first.plusDays(1);
                    long span = ChronoUnit.DAYS.between(from, last);
                    end = span > 1 ? from.plusDays(rnd.nextLong(span)) : null;
                }
                double fte = rnd.nextDouble() < 0.85 ? 1.0 : 0.6;
                a.community.add(practitioner(role, employer, fte, start, end));
            }
        }
    }

    /** Funding rows per holder and financial year (April to March), split between the post's funders. */
    private void buildFunding() {
        for (Post post : posts) {
            for (Practitioner p : post.holders) {
                LocalDate pStart = p.period().start();
                LocalDate pEnd = p.period().end();
                LocalDate from = pStart.isBefore(first.minusYears(1)) ? yearStart(first.getYear() - 1) : pStart;
                LocalDate to = pEnd == null ? last.plusYears(1) : pEnd;
                int year = from.getMonthValue() >= 4 ? from.getYear() : from.getYear() - 1;
                for (; !yearStart(year).isAfter(to); year++) {
                    LocalDate start = max(yearStart(year), pStart);
                    LocalDate end = min(yearEnd(year + 1), to);
                    if (end.isBefore(start) || start.isAfter(last.plusYears(1))) {
                        continue;
                    }
                    String[] who = year >= post.switchYear ? post.laterFunders : post.funders;
                    double days = ChronoUnit.DAYS.between(start, end) + 1;
                    double salary = 42_000 * Math.pow(1.03, year - 2023) * post.fte * days / 365.0;
                    for (int k = 0; k < who.length; k++) {
                        funding.add(new Funding(who[k], p.id(), (double) Math.round(salary * post.shares[k]),
                                new Period(start, end)));
                    }
                }
            }
        }
    }

    /** Each holder's placement at each setting of their post, by practitioner then setting. */
    List<Placement> placements() {
        List<Placement> placements = new ArrayList<>();
        for (Post post : posts) {
            for (Practitioner p : post.holders) {
                for (Site s : post.sites) {
                    placements.add(new Placement(p.id(), s.id(), p.period()));
                }
            }
        }
        placements.sort(Comparator.comparing(Placement::practitionerId).thenComparing(Placement::settingId));
        return placements;
    }

    /** The funding rows by practitioner, then start, then funder. */
    List<Funding> fundingByPractitioner() {
        List<Funding> rows = new ArrayList<>(funding);
        rows.sort(Comparator.comparing(Funding::practitionerId).thenComparing(f -> f.period().start())
                .thenComparing(Funding::funderId));
        return rows;
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
