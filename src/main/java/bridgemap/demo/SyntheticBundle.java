package bridgemap.demo;

import bridgemap.model.ProgressListener;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Writes a complete, <b>synthetic</b> import bundle at a chosen {@link SyntheticScale}: local authorities,
 * police custody suites, courts, probation offices, prisons, mental-health trusts, councils, providers and
 * charities, their services, practitioners (placed at settings or working in the community), funding,
 * partnerships, pseudonymous cases and their referral chains.
 *
 * <p><b>Nothing here is real</b> except, at the {@code london} scale, the 33 London boroughs' GSS codes and
 * names. Every other name says what it is and that it is made up ("Synthetic LA 117", "Custody suite 12-3",
 * "Synthetic mental health trust 4"); made-up local authority codes use the entity codes {@code E90} and
 * {@code W90}, which ONS does not use for local authorities, so they cannot be mistaken for (or collide with)
 * real ones. Case ids are random hexadecimal pseudonyms ({@code case-xxxxxxxx}).
 *
 * <p>Structure, all choices of this generator:
 * <ul>
 *   <li>Regions of local authorities share a courts service, a probation region and a <em>regional broker</em>
 *       (a liaison and diversion charity). Police force areas, trust areas and provider areas are contiguous
 *       blocks of a region's authorities; custody suites, courts and prisons sit in authorities drawn by a
 *       population-like weight.</li>
 *   <li>Posts at settings: liaison and diversion practitioners at custody suites and courts (employed by the
 *       regional broker or by the trust), probation mental-health practitioners, prison in-reach nurses (trust).
 *       Some settings have no post (coverage holes), many one (fragile); posts change hands with gaps.</li>
 *   <li>Services per authority: a community mental-health team, a drug and alcohol service, housing options
 *       and a learning-disability team; in some, dual diagnosis, women's centres, a trust's personality
 *       disorder pathway, supported housing and small charities. Exclusions vary by authority, so some need
 *       sets are served, some split between two services that exclude each other's needs, and some unserved.</li>
 *   <li>A case enters at a setting near home (custody, court, probation, prison — prisons are sometimes far
 *       away); where a practitioner is placed, it is referred to them and they broker referrals to services
 *       of the home authority; elsewhere the setting refers directly or through the regional broker. After an
 *       acceptance a community practitioner of the accepting agency may refer on for the remaining needs.
 *       Some people come back (a new episode months later). Most referrals stay within the home authority.</li>
 *   <li>Brokered referrals are accepted more often than direct ones <em>because this generator says so</em>;
 *       the bundle is no evidence for that.</li>
 * </ul>
 *
 * <p>Deterministic: one {@link SplittableRandom} from the seed, every iteration in a fixed order, so the same
 * scale and seed always give byte-identical files.
 */
public final class SyntheticBundle {

    /** The seed {@code bridgemap generate} uses when none is given. */
    public static final long DEFAULT_SEED = 20240331L;

    /** What was written. */
    public record Result(int authorities, int agencies, int settings, int services, int practitioners, int placements,
            int funders, int funding, int partnerships, int cases, int referrals) {

        /** Rows in all files. */
        public long rows() {
            return (long) authorities + agencies + settings + NEEDS.length + services + practitioners + placements
                    + funders + funding + partnerships + cases + referrals;
        }
    }

    // ---- needs, as bits of a mask, in vocabulary order -------------------------------------------

    static final String[] NEEDS = {"psychosis", "mood_anxiety", "personality_disorder", "learning_disability",
            "substance_misuse", "alcohol", "self_harm", "housing", "women_specific"};
    private static final String[] NEED_NAMES = {"Psychosis", "Depression and anxiety", "Personality disorder",
            "Learning disability", "Substance (drug) misuse", "Alcohol misuse", "Self-harm or suicide risk",
            "Housing or homelessness", "Women's specific needs"};
    private static final int PSY = 0;
    private static final int MOOD = 1;
    private static final int PD = 2;
    private static final int LD = 3;
    private static final int SUB = 4;
    private static final int ALC = 5;
    private static final int SH = 6;
    private static final int HOU = 7;
    private static final int WOM = 8;
    private static final int[] PRIMARY = {PSY, MOOD, PD, LD, SUB, ALC, SH};
    private static final double[] PRIMARY_W = {22, 30, 17, 5, 12, 8, 6};
    /** Secondary needs and their chances, by primary need. */
    private static final double[][][] SECONDARY = {
            {{SUB, .30}, {HOU, .25}, {ALC, .10}, {SH, .08}},
            {{ALC, .22}, {SH, .22}, {HOU, .18}, {SUB, .12}, {PD, .08}},
            {{SUB, .40}, {SH, .35}, {ALC, .15}, {HOU, .15}},
            {{HOU, .20}, {MOOD, .20}, {ALC, .05}},
            {{PD, .30}, {MOOD, .25}, {HOU, .25}, {PSY, .15}},
            {{MOOD, .35}, {HOU, .20}, {SH, .10}},
            {{PD, .35}, {MOOD, .30}, {ALC, .15}}};
    private static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    private static final double[] AGE_WEIGHTS = {17, 32, 27, 16, 6, 2};
    private static final String[] DISCIPLINES = {"nursing", "social_work", "psychology", "occupational_therapy",
            "psychotherapy"};
    private static final double[] DISCIPLINE_W = {45, 22, 15, 10, 8};

    // ---- setting kinds --------------------------------------------------------------------------

    private static final String CUSTODY = "police_custody";
    private static final String MC = "magistrates_court";
    private static final String CC = "crown_court";
    private static final String PROBATION = "probation_office";
    private static final String PRISON = "prison";

    // ---- the estate -------------------------------------------------------------------------------

    /** An agency; {@code index} orders rows of the same type. */
    record Agency(String id, String name, String sector, String kind) { }

    /** A local authority and what serves it. */
    static final class Authority {
        final int index;
        final String id;
        final String name;
        final String region;
        final int regionIndex;
        final double weight;
        Agency council;
        Agency trust;
        Agency substance;
        Agency housing;
        Agency charity;
        int force;
        Site court;
        Site crown;
        Site probation;
        final List<Site> custody = new ArrayList<>();
        final List<Service> services = new ArrayList<>();
        final List<Person> community = new ArrayList<>();

        Authority(int index, String id, String name, String region, int regionIndex, double weight) {
            this.index = index;
            this.id = id;
            this.name = name;
            this.region = region;
            this.regionIndex = regionIndex;
            this.weight = weight;
        }
    }

    /** A setting, with the posts placed there. */
    static final class Site {
        final String id;
        final String name;
        final String kind;
        final Authority authority;
        final Agency runBy;
        final List<Post> posts = new ArrayList<>();

        Site(String id, String name, String kind, Authority authority, Agency runBy) {
            this.id = id;
            this.name = name;
            this.kind = kind;
            this.authority = authority;
            this.runBy = runBy;
        }
    }

    /** A service; needs as bit masks. */
    record Service(String id, String name, Agency agency, List<Authority> authorities, int accepts, int excludes,
            int capacity, double waitWeeks, LocalDate start, LocalDate end) {

        boolean activeOn(LocalDate d) {
            return (start == null || !d.isBefore(start)) && (end == null || !d.isAfter(end));
        }
    }

    /** A practitioner (a pseudonym), with where they work. */
    static final class Person {
        final String id;
        final String role;
        final String discipline;
        final Agency employer;
        final double fte;
        final LocalDate start;
        final LocalDate end;

        Person(String id, String role, String discipline, Agency employer, double fte, LocalDate start, LocalDate end) {
            this.id = id;
            this.role = role;
            this.discipline = discipline;
            this.employer = employer;
            this.fte = fte;
            this.start = start;
            this.end = end;
        }

        boolean activeOn(LocalDate d) {
            return !d.isBefore(start) && (end == null || !d.isAfter(end));
        }
    }

    /** A post at one or two settings, held by a succession of practitioners, paid for by one or two funders. */
    static final class Post {
        final List<Site> sites;
        final String role;
        final Agency employer;
        final double fte;
        final List<Person> holders = new ArrayList<>();
        /** Funders and shares before and after {@code switchYear} (a financial year's start year; MAX when none). */
        String[] funders;
        double[] shares;
        String[] laterFunders;
        int switchYear = Integer.MAX_VALUE;

        Post(List<Site> sites, String role, Agency employer, double fte) {
            this.sites = sites;
            this.role = role;
            this.employer = employer;
            this.fte = fte;
        }

        Person holderOn(LocalDate d) {
            for (Person p : holders) {
                if (p.activeOn(d)) {
                    return p;
                }
            }
            return null;
        }
    }

    record Funder(String id, String name, String kind) { }

    record Partnership(String from, String to, String kind, LocalDate start, LocalDate end) { }

    record FundingRow(String funder, String practitioner, long amount, LocalDate start, LocalDate end) { }

    /** One generated referral before ids are given: ordered by date, then case, then place in the chain. */
    record Ref(LocalDate date, int caseSeq, int seq, String from, String to, String outcome, String reason) { }

    /** One generated case. */
    record CaseRow(int seq, String id, Authority authority, String ageBand, String gender, int needs) { }

    private final SyntheticScale scale;
    private final SplittableRandom rnd;
    private final ProgressListener progress;
    private final LocalDate first;
    private final LocalDate last;

    private final List<Authority> authorities = new ArrayList<>();
    private final List<List<Authority>> regions = new ArrayList<>();
    private final List<Agency> agencies = new ArrayList<>();
    private final List<Site> sites = new ArrayList<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Post> posts = new ArrayList<>();
    private final List<Person> people = new ArrayList<>();
    private final List<Funder> funders = new ArrayList<>();
    private final List<Partnership> partnerships = new ArrayList<>();
    private final List<FundingRow> funding = new ArrayList<>();
    private final List<Agency> forces = new ArrayList<>();
    private final List<List<Site>> suitesOfForce = new ArrayList<>();
    private final List<Agency> brokers = new ArrayList<>();
    private final List<Agency> courtServices = new ArrayList<>();
    private final List<Agency> probationServices = new ArrayList<>();
    private final List<List<Site>> prisonsOfRegion = new ArrayList<>();
    private final List<Site> prisons = new ArrayList<>();
    private Agency prisonService;

    private final List<CaseRow> cases = new ArrayList<>();
    private final List<Ref> refs = new ArrayList<>();
    private final Set<String> caseIds = new HashSet<>();

    private SyntheticBundle(SyntheticScale scale, long seed, ProgressListener progress) {
        this.scale = Objects.requireNonNull(scale, "scale");
        this.rnd = new SplittableRandom(seed);
        this.progress = progress == null ? ProgressListener.NONE : progress;
        this.first = scale.first();
        this.last = scale.last();
    }

    /**
     * Generates the bundle of {@code scale} from {@code seed} and writes its twelve CSV files and a README into
     * {@code out} (created if needed; files of the same names are replaced).
     */
    public static Result generate(SyntheticScale scale, long seed, Path out, ProgressListener progress) throws IOException {
        Objects.requireNonNull(out, "out");
        SyntheticBundle g = new SyntheticBundle(scale, seed, progress);
        g.buildEstate();
        g.generateCases();
        Files.createDirectories(out);
        return g.write(out, seed);
    }

    // ================================================================ the estate

    private void buildEstate() {
        progress.progress("building the estate", 0, 1);
        buildAuthorities();
        for (int r = 0; r < regions.size(); r++) {
            String label = regionLabel(r);
            Agency courts = agency("courts-" + (r + 1), "Synthetic courts service, " + label, "criminal_justice", "court_service");
            courtServices.add(courts);
            probationServices.add(agency("probation-" + (r + 1), "Synthetic probation service, " + label,
                    "criminal_justice", "probation"));
            brokers.add(agency("broker-" + (r + 1), "Synthetic liaison and diversion charity, " + label,
                    "voluntary", "charity"));
        }
        prisonService = agency("prisons", "Synthetic prison service", "criminal_justice", "prison_service");
        for (Authority a : authorities) {
            a.council = agency("council-" + a.id, a.name + " council (synthetic)", "social_care", "local_authority");
        }
        buildForces();
        buildAreas();
        buildCourtsAndPrisons();
        for (Authority a : authorities) {
            a.probation = site("po-" + a.id, "Probation office, " + a.name, PROBATION, a, probationServices.get(a.regionIndex));
        }
        buildServices();
        buildFunders();
        buildPosts();
        buildCommunity();
        buildFunding();
        buildPartnerships();
        progress.progress("building the estate", 1, 1);
    }

    private String regionLabel(int r) {
        if (scale.realLondon()) {
            return "London";
        }
        int english = scale.regionSizes().size() - scale.welshRegions();
        return r < english ? "region " + (r + 1) : "Wales" + (scale.welshRegions() > 1 ? " " + (r - english + 1) : "");
    }

    private void buildAuthorities() {
        List<String[]> london = scale.realLondon() ? londonBoroughs() : List.of();
        int english = scale.regionSizes().size() - scale.welshRegions();
        int index = 0;
        for (int r = 0; r < scale.regionSizes().size(); r++) {
            List<Authority> region = new ArrayList<>();
            for (int k = 0; k < scale.regionSizes().get(r); k++) {
                double weight = Math.exp(0.5 * gaussian());
                Authority a;
                if (scale.realLondon()) {
                    String[] row = london.get(index);
                    a = new Authority(index, row[0], row[1], row[2], r, weight);
                } else {
                    boolean welsh = r >= english;
                    String code = (welsh ? "W90" : "E90") + String.format("%06d", index + 1);
                    a = new Authority(index, code, "Synthetic LA " + (index + 1),
                            welsh ? "Synthetic Wales" : "Synthetic region " + (r + 1), r, weight);
                }
                authorities.add(a);
                region.add(a);
                index++;
            }
            regions.add(region);
        }
    }

    /** The 33 London boroughs (GSS code, name, inner/outer) from the London demo. */
    private static List<String[]> londonBoroughs() {
        String resource = "data/london-demo/boroughs.csv";
        try (InputStream in = SyntheticBundle.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the London demo's boroughs are missing from the classpath: " + resource);
            }
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String[]> rows = new ArrayList<>();
            try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                for (CSVRecord r : p) {
                    rows.add(new String[] {r.get("id"), r.get("name"), r.get("region")});
                }
            }
            rows.sort(Comparator.comparing(r -> r[0]));
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void buildForces() {
        int[] perRegion = apportion(scale.forces(), regionWeights(), 1, regionCaps());
        int number = 0;
        List<Integer> forceSizes = new ArrayList<>();
        List<List<Authority>> areas = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), perRegion[r])) {
                number++;
                Agency force = agency("police-" + number, "Synthetic police force " + number, "criminal_justice", "police");
                forces.add(force);
                for (Authority a : block) {
                    a.force = number - 1;
                }
                areas.add(block);
                forceSizes.add(block.size());
            }
        }
        double[] weights = new double[areas.size()];
        for (int f = 0; f < areas.size(); f++) {
            weights[f] = areas.get(f).stream().mapToDouble(a -> a.weight).sum();
        }
        int[] suites = apportion(scale.custodySuites(), weights, 1, null);
        for (int f = 0; f < areas.size(); f++) {
            List<Site> forceSuites = new ArrayList<>();
            List<Authority> where = drawDistinct(areas.get(f), suites[f]);
            for (int k = 0; k < suites[f]; k++) {
                Authority a = where.get(k);
                Site suite = site("custody-" + (f + 1) + "-" + (k + 1), "Custody suite " + (f + 1) + "-" + (k + 1),
                        CUSTODY, a, forces.get(f));
                forceSuites.add(suite);
                a.custody.add(suite);
            }
            suitesOfForce.add(forceSuites);
        }
    }

    /** Trusts, drug and alcohol providers, housing associations and charities, each over a block of authorities. */
    private void buildAreas() {
        double[] weights = regionWeights();
        int[] caps = regionCaps();
        int number = 0;
        int[] trusts = apportion(scale.trusts(), weights, 1, caps);
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), trusts[r])) {
                number++;
                Agency trust = agency("trust-" + number, "Synthetic mental health trust " + number, "health", "nhs_trust");
                block.forEach(a -> a.trust = trust);
            }
        }
        number = 0;
        int[] substance = apportion(scale.substanceProviders(), weights, 1, caps);
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), substance[r])) {
                number++;
                Agency provider = agency("sms-" + number, "Synthetic drug and alcohol provider " + number,
                        "substance_misuse", rnd.nextDouble() < 0.6 ? "charity" : "private_provider");
                block.forEach(a -> a.substance = provider);
            }
        }
        number = 0;
        int[] housing = apportion(scale.housingProviders(), weights, 1, caps);
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), housing[r])) {
                number++;
                Agency provider = agency("housing-" + number, "Synthetic housing association " + number, "housing",
                        "housing_provider");
                block.forEach(a -> a.housing = provider);
            }
        }
        // Local charities: each based in one authority, drawn by weight; an authority's first is its "own".
        double[] authorityWeights = authorities.stream().mapToDouble(a -> a.weight).toArray();
        for (int c = 1; c <= scale.charities(); c++) {
            Authority home = authorities.get(pick(authorityWeights));
            Agency charity = agency("charity-" + c, "Synthetic charity " + c, "voluntary", "charity");
            if (home.charity == null) {
                home.charity = charity;
            }
            List<Authority> served = new ArrayList<>(List.of(home));
            List<Authority> region = regions.get(home.regionIndex);
            int at = region.indexOf(home);
            if (rnd.nextDouble() < 0.3 && region.size() > 1) {
                served.add(region.get(at + 1 < region.size() ? at + 1 : at - 1));
            }
            int need = pick(new double[] {30, 20, 15, 12, 13, 10});
            int[] charityNeeds = {MOOD, HOU, WOM, ALC, LD, SH};
            int accepts = bit(charityNeeds[need]);
            if (rnd.nextDouble() < 0.4) {
                accepts |= bit(charityNeeds[rnd.nextInt(charityNeeds.length)]);
            }
            int excludes = rnd.nextDouble() < 0.25 ? bit(rnd.nextBoolean() ? SUB : PSY) & ~accepts : 0;
            LocalDate end = rnd.nextDouble() < 0.12 ? yearEnd(first.getYear() + 1 + rnd.nextInt(2)) : null;
            service("svc-charity-" + c, "Advice and support, Synthetic charity " + c, charity, served, accepts, excludes,
                    null, end);
        }
    }

    private void buildCourtsAndPrisons() {
        double[] weights = regionWeights();
        int[] caps = regionCaps();
        int[] mcs = apportion(scale.magistratesCourts(), weights, 1, caps);
        int[] ccs = apportion(scale.crownCourts(), weights, 1, caps);
        int[] jails = apportion(scale.prisons(), weights, 0, null);
        int mcNumber = 0;
        int ccNumber = 0;
        int prisonNumber = 0;
        for (int r = 0; r < regions.size(); r++) {
            List<Authority> region = regions.get(r);
            List<Site> regionMcs = new ArrayList<>();
            for (Authority a : sortedByIndex(drawDistinct(region, mcs[r]))) {
                mcNumber++;
                regionMcs.add(site("mc-" + mcNumber, "Magistrates' court " + mcNumber, MC, a, courtServices.get(r)));
            }
            List<Site> regionCcs = new ArrayList<>();
            for (Authority a : sortedByIndex(drawDistinct(region, ccs[r]))) {
                ccNumber++;
                regionCcs.add(site("crown-" + ccNumber, "Crown Court " + ccNumber, CC, a, courtServices.get(r)));
            }
            for (Authority a : region) {
                a.court = nearest(a, regionMcs, true);
                a.crown = nearest(a, regionCcs, false);
            }
            List<Site> regionPrisons = new ArrayList<>();
            for (Authority a : sortedByIndex(drawDistinct(region, jails[r]))) {
                prisonNumber++;
                Site prison = site("prison-" + prisonNumber, "Prison " + prisonNumber, PRISON, a, prisonService);
                regionPrisons.add(prison);
                prisons.add(prison);
            }
            prisonsOfRegion.add(regionPrisons);
        }
    }

    /** The court in {@code a}, else the nearest (by position) in its force area when asked, else in its region. */
    private Site nearest(Authority a, List<Site> courts, boolean preferForce) {
        Site best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (Site s : courts) {
            int distance = Math.abs(s.authority.index - a.index) * 2
                    + (preferForce && s.authority.force != a.force ? 1_000 : 0);
            if (distance < bestDistance) {
                best = s;
                bestDistance = distance;
            }
        }
        return best;
    }

    private void buildServices() {
        for (Authority a : authorities) {
            List<Authority> only = List.of(a);
            boolean cmhtTakesPd = rnd.nextDouble() < 0.30;
            boolean cmhtExcludesPd = !cmhtTakesPd && rnd.nextDouble() < 0.30;
            boolean cmhtExcludesSub = rnd.nextDouble() < 0.75;
            service("svc-cmht-" + a.id, "Community mental health team, " + a.name, a.trust, only,
                    bits(PSY, MOOD, SH) | (cmhtTakesPd ? bit(PD) : 0),
                    (cmhtExcludesSub ? bit(SUB) : 0) | (cmhtExcludesPd ? bit(PD) : 0), null, null);
            boolean dnaExcludesPd = rnd.nextDouble() < 0.45;
            boolean dnaExcludesPsy = rnd.nextDouble() < 0.20;
            service("svc-dna-" + a.id, "Drug and alcohol service, " + a.name, a.substance, only, bits(SUB, ALC),
                    (dnaExcludesPd ? bit(PD) : 0) | (dnaExcludesPsy ? bit(PSY) : 0), null, null);
            service("svc-housing-" + a.id, "Housing options, " + a.name, a.council, only, bit(HOU), 0, null, null);
            service("svc-ldt-" + a.id, "Learning disability team, " + a.name, a.council, only, bit(LD), 0, null, null);
            if (rnd.nextDouble() < 0.25) {
                LocalDate start = rnd.nextDouble() < 0.3 ? yearStart(first.getYear() + 1 + rnd.nextInt(2)) : null;
                service("svc-dual-" + a.id, "Dual diagnosis service, " + a.name, a.trust, only,
                        bits(PSY, SUB) | (rnd.nextBoolean() ? bit(PD) : 0), 0, start, null);
            }
            if (rnd.nextDouble() < 0.45) {
                Agency runner = a.charity != null ? a.charity : a.council;
                LocalDate end = rnd.nextDouble() < 0.2 ? yearEnd(first.getYear() + 1 + rnd.nextInt(2)) : null;
                service("svc-women-" + a.id, "Women's centre, " + a.name, runner, only, bits(WOM, MOOD, SH), 0, null, end);
            }
        }
        // Trust-wide personality disorder pathways, and housing associations' supported housing.
        for (Agency trust : distinct(authorities.stream().map(a -> a.trust).toList())) {
            if (rnd.nextDouble() < 0.5) {
                List<Authority> area = authorities.stream().filter(a -> a.trust == trust).toList();
                LocalDate start = rnd.nextDouble() < 0.3 ? yearStart(first.getYear() + 1 + rnd.nextInt(2)) : null;
                service("svc-pd-" + trust.id(), "Personality disorder pathway, " + trust.name(), trust, area,
                        bits(PD, SH), rnd.nextDouble() < 0.7 ? bit(SUB) : 0, start, null);
            }
        }
        for (Agency provider : distinct(authorities.stream().map(a -> a.housing).toList())) {
            List<Authority> area = authorities.stream().filter(a -> a.housing == provider).toList();
            service("svc-supported-" + provider.id(), "Supported housing, " + provider.name(), provider, area,
                    bits(HOU, MOOD), (rnd.nextDouble() < 0.5 ? bit(SUB) : 0) | (rnd.nextDouble() < 0.2 ? bit(PSY) : 0),
                    null, null);
        }
    }

    private void service(String id, String name, Agency agency, List<Authority> served, int accepts, int excludes,
            LocalDate start, LocalDate end) {
        Service s = new Service(id, name, agency, List.copyOf(served), accepts, excludes, 20 + rnd.nextInt(120),
                1 + rnd.nextInt(16) / 2.0, start, end);
        services.add(s);
        for (Authority a : served) {
            a.services.add(s);
        }
    }

    // ---- funders, posts, practitioners, funding, partnerships ----------------------------------------

    private final List<Funder> pccs = new ArrayList<>();
    private final List<Funder> charitableTrusts = new ArrayList<>();
    private Funder nhs;
    private Funder justice;
    private Funder probationFunder;

    private void buildFunders() {
        nhs = funder("fund-nhs", "Synthetic NHS commissioner", "nhs");
        justice = funder("fund-justice", "Synthetic justice ministry", "government");
        probationFunder = funder("fund-probation", "Synthetic probation service", "probation");
        for (int f = 1; f <= forces.size(); f++) {
            pccs.add(funder("fund-pcc-" + f, "Synthetic police and crime commissioner " + f, "police"));
        }
        for (int t = 1; t <= Math.max(2, scale.charities() / 25); t++) {
            charitableTrusts.add(funder("fund-charity-" + t, "Synthetic charitable trust " + t, "charitable_trust"));
        }
    }

    private final List<Funder> icbs = new ArrayList<>();
    private final List<Funder> councilFunders = new ArrayList<>();

    private Funder icbOf(Agency trust) {
        String id = "fund-icb-" + trust.id().substring("trust-".length());
        for (Funder f : icbs) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        Funder f = funder(id, "Synthetic integrated care board " + trust.id().substring("trust-".length()), "nhs");
        icbs.add(f);
        return f;
    }

    private Funder councilFunderOf(Authority a) {
        String id = "fund-council-" + a.id;
        for (Funder f : councilFunders) {
            if (f.id().equals(id)) {
                return f;
            }
        }
        Funder f = funder(id, a.name + " council (synthetic), as funder", "local_authority");
        councilFunders.add(f);
        return f;
    }

    private Funder funder(String id, String name, String kind) {
        Funder f = new Funder(id, name, kind);
        funders.add(f);
        return f;
    }

    private void buildPosts() {
        for (Site s : sites) {
            Authority a = s.authority;
            Agency broker = brokers.get(a.regionIndex);
            switch (s.kind) {
                case CUSTODY -> {
                    int n = pick(new double[] {12, 45, 30, 13});
                    Agency employer = rnd.nextDouble() < 0.65 ? broker : a.trust;
                    for (int k = 0; k < n; k++) {
                        post(List.of(s), "liaison_diversion", employer, pccs.get(a.force));
                    }
                }
                case MC -> {
                    int n = pick(new double[] {18, 50, 32});
                    Agency employer = rnd.nextDouble() < 0.6 ? broker : a.trust;
                    for (int k = 0; k < n; k++) {
                        boolean withProbation = n == 1 && rnd.nextDouble() < 0.25;
                        post(withProbation ? List.of(s, a.probation) : List.of(s), "liaison_diversion", employer,
                                councilFunderOf(a));
                    }
                }
                case CC -> {
                    int n = pick(new double[] {30, 50, 20});
                    Agency employer = rnd.nextDouble() < 0.6 ? broker : a.trust;
                    for (int k = 0; k < n; k++) {
                        post(List.of(s), "liaison_diversion", employer, justice);
                    }
                }
                case PROBATION -> {
                    if (s.posts.isEmpty() && rnd.nextDouble() < 0.55) {
                        post(List.of(s), "probation_mental_health", broker, councilFunderOf(a));
                    }
                }
                case PRISON -> {
                    int n = pick(new double[] {8, 40, 40, 12});
                    for (int k = 0; k < n; k++) {
                        post(List.of(s), "prison_inreach", a.trust, icbOf(a.trust));
                    }
                }
                default -> throw new IllegalStateException(s.kind);
            }
        }
    }

    /** A post with its succession of holders and its funders. */
    private void post(List<Site> at, String role, Agency employer, Funder coFunder) {
        double fte = new double[] {1.0, 0.8, 0.6, 0.5}[pick(new double[] {80, 10, 6, 4})];
        Post post = new Post(at, role, employer, fte);
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
                Person p = person(role, employer, fte, t, open ? null : end);
                post.holders.add(p);
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

    private Person person(String role, Agency employer, double fte, LocalDate start, LocalDate end) {
        Person p = new Person(String.format("p-%05d", people.size() + 1), role, DISCIPLINES[pick(DISCIPLINE_W)], employer,
                fte, start, end);
        people.add(p);
        return p;
    }

    /** Practitioners working in the community for the agencies that serve an authority. */
    private void buildCommunity() {
        int total = Math.max(0, scale.practitioners() - people.size());
        int[] perAuthority = apportion(total, authorities.stream().mapToDouble(a -> a.weight).toArray(), 0, null);
        for (Authority a : authorities) {
            for (int k = 0; k < perAuthority[a.index]; k++) {
                int kind = pick(new double[] {35, 25, 8, 15, 7, 10});
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
                a.community.add(person(role, employer, fte, start, end));
            }
        }
    }

    /** Funding rows per holder and financial year (April to March), split between the post's funders. */
    private void buildFunding() {
        for (Post post : posts) {
            for (Person p : post.holders) {
                LocalDate from = p.start.isBefore(first.minusYears(1)) ? yearStart(first.getYear() - 1) : p.start;
                LocalDate to = p.end == null ? last.plusYears(1) : p.end;
                int year = from.getMonthValue() >= 4 ? from.getYear() : from.getYear() - 1;
                for (; !yearStart(year).isAfter(to); year++) {
                    LocalDate start = max(yearStart(year), p.start);
                    LocalDate end = min(yearEnd(year + 1), to);
                    if (end.isBefore(start) || start.isAfter(last.plusYears(1))) {
                        continue;
                    }
                    String[] who = year >= post.switchYear ? post.laterFunders : post.funders;
                    double days = ChronoUnit.DAYS.between(start, end) + 1;
                    double salary = 42_000 * Math.pow(1.03, year - 2023) * post.fte * days / 365.0;
                    for (int k = 0; k < who.length; k++) {
                        funding.add(new FundingRow(who[k], p.id, Math.round(salary * post.shares[k]), start, end));
                    }
                }
            }
        }
    }

    private void buildPartnerships() {
        LocalDate longAgo = LocalDate.of(first.getYear() - 6, 4, 1);
        for (int r = 0; r < regions.size(); r++) {
            Agency broker = brokers.get(r);
            for (int f = 0; f < forces.size(); f++) {
                if (suitesOfForce.get(f).get(0).authority.regionIndex == r) {
                    both(broker, forces.get(f), "liaison_diversion", longAgo);
                    both(probationServices.get(r), forces.get(f), "integrated_offender_management", longAgo);
                }
            }
            both(broker, courtServices.get(r), "liaison_diversion", longAgo);
            both(broker, probationServices.get(r), "referral_protocol", longAgo);
            for (Agency trust : distinct(regions.get(r).stream().map(a -> a.trust).toList())) {
                both(broker, trust, "referral_protocol", longAgo);
            }
        }
        for (Authority a : authorities) {
            both(a.trust, a.council, "section_75", longAgo);
        }
        for (Agency provider : distinct(authorities.stream().map(a -> a.substance).toList())) {
            if (rnd.nextDouble() < 0.5) {
                Agency trust = authorities.stream().filter(a -> a.substance == provider).findFirst().orElseThrow().trust;
                boolean ends = rnd.nextDouble() < 0.2;
                LocalDate end = ends ? yearEnd(first.getYear() + 1 + rnd.nextInt(2)) : null;
                partnerships.add(new Partnership(provider.id(), trust.id(), "dual_diagnosis_protocol", longAgo, end));
                partnerships.add(new Partnership(trust.id(), provider.id(), "dual_diagnosis_protocol", longAgo, end));
            }
        }
    }

    private void both(Agency a, Agency b, String kind, LocalDate start) {
        for (Partnership p : partnerships) {
            if (p.from().equals(a.id()) && p.to().equals(b.id()) && p.kind().equals(kind)) {
                return;
            }
        }
        partnerships.add(new Partnership(a.id(), b.id(), kind, start, null));
        partnerships.add(new Partnership(b.id(), a.id(), kind, start, null));
    }

    // ================================================================ cases and referrals

    private static final double[] ENTRY_W = {38, 27, 6, 19, 10}; // custody, MC, CC, probation, prison
    private static final double REENTRY = 0.70;

    private void generateCases() {
        double[] weights = authorities.stream().mapToDouble(a -> a.weight).toArray();
        for (int i = 0; i < scale.cases(); i++) {
            Authority home = authorities.get(pick(weights));
            String gender = gender();
            CaseRow c = newCase(home, gender);
            List<Ref> chain = new ArrayList<>();
            LocalDate d = first.plusDays(rnd.nextInt(scale.days()));
            while (!d.isAfter(last)) {
                Site entry = entryFor(home, gender);
                episode(c, entry, d, chain);
                if (rnd.nextDouble() >= REENTRY) {
                    break;
                }
                d = d.plusDays(rnd.nextInt(45, 300));
            }
            commit(c, chain);
            if ((i & 1023) == 0) {
                progress.progress("generating cases", i, scale.cases());
            }
        }
        progress.progress("generating cases", scale.cases(), scale.cases());
    }

    private Site entryFor(Authority home, String gender) {
        return switch (pick(ENTRY_W)) {
            case 0 -> {
                if (!home.custody.isEmpty() && rnd.nextDouble() < 0.75) {
                    yield home.custody.get(rnd.nextInt(home.custody.size()));
                }
                List<Site> suites = suitesOfForce.get(home.force);
                yield suites.get(rnd.nextInt(suites.size()));
            }
            case 1 -> home.court;
            case 2 -> home.crown;
            case 3 -> home.probation;
            default -> {
                List<Site> near = prisonsOfRegion.get(home.regionIndex);
                if (!near.isEmpty() && rnd.nextDouble() < 0.7) {
                    yield near.get(rnd.nextInt(near.size()));
                }
                yield prisons.isEmpty() ? home.probation : prisons.get(rnd.nextInt(prisons.size()));
            }
        };
    }

    /** One episode: the entry setting refers the person on, to a placed practitioner if there is one. */
    private void episode(CaseRow c, Site entry, LocalDate d, List<Ref> chain) {
        List<Person> placed = new ArrayList<>();
        for (Post post : entry.posts) {
            Person holder = post.holderOn(d);
            if (holder != null) {
                placed.add(holder);
            }
        }
        if (!placed.isEmpty()) {
            Person broker = placed.get(rnd.nextInt(placed.size()));
            double u = rnd.nextDouble();
            if (u < 0.92) {
                chain.add(ref(d, c, entry.id, broker.id, pendingOr(d, "accepted"), ""));
                brokered(c, broker.id, d.plusDays(rnd.nextInt(1, 15)), chain, c.needs(), 0);
            } else {
                boolean withdrawn = u < 0.96;
                chain.add(ref(d, c, entry.id, broker.id, withdrawn ? "withdrawn" : "declined",
                        withdrawn ? "case disposed before assessment" : "no mental health need identified"));
                if (rnd.nextDouble() < 0.4) {
                    direct(c, entry, d.plusDays(rnd.nextInt(1, 15)), chain, 2);
                }
            }
            return;
        }
        double viaBroker = switch (entry.kind) {
            case CUSTODY, MC, CC -> 0.45;
            case PROBATION -> 0.25;
            default -> 0.0;
        };
        if (rnd.nextDouble() < viaBroker) {
            Agency broker = brokers.get(entry.authority.regionIndex);
            String outcome = pendingOr(d, agencyOutcome(0.85, 0.08));
            chain.add(ref(d, c, entry.id, broker.id(), outcome, outcome.equals("declined") ? "outside the service's criteria" : ""));
            if (outcome.equals("accepted")) {
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
    private void brokered(CaseRow c, String from, LocalDate start, List<Ref> chain, int needs, int depth) {
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
        List<Service> tried = new ArrayList<>();
        for (int n = 0; n < 4 && remaining != 0; n++) {
            if (d.isAfter(last)) {
                return;
            }
            Service svc = chooseService(c, remaining, d, tried, true);
            String outcome;
            if (svc == null) {
                int need = lowestBit(remaining);
                Agency agency = need == HOU || need == LD || need == WOM ? c.authority().council : c.authority().trust;
                outcome = pendingOr(d, agencyOutcome(0.45, 0.30));
                String why = anyServiceAccepts(c.authority(), need, d) ? "no further service to try"
                        : "no service accepts " + ReferralOutcomes.needLabel(NEEDS[need]);
                chain.add(ref(d, c, from, agency.id(), outcome, outcome.equals("declined") ? why : ""));
                if (!outcome.equals("pending")) {
                    remaining &= ~bit(need);
                }
            } else {
                tried.add(svc);
                Person named = depth < 2 && rnd.nextDouble() < 0.12 ? communityOf(c.authority(), svc.agency(), d, from) : null;
                String[] or = serviceOutcome(c, svc, true);
                outcome = pendingOr(d, or[0]);
                String reason = outcome.equals("pending") ? "" : or[1];
                chain.add(ref(d, c, from, named != null ? named.id : svc.id(), outcome, reason));
                if (outcome.equals("accepted")) {
                    remaining &= ~svc.accepts();
                    if (named != null) {
                        brokered(c, named.id, d.plusDays(rnd.nextInt(7, 41)), chain, remaining, depth + 1);
                        return;
                    }
                    if (remaining != 0 && depth < 2 && rnd.nextDouble() < 0.7) {
                        Person worker = communityOf(c.authority(), svc.agency(), d, from);
                        if (worker != null) {
                            brokered(c, worker.id, d.plusDays(rnd.nextInt(7, 41)), chain, remaining, depth + 1);
                            return;
                        }
                    }
                } else if (outcome.equals("withdrawn") || outcome.equals("pending") || rnd.nextDouble() > 0.7) {
                    return;
                }
            }
            if (outcome.equals("pending")) {
                return;
            }
            d = d.plusDays(rnd.nextInt(5, 22));
        }
    }

    /** The setting refers straight to a service or an agency, no broker, sometimes trying again. */
    private void direct(CaseRow c, Site entry, LocalDate start, List<Ref> chain, int max) {
        LocalDate d = start;
        List<Service> tried = new ArrayList<>();
        for (int i = 0; i < max && !d.isAfter(last); i++) {
            Service svc = rnd.nextDouble() < 0.7 ? chooseService(c, c.needs(), d, tried, false) : null;
            String outcome;
            if (svc == null) {
                Agency agency = rnd.nextDouble() < 0.6 ? c.authority().council : c.authority().trust;
                outcome = pendingOr(d, agencyOutcome(0.30, 0.25));
                chain.add(ref(d, c, entry.id, agency.id(), outcome, outcome.equals("declined") ? "insufficient information" : ""));
            } else {
                tried.add(svc);
                String[] or = serviceOutcome(c, svc, false);
                outcome = pendingOr(d, or[0]);
                chain.add(ref(d, c, entry.id, svc.id(), outcome, outcome.equals("pending") ? "" : or[1]));
            }
            if (outcome.equals("accepted") || outcome.equals("pending") || outcome.equals("withdrawn")
                    || rnd.nextDouble() > 0.3) {
                return;
            }
            d = d.plusDays(rnd.nextInt(14, 43));
        }
    }

    /** A community practitioner of {@code agency} in the authority, in post on {@code d}, other than {@code not}. */
    private Person communityOf(Authority a, Agency agency, LocalDate d, String not) {
        int count = 0;
        for (Person p : a.community) {
            if (p.employer == agency && p.activeOn(d) && !p.id.equals(not)) {
                count++;
            }
        }
        if (count == 0) {
            return null;
        }
        int k = rnd.nextInt(count);
        for (Person p : a.community) {
            if (p.employer == agency && p.activeOn(d) && !p.id.equals(not) && k-- == 0) {
                return p;
            }
        }
        throw new IllegalStateException("unreachable");
    }

    private boolean anyServiceAccepts(Authority a, int need, LocalDate d) {
        for (Service s : a.services) {
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
    private Service chooseService(CaseRow c, int remaining, LocalDate d, List<Service> tried, boolean broker) {
        List<Service> candidates = new ArrayList<>();
        for (Service s : c.authority().services) {
            if ((s.accepts() & remaining) != 0 && s.activeOn(d) && !tried.contains(s)) {
                candidates.add(s);
            }
        }
        if (candidates.isEmpty()) {
            return null;
        }
        if (broker && rnd.nextDouble() < 0.8) {
            Service best = null;
            int bestScore = Integer.MIN_VALUE;
            for (Service s : candidates) {
                int score = 2 * Integer.bitCount(s.accepts() & remaining) - 3 * Integer.bitCount(s.excludes() & c.needs());
                if (score > bestScore) {
                    bestScore = score;
                    best = s;
                }
            }
            return best;
        }
        int firstNeed = bit(lowestBit(remaining));
        List<Service> byFirst = candidates.stream().filter(s -> (s.accepts() & firstNeed) != 0).toList();
        List<Service> pool = byFirst.isEmpty() ? candidates : byFirst;
        return pool.get(rnd.nextInt(pool.size()));
    }

    private String[] serviceOutcome(CaseRow c, Service s, boolean brokered) {
        int excluded = s.excludes() & c.needs();
        return ReferralOutcomes.toService(rnd, excluded == 0 ? null : NEEDS[lowestBit(excluded)], brokered);
    }

    private String agencyOutcome(double accept, double decline) {
        return ReferralOutcomes.toAgency(rnd, accept, decline);
    }

    private String pendingOr(LocalDate d, String outcome) {
        return ReferralOutcomes.pendingOr(rnd, d, last, outcome);
    }

    private CaseRow newCase(Authority home, String gender) {
        String id;
        do {
            id = String.format("case-%08x", rnd.nextInt() & 0xffffffffL);
        } while (!caseIds.add(id));
        return new CaseRow(cases.size(), id, home, AGE_BANDS[pick(AGE_WEIGHTS)], gender, drawNeeds(gender));
    }

    private String gender() {
        double u = rnd.nextDouble();
        return u < 0.84 ? "male" : u < 0.99 ? "female" : "unknown";
    }

    private int drawNeeds(String gender) {
        int primary = PRIMARY[pick(PRIMARY_W)];
        int set = bit(primary);
        if (gender.equals("female") && rnd.nextDouble() < 0.45) {
            set |= bit(WOM);
        }
        for (double[] secondary : SECONDARY[primary]) {
            if (Integer.bitCount(set) >= 3) {
                break;
            }
            if (rnd.nextDouble() < secondary[1]) {
                set |= bit((int) secondary[0]);
            }
        }
        return set;
    }

    private Ref ref(LocalDate d, CaseRow c, String from, String to, String outcome, String reason) {
        return new Ref(d, c.seq(), 0, from, to, outcome, reason);
    }

    /** Keeps a case and its chain in date order (stable), dropping anything after the last day. */
    private void commit(CaseRow c, List<Ref> chain) {
        List<Ref> sorted = new ArrayList<>(chain);
        sorted.sort(Comparator.comparing(Ref::date));
        int kept = 0;
        for (Ref r : sorted) {
            if (r.date().isAfter(last)) {
                break;
            }
            refs.add(new Ref(r.date(), c.seq(), kept++, r.from(), r.to(), r.outcome(), r.reason()));
        }
        if (kept == 0) {
            caseIds.remove(c.id());
            return;
        }
        cases.add(c);
    }

    // ================================================================ output

    private Result write(Path dir, long seed) throws IOException {
        Authority[] byIndex = authorities.toArray(new Authority[0]);
        try (Csv out = new Csv(dir, "boroughs.csv", "id", "name", "region")) {
            for (Authority a : byIndex) {
                out.row(a.id, a.name, a.region);
            }
        }
        try (Csv out = new Csv(dir, "agencies.csv", "id", "name", "sector", "kind", "ods_code")) {
            for (Agency a : agencies) {
                out.row(a.id(), a.name(), a.sector(), a.kind(), "");
            }
        }
        try (Csv out = new Csv(dir, "settings.csv", "id", "name", "kind", "borough", "run_by")) {
            for (Site s : sites) {
                out.row(s.id, s.name, s.kind, s.authority.id, s.runBy.id());
            }
        }
        try (Csv out = new Csv(dir, "needs.csv", "id", "name")) {
            for (int i = 0; i < NEEDS.length; i++) {
                out.row(NEEDS[i], NEED_NAMES[i]);
            }
        }
        try (Csv out = new Csv(dir, "services.csv", "id", "name", "agency", "boroughs", "accepts", "excludes",
                "capacity_per_month", "wait_weeks", "start", "end")) {
            for (Service s : services) {
                out.row(s.id(), s.name(), s.agency().id(),
                        String.join(";", s.authorities().stream().map(a -> a.id).sorted().toList()),
                        needList(s.accepts()), needList(s.excludes()), Integer.toString(s.capacity()),
                        number(s.waitWeeks()), text(s.start()), text(s.end()));
            }
        }
        int placements = 0;
        try (Csv out = new Csv(dir, "practitioners.csv", "id", "role", "discipline", "employer", "fte", "start", "end")) {
            for (Person p : people) {
                out.row(p.id, p.role, p.discipline, p.employer.id(), number(p.fte), text(p.start), text(p.end));
            }
        }
        try (Csv out = new Csv(dir, "placements.csv", "practitioner", "setting", "start", "end")) {
            List<String[]> rows = new ArrayList<>();
            for (Post post : posts) {
                for (Person p : post.holders) {
                    for (Site s : post.sites) {
                        rows.add(new String[] {p.id, s.id, text(p.start), text(p.end)});
                    }
                }
            }
            rows.sort(Comparator.comparing((String[] r) -> r[0]).thenComparing(r -> r[1]));
            for (String[] r : rows) {
                out.row(r);
            }
            placements = rows.size();
        }
        try (Csv out = new Csv(dir, "funders.csv", "id", "name", "kind")) {
            for (Funder f : funders) {
                out.row(f.id(), f.name(), f.kind());
            }
        }
        try (Csv out = new Csv(dir, "funding.csv", "funder", "practitioner", "amount_gbp", "start", "end")) {
            List<FundingRow> rows = new ArrayList<>(funding);
            rows.sort(Comparator.comparing(FundingRow::practitioner).thenComparing(FundingRow::start)
                    .thenComparing(FundingRow::funder));
            for (FundingRow f : rows) {
                out.row(f.funder(), f.practitioner(), Long.toString(f.amount()), text(f.start()), text(f.end()));
            }
        }
        try (Csv out = new Csv(dir, "partnerships.csv", "from", "to", "kind", "start", "end")) {
            for (Partnership p : partnerships) {
                out.row(p.from(), p.to(), p.kind(), text(p.start()), text(p.end()));
            }
        }

        // Cases in order of their first referral, referrals by date: ids say nothing about the person.
        progress.progress("writing referrals.csv", 0, refs.size());
        LocalDate[] firstDate = new LocalDate[cases.size() == 0 ? 0 : cases.get(cases.size() - 1).seq() + 1];
        for (Ref r : refs) {
            if (firstDate[r.caseSeq()] == null || r.date().isBefore(firstDate[r.caseSeq()])) {
                firstDate[r.caseSeq()] = r.date();
            }
        }
        String[] idOf = new String[firstDate.length];
        List<CaseRow> ordered = new ArrayList<>(cases);
        ordered.sort(Comparator.comparing((CaseRow c) -> firstDate[c.seq()]).thenComparingInt(CaseRow::seq));
        try (Csv out = new Csv(dir, "cases.csv", "id", "borough", "age_band", "gender", "needs")) {
            for (CaseRow c : ordered) {
                idOf[c.seq()] = c.id();
                out.row(c.id(), c.authority().id, c.ageBand(), c.gender(), needList(c.needs()));
            }
        }
        refs.sort(Comparator.comparing(Ref::date).thenComparingInt(Ref::caseSeq).thenComparingInt(Ref::seq));
        String idFormat = "ref-%0" + Math.max(6, Integer.toString(refs.size()).length()) + "d";
        try (Csv out = new Csv(dir, "referrals.csv", "id", "case", "date", "from", "to", "outcome", "reason")) {
            int i = 0;
            for (Ref r : refs) {
                out.row(String.format(idFormat, ++i), idOf[r.caseSeq()], r.date().toString(), r.from(), r.to(),
                        r.outcome(), r.reason());
                if ((i & 65535) == 0) {
                    progress.progress("writing referrals.csv", i, refs.size());
                }
            }
        }
        progress.progress("writing referrals.csv", refs.size(), refs.size());
        Result result = new Result(authorities.size(), agencies.size(), sites.size(), services.size(), people.size(),
                placements, funders.size(), funding.size(), partnerships.size(), cases.size(), refs.size());
        writeReadme(dir, seed, result);
        return result;
    }

    private void writeReadme(Path dir, long seed, Result r) throws IOException {
        String text = "# Synthetic Bridgemap bundle (" + scale.name() + " scale, seed " + seed + ")\n\n"
                + "Written by `bridgemap generate --scale " + scale.name() + " --seed " + seed + "`. **Everything in it is "
                + "made up**" + (scale.realLondon() ? " except the 33 London boroughs' GSS codes and names" : "")
                + ": the estate, services, practitioners (pseudonyms), funding, cases and referrals describe no real "
                + "organisation or person." + (scale.realLondon() ? "" : " Local authority codes use the entity codes "
                + "E90 and W90, which ONS does not give to local authorities.") + "\n\n"
                + "| file | rows |\n| --- | --- |\n"
                + "| boroughs.csv | " + r.authorities() + " |\n| agencies.csv | " + r.agencies() + " |\n"
                + "| settings.csv | " + r.settings() + " |\n| needs.csv | " + NEEDS.length + " |\n"
                + "| services.csv | " + r.services() + " |\n| practitioners.csv | " + r.practitioners() + " |\n"
                + "| placements.csv | " + r.placements() + " |\n| funders.csv | " + r.funders() + " |\n"
                + "| funding.csv | " + r.funding() + " |\n| partnerships.csv | " + r.partnerships() + " |\n"
                + "| cases.csv | " + r.cases() + " |\n| referrals.csv | " + r.referrals() + " |\n\n"
                + "Referrals are dated " + first + " to " + last + ". Brokered referrals are accepted more often than "
                + "direct ones because the generator says so (bridgemap.demo.SyntheticBundle): the bundle is no evidence.\n";
        Files.writeString(dir.resolve("README.md"), text, StandardCharsets.UTF_8);
    }

    /** A CSV file written as it goes: LF line ends, values quoted only when they must be. */
    private static final class Csv implements AutoCloseable {
        private final Writer out;

        Csv(Path dir, String file, String... header) throws IOException {
            out = new BufferedWriter(Files.newBufferedWriter(dir.resolve(file), StandardCharsets.UTF_8), 1 << 16);
            row(header);
        }

        void row(String... values) throws IOException {
            for (int i = 0; i < values.length; i++) {
                if (i > 0) {
                    out.write(',');
                }
                String v = values[i];
                if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
                    out.write('"');
                    out.write(v.replace("\"", "\"\""));
                    out.write('"');
                } else {
                    out.write(v);
                }
            }
            out.write('\n');
        }

        @Override
        public void close() throws IOException {
            out.close();
        }
    }

    // ================================================================ small helpers

    private Agency agency(String id, String name, String sector, String kind) {
        Agency a = new Agency(id, name, sector, kind);
        agencies.add(a);
        return a;
    }

    private Site site(String id, String name, String kind, Authority a, Agency runBy) {
        Site s = new Site(id, name, kind, a, runBy);
        sites.add(s);
        return s;
    }

    private double[] regionWeights() {
        double[] w = new double[regions.size()];
        for (int r = 0; r < w.length; r++) {
            w[r] = regions.get(r).stream().mapToDouble(a -> a.weight).sum();
        }
        return w;
    }

    private int[] regionCaps() {
        return regions.stream().mapToInt(List::size).toArray();
    }

    /**
     * Splits {@code total} into integers proportional to {@code weights}, each at least {@code min} and at most
     * its cap (when caps are given), by largest remainder; ties go to the lower index.
     */
    static int[] apportion(int total, double[] weights, int min, int[] caps) {
        int k = weights.length;
        int[] out = new int[k];
        Arrays.fill(out, min);
        double sum = Arrays.stream(weights).sum();
        for (int given = min * k; given < total; given++) {
            // One unit to the open slot furthest below its quota (its share of the total).
            int best = -1;
            double bestGap = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < k; i++) {
                double gap = weights[i] / sum * total - out[i];
                if ((caps == null || out[i] < caps[i]) && gap > bestGap) {
                    bestGap = gap;
                    best = i;
                }
            }
            if (best < 0) {
                break; // every slot is full: the caps win over the total
            }
            out[best]++;
        }
        return out;
    }

    /** {@code list} in {@code count} contiguous blocks of near-equal size (count capped at the list's size). */
    private static List<List<Authority>> blocks(List<Authority> list, int count) {
        int k = Math.max(1, Math.min(count, list.size()));
        List<List<Authority>> out = new ArrayList<>();
        int at = 0;
        for (int b = 0; b < k; b++) {
            int size = list.size() / k + (b < list.size() % k ? 1 : 0);
            out.add(List.copyOf(list.subList(at, at + size)));
            at += size;
        }
        return out;
    }

    /** {@code count} authorities drawn by weight, distinct while there are enough. */
    private List<Authority> drawDistinct(List<Authority> from, int count) {
        List<Authority> out = new ArrayList<>();
        List<Authority> pool = new ArrayList<>(from);
        for (int i = 0; i < count; i++) {
            if (pool.isEmpty()) {
                pool.addAll(from);
            }
            double[] w = pool.stream().mapToDouble(a -> a.weight).toArray();
            out.add(pool.remove(pick(w)));
        }
        return out;
    }

    private static List<Authority> sortedByIndex(List<Authority> list) {
        return list.stream().sorted(Comparator.comparingInt(a -> a.index)).toList();
    }

    private static <T> List<T> distinct(List<T> list) {
        List<T> out = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (T t : list) {
            if (seen.add(t)) {
                out.add(t);
            }
        }
        return out;
    }

    private int pick(double[] weights) {
        double total = 0;
        for (double w : weights) {
            total += w;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** A standard normal draw (Box–Muller), from the one random stream. */
    private double gaussian() {
        double u = 1 - rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    private static int bit(int need) {
        return 1 << need;
    }

    private static int bits(int... needs) {
        int mask = 0;
        for (int n : needs) {
            mask |= bit(n);
        }
        return mask;
    }

    private static int lowestBit(int mask) {
        return Integer.numberOfTrailingZeros(mask);
    }

    private static String needList(int mask) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < NEEDS.length; i++) {
            if ((mask & bit(i)) != 0) {
                if (out.length() > 0) {
                    out.append(';');
                }
                out.append(NEEDS[i]);
            }
        }
        return out.toString();
    }


    private static String text(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    private static String number(double x) {
        return x == Math.rint(x) ? Long.toString((long) x) : Double.toString(x);
    }

    private static LocalDate yearStart(int year) {
        return LocalDate.of(year, 4, 1);
    }

    private static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 3, 31);
    }

    private static LocalDate max(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
