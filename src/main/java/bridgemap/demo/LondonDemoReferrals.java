package bridgemap.demo;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

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

    static final String[] AGE_BANDS = {"18-24", "25-34", "35-44", "45-54", "55-64", "65+"};
    static final double[] AGE_WEIGHTS = {17, 32, 27, 16, 6, 2};

    /** Local magistrates' court for boroughs without one of their own (choices, see README). */
    static final Map<String, String> LOCAL_COURT_FALLBACK = Map.of(
            "E09000002", "set-mc-barkingside",      // Barking and Dagenham
            "E09000007", "set-mc-highbury-corner",  // Camden
            "E09000010", "set-mc-tottenham",        // Enfield
            "E09000012", "set-mc-thames",           // Hackney
            "E09000015", "set-mc-willesden",        // Harrow
            "E09000020", "set-mc-westminster",      // Kensington and Chelsea
            "E09000021", "set-mc-wimbledon",        // Kingston upon Thames
            "E09000022", "set-mc-camberwell-green", // Lambeth
            "E09000023", "set-mc-camberwell-green", // Lewisham
            "E09000029", "set-mc-wimbledon");       // Sutton
    /** Boroughs whose people appear before a Crown Court or arrive at a prison (choices, see README). */
    static final Map<String, List<String>> CATCHMENT = Map.of(
            "set-cc-snaresbrook", List.of("E09000026", "E09000016", "E09000002", "E09000031", "E09000025", "E09000030", "E09000012"),
            "set-cc-wood-green", List.of("E09000014", "E09000010", "E09000003", "E09000019", "E09000007"),
            "set-hmp-wandsworth", List.of("E09000032", "E09000022", "E09000024", "E09000021", "E09000029", "E09000027",
                    "E09000008", "E09000028", "E09000013", "E09000018"));

    private static final String[] NEED_ORDER = {"psychosis", "mood_anxiety", "personality_disorder", "learning_disability",
            "substance_misuse", "alcohol", "self_harm", "housing", "women_specific"};
    private static final String[] PRIMARY = {"psychosis", "mood_anxiety", "personality_disorder", "learning_disability",
            "substance_misuse", "alcohol", "self_harm"};
    private static final double[] PRIMARY_W = {22, 30, 17, 5, 12, 8, 6};
    private static final Map<String, Object[][]> SECONDARY = new HashMap<>();

    static {
        SECONDARY.put("psychosis", new Object[][] {{"substance_misuse", .30}, {"housing", .25}, {"alcohol", .10}, {"self_harm", .08}});
        SECONDARY.put("mood_anxiety", new Object[][] {{"alcohol", .22}, {"self_harm", .22}, {"housing", .18}, {"substance_misuse", .12},
                {"personality_disorder", .08}});
        SECONDARY.put("personality_disorder", new Object[][] {{"substance_misuse", .40}, {"self_harm", .35}, {"alcohol", .15}, {"housing", .15}});
        SECONDARY.put("learning_disability", new Object[][] {{"housing", .20}, {"mood_anxiety", .20}, {"alcohol", .05}});
        SECONDARY.put("substance_misuse", new Object[][] {{"personality_disorder", .30}, {"mood_anxiety", .25}, {"housing", .25},
                {"psychosis", .15}});
        SECONDARY.put("alcohol", new Object[][] {{"mood_anxiety", .35}, {"housing", .20}, {"self_harm", .10}});
        SECONDARY.put("self_harm", new Object[][] {{"personality_disorder", .35}, {"mood_anxiety", .30}, {"alcohol", .15}});
    }

    // ---------------------------------------------------------------- model read from the bundle

    record Setting(String id, String kind, String borough, String runBy) { }

    record Service(String id, String agency, List<String> boroughs, Set<String> accepts, Set<String> excludes,
                   LocalDate start, LocalDate end) {
        boolean activeOn(LocalDate d) {
            return (start == null || !d.isBefore(start)) && (end == null || !d.isAfter(end));
        }
    }

    record Practitioner(String id, String role, double fte, LocalDate start, LocalDate end) { }

    record Placement(String practitioner, String setting, LocalDate start, LocalDate end) {
        boolean activeOn(LocalDate d) {
            return !d.isBefore(start) && (end == null || !d.isAfter(end));
        }
    }

    /** One generated referral before ids are assigned. */
    record Ref(LocalDate date, int caseSeq, int seq, String from, String to, String outcome, String reason) { }

    /** One generated case. */
    record Case(int seq, String id, String borough, String ageBand, String gender, List<String> needs) { }

    /** Counts returned by {@link #generate}. */
    public record Result(int cases, int referrals, int fmhpCases, int directCases) { }

    private final List<String> boroughs = new ArrayList<>();
    private final Map<String, String> agencyKind = new HashMap<>();
    private final Map<String, Setting> settings = new LinkedHashMap<>();
    private final Set<String> needs = new HashSet<>();
    private final List<Service> services = new ArrayList<>();
    private final Map<String, Practitioner> practitioners = new TreeMap<>();
    private final Map<String, List<Placement>> placements = new TreeMap<>();
    private final Map<String, String> localCourt = new TreeMap<>();
    private final Map<String, List<String>> courtCatchment = new TreeMap<>();
    private final Map<String, String> trustOf = new HashMap<>();
    private final Map<String, List<Placement>> fmhpPlacementsByBorough = new HashMap<>();
    private final Map<String, List<Placement>> cswPlacementsByBorough = new HashMap<>();

    private final SplittableRandom rnd;
    private final List<Case> cases = new ArrayList<>();
    private final List<Ref> refs = new ArrayList<>();
    private final Set<String> caseIds = new HashSet<>();
    private int fmhpCases;
    private int nextSeq;
    private int directCases;

    private LondonDemoReferrals(Path dir, long seed) throws IOException {
        this.rnd = new SplittableRandom(seed);
        load(dir);
    }

    // ---------------------------------------------------------------- entry points

    /**
     * Reads the structural CSVs in {@code bundleDir} and (re)writes {@code cases.csv} and {@code referrals.csv}
     * there. Same inputs and seed give byte-identical output.
     */
    public static Result generate(Path bundleDir, long seed) throws IOException {
        LondonDemoReferrals g = new LondonDemoReferrals(bundleDir, seed);
        g.run();
        g.write(bundleDir);
        return new Result(g.cases.size(), g.refs.size(), g.fmhpCases, g.directCases);
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

    // ---------------------------------------------------------------- loading

    private static List<CSVRecord> read(Path dir, String file) throws IOException {
        String text = Files.readString(dir.resolve(file), StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true).get();
        try (CSVParser p = CSVParser.parse(text, fmt)) {
            return p.getRecords();
        }
    }

    private static LocalDate date(CSVRecord r, String col) {
        String v = r.isMapped(col) ? r.get(col) : "";
        return v == null || v.isEmpty() ? null : LocalDate.parse(v);
    }

    private static Set<String> list(String v) {
        Set<String> out = new LinkedHashSet<>();
        if (v != null) {
            for (String s : v.split(";")) {
                if (!s.isBlank()) {
                    out.add(s.trim());
                }
            }
        }
        return out;
    }

    private void load(Path dir) throws IOException {
        for (CSVRecord r : read(dir, "boroughs.csv")) {
            boroughs.add(r.get("id"));
        }
        Collections.sort(boroughs);
        for (CSVRecord r : read(dir, "agencies.csv")) {
            agencyKind.put(r.get("id"), r.get("kind"));
        }
        for (CSVRecord r : read(dir, "settings.csv")) {
            settings.put(r.get("id"), new Setting(r.get("id"), r.get("kind"), r.get("borough"), r.get("run_by")));
        }
        for (CSVRecord r : read(dir, "needs.csv")) {
            needs.add(r.get("id"));
        }
        for (String n : NEED_ORDER) {
            require(needs.contains(n), "need " + n + " missing from needs.csv");
        }
        for (CSVRecord r : read(dir, "services.csv")) {
            services.add(new Service(r.get("id"), r.get("agency"), List.copyOf(list(r.get("boroughs"))),
                    list(r.get("accepts")), list(r.get("excludes")), date(r, "start"), date(r, "end")));
        }
        for (CSVRecord r : read(dir, "practitioners.csv")) {
            practitioners.put(r.get("id"), new Practitioner(r.get("id"), r.get("role"), Double.parseDouble(r.get("fte")),
                    date(r, "start"), date(r, "end")));
        }
        for (CSVRecord r : read(dir, "placements.csv")) {
            Placement p = new Placement(r.get("practitioner"), r.get("setting"), date(r, "start"), date(r, "end"));
            require(practitioners.containsKey(p.practitioner()), "placement of unknown practitioner " + p.practitioner());
            require(settings.containsKey(p.setting()), "placement at unknown setting " + p.setting());
            placements.computeIfAbsent(p.practitioner(), k -> new ArrayList<>()).add(p);
            String role = practitioners.get(p.practitioner()).role();
            String b = settings.get(p.setting()).borough();
            if ("FMHP".equals(role)) {
                fmhpPlacementsByBorough.computeIfAbsent(b, k -> new ArrayList<>()).add(p);
            } else if ("community_support_worker".equals(role)) {
                cswPlacementsByBorough.computeIfAbsent(b, k -> new ArrayList<>()).add(p);
            }
        }
        // local magistrates' court per borough: the one in the borough, else the fallback map
        for (Setting s : settings.values()) {
            if (s.kind().equals("magistrates_court")) {
                localCourt.putIfAbsent(s.borough(), s.id());
            }
        }
        for (Map.Entry<String, String> e : LOCAL_COURT_FALLBACK.entrySet()) {
            require(settings.containsKey(e.getValue()), "unknown court " + e.getValue());
            localCourt.putIfAbsent(e.getKey(), e.getValue());
        }
        for (String b : boroughs) {
            String c = localCourt.get(b);
            if (c != null) {
                courtCatchment.computeIfAbsent(c, k -> new ArrayList<>()).add(b);
            }
        }
        for (Map.Entry<String, List<String>> e : CATCHMENT.entrySet()) {
            require(settings.containsKey(e.getKey()), "unknown setting " + e.getKey());
            for (String b : e.getValue()) {
                require(boroughs.contains(b), "unknown borough " + b);
            }
        }
        // the NHS trust of a borough = the agency offering its community mental-health team
        for (Service s : services) {
            if (s.id().startsWith("svc-cmht-") && "nhs_trust".equals(agencyKind.get(s.agency()))) {
                for (String b : s.boroughs()) {
                    trustOf.putIfAbsent(b, s.agency());
                }
            }
        }
        for (String b : boroughs) {
            require(trustOf.containsKey(b), "no NHS trust community mental-health team for " + b);
            require(agencyKind.containsKey("la-" + b), "no local authority la-" + b);
            require(settings.containsKey(probationOffice(b)), "no probation office for " + b);
        }
    }

    private static void require(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalStateException("london demo bundle: " + msg);
        }
    }

    private String probationOffice(String borough) {
        for (Setting s : settings.values()) {
            if (s.kind().equals("probation_office") && s.borough().equals(borough)) {
                return s.id();
            }
        }
        return "";
    }

    // ---------------------------------------------------------------- generation

    private void run() {
        for (Practitioner p : practitioners.values()) {
            if ("FMHP".equals(p.role())) {
                fmhpCasesFor(p);
            }
        }
        for (String b : boroughs) {
            directCasesFor(b);
        }
    }

    private List<Placement> activePlacements(String practitioner, LocalDate d) {
        List<Placement> out = new ArrayList<>();
        for (Placement p : placements.getOrDefault(practitioner, List.of())) {
            if (p.activeOn(d)) {
                out.add(p);
            }
        }
        return out;
    }

    private boolean placed(String practitioner, LocalDate d) {
        Practitioner p = practitioners.get(practitioner);
        if (d.isBefore(p.start()) || (p.end() != null && d.isAfter(p.end()))) {
            return false;
        }
        return !activePlacements(practitioner, d).isEmpty();
    }

    private static double kindWeight(String kind) {
        switch (kind) {
            case "magistrates_court": return 2.3;
            case "crown_court":
            case "police_custody": return 1.5;
            default: return 1.0;
        }
    }

    /** Poisson arrivals of new people for one FMHP over the time they are placed. */
    private void fmhpCasesFor(Practitioner p) {
        LocalDate from = p.start().isBefore(FIRST) ? FIRST : p.start();
        LocalDate to = p.end() == null || p.end().isAfter(LAST) ? LAST : p.end();
        double perDay = FMHP_CASES_PER_FTE_YEAR * p.fte() / 365.25;
        double t = 0;
        long span = ChronoUnit.DAYS.between(from, to);
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / perDay;
            if (t > span) {
                break;
            }
            LocalDate d = from.plusDays((long) t);
            List<Placement> active = activePlacements(p.id(), d);
            if (active.isEmpty()) {
                continue;
            }
            double[] w = new double[active.size()];
            for (int i = 0; i < w.length; i++) {
                w[i] = kindWeight(settings.get(active.get(i).setting()).kind());
            }
            Placement at = active.get(pick(w));
            fmhpCase(p, at, active, d);
        }
    }

    private void fmhpCase(Practitioner p, Placement at, List<Placement> active, LocalDate d0) {
        Setting s = settings.get(at.setting());
        boolean probationOnly = active.stream().allMatch(x -> settings.get(x.setting()).kind().equals("probation_office"));
        Setting entry = s;
        if (probationOnly && rnd.nextDouble() < 0.5 && localCourt.containsKey(s.borough())) {
            entry = settings.get(localCourt.get(s.borough())); // pre-sentence assessment requested by the court
        }
        String borough = caseBorough(entry, p, active);
        boolean womensProject = p.id().startsWith("fmhp-wom-");
        String gender = womensProject ? (rnd.nextDouble() < 0.97 ? "female" : "unknown")
                : entry.kind().equals("prison") ? "male" : gender();
        Case c = newCase(borough, gender, womensProject ? 0.9 : 0.45);
        List<Ref> chain = new ArrayList<>();
        double u = rnd.nextDouble();
        if (u < 0.93) {
            chain.add(ref(d0, c, entry.id(), p.id(), "accepted", ""));
            fmhpCases++;
            LocalDate d = d0;
            if (rnd.nextDouble() < 0.12) {
                // the probation office or court also refers straight on, in parallel
                LocalDate dd = d0.plusDays(rnd.nextInt(0, 8));
                directReferral(c, entry.id(), dd, chain, new HashSet<>());
            }
            brokeredChain(c, p, d, chain);
        } else if (u < 0.97) {
            chain.add(ref(d0, c, entry.id(), p.id(), "withdrawn", "case disposed before assessment"));
            if (rnd.nextDouble() < 0.4) {
                directChain(c, entry.id(), d0.plusDays(rnd.nextInt(1, 15)), chain, 2);
            }
            directCases++;
        } else {
            chain.add(ref(d0, c, entry.id(), p.id(), "declined", "no mental health need identified"));
            if (rnd.nextDouble() < 0.4) {
                directChain(c, entry.id(), d0.plusDays(rnd.nextInt(1, 15)), chain, 2);
            }
            directCases++;
        }
        commit(c, chain);
    }

    private String caseBorough(Setting entry, Practitioner p, List<Placement> active) {
        switch (entry.kind()) {
            case "magistrates_court": {
                String home = null;
                for (Placement x : active) {
                    Setting s = settings.get(x.setting());
                    if (s.kind().equals("probation_office")) {
                        home = s.borough();
                        break;
                    }
                }
                if (home != null && rnd.nextDouble() < 0.75) {
                    return home;
                }
                List<String> c = courtCatchment.getOrDefault(entry.id(), List.of(entry.borough()));
                return c.get(rnd.nextInt(c.size()));
            }
            case "crown_court":
            case "prison": {
                List<String> c = CATCHMENT.getOrDefault(entry.id(), List.of(entry.borough()));
                return c.get(rnd.nextInt(c.size()));
            }
            default:
                return entry.borough();
        }
    }

    /** The FMHP refers on to services of the person's borough until every need is met or the chain stops. */
    private void brokeredChain(Case c, Practitioner p, LocalDate start, List<Ref> chain) {
        if (rnd.nextDouble() < 0.10) {
            return; // short-term intervention or advice to court only: no onward referral
        }
        Set<String> remaining = new LinkedHashSet<>(c.needs());
        remaining.remove("women_specific");
        if (c.needs().contains("women_specific") && rnd.nextDouble() < 0.6) {
            remaining.add("women_specific");
        }
        LocalDate d = start.plusDays(rnd.nextInt(3, 29));
        Set<String> tried = new HashSet<>();
        int n = 0;
        while (!remaining.isEmpty() && n < 5) {
            if (d.isAfter(LAST) || !placed(p.id(), d)) {
                return;
            }
            // a community support worker in the borough (2014 L&D sites)
            if (n == 0 && !cswPlacementsByBorough.getOrDefault(c.borough(), List.of()).isEmpty() && rnd.nextDouble() < 0.3) {
                for (Placement x : cswPlacementsByBorough.get(c.borough())) {
                    if (x.activeOn(d) && placed(x.practitioner(), d)) {
                        chain.add(ref(d, c, p.id(), x.practitioner(), "accepted", ""));
                        break;
                    }
                }
            }
            n++;
            String outcome;
            Service svc = chooseService(c, remaining, d, tried, true);
            if (svc == null) {
                String need = remaining.iterator().next();
                String agency = need.equals("housing") || need.equals("learning_disability") || need.equals("women_specific")
                        ? "la-" + c.borough() : trustOf.get(c.borough());
                outcome = pendingOr(d, agencyOutcome(0.45, 0.30));
                String why = anyServiceAccepts(c.borough(), need, d) ? "no further service to try" : "no service accepts " + ReferralOutcomes.needLabel(need);
                chain.add(ref(d, c, p.id(), agency, outcome, outcome.equals("declined") ? why : ""));
                if (outcome.equals("accepted")) {
                    remaining.remove(need);
                } else if (!outcome.equals("pending")) {
                    remaining.remove(need); // nothing else to try for this need
                }
            } else {
                tried.add(svc.id());
                String[] or = serviceOutcome(c, svc, remaining, true);
                outcome = pendingOr(d, or[0]);
                chain.add(ref(d, c, p.id(), svc.id(), outcome, outcome.equals("pending") ? "" : or[1]));
                if (outcome.equals("accepted")) {
                    remaining.removeAll(svc.accepts());
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

    private boolean anyServiceAccepts(String borough, String need, LocalDate d) {
        for (Service s : services) {
            if (s.activeOn(d) && s.boroughs().contains(borough) && s.accepts().contains(need)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Candidate services for the remaining needs: active, serving the borough, accepting at least one of them.
     * A broker mostly picks the best fit (most needs accepted, none of the person's needs excluded).
     */
    private Service chooseService(Case c, Set<String> remaining, LocalDate d, Set<String> tried, boolean broker) {
        List<Service> cands = new ArrayList<>();
        for (Service s : services) {
            if (!tried.contains(s.id()) && s.activeOn(d) && s.boroughs().contains(c.borough())
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
                for (String n : c.needs()) {
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

    private String[] serviceOutcome(Case c, Service s, Set<String> remaining, boolean brokered) {
        String excluded = null;
        for (String n : NEED_ORDER) {
            if (c.needs().contains(n) && s.excludes().contains(n)) {
                excluded = n;
                break;
            }
        }
        return ReferralOutcomes.toService(rnd, excluded, brokered);
    }

    private String agencyOutcome(double accept, double decline) {
        return ReferralOutcomes.toAgency(rnd, accept, decline);
    }

    private String pendingOr(LocalDate d, String outcome) {
        return ReferralOutcomes.pendingOr(rnd, d, LAST, outcome);
    }

    /** People referred by a setting straight to services or agencies, never seen by an FMHP. */
    private void directCasesFor(String borough) {
        double maxPerDay = DIRECT_MAX * 1.6 / 365.25;
        long span = ChronoUnit.DAYS.between(FIRST, LAST);
        double t = 0;
        List<String> custody = new ArrayList<>();
        for (Setting s : settings.values()) {
            if (s.kind().equals("police_custody") && s.borough().equals(borough)) {
                custody.add(s.id());
            }
        }
        String probation = probationOffice(borough);
        String court = localCourt.get(borough);
        while (true) {
            t += -Math.log(1 - rnd.nextDouble()) / maxPerDay;
            if (t > span) {
                break;
            }
            LocalDate d = FIRST.plusDays((long) t);
            double years = ChronoUnit.DAYS.between(FIRST, d) / 365.25;
            double base = DIRECT_1993 + (DIRECT_MAX - DIRECT_1993) * years / 21.1;
            double rate = base * (fmhpPlacedIn(borough, d) ? 0.6 : 1.6);
            if (rnd.nextDouble() * DIRECT_MAX * 1.6 >= rate) {
                continue;
            }
            double u = rnd.nextDouble();
            String entry = u < 0.5 || (u < 0.8 && custody.isEmpty()) || (u >= 0.8 && court == null) ? probation
                    : u < 0.8 ? custody.get(rnd.nextInt(custody.size())) : court;
            Case c = newCase(borough, gender(), 0.45);
            List<Ref> chain = new ArrayList<>();
            directChain(c, entry, d, chain, 3);
            directCases++;
            commit(c, chain);
        }
    }

    private boolean fmhpPlacedIn(String borough, LocalDate d) {
        for (Placement p : fmhpPlacementsByBorough.getOrDefault(borough, List.of())) {
            if (p.activeOn(d)) {
                return true;
            }
        }
        return false;
    }

    private void directChain(Case c, String from, LocalDate d, List<Ref> chain, int max) {
        Set<String> tried = new HashSet<>();
        for (int i = 0; i < max && !d.isAfter(LAST); i++) {
            String outcome = directReferral(c, from, d, chain, tried);
            if (outcome.equals("accepted") || outcome.equals("pending") || outcome.equals("withdrawn") || rnd.nextDouble() > 0.3) {
                return;
            }
            d = d.plusDays(rnd.nextInt(14, 43));
        }
    }

    private String directReferral(Case c, String from, LocalDate d, List<Ref> chain, Set<String> tried) {
        if (d.isAfter(LAST)) {
            return "none";
        }
        Set<String> remaining = new LinkedHashSet<>(c.needs());
        Service svc = rnd.nextDouble() < 0.7 ? chooseService(c, remaining, d, tried, false) : null;
        String outcome;
        if (svc == null) {
            String agency = rnd.nextDouble() < 0.6 ? "la-" + c.borough() : trustOf.get(c.borough());
            outcome = pendingOr(d, agencyOutcome(0.30, 0.25));
            chain.add(ref(d, c, from, agency, outcome, outcome.equals("declined") ? "insufficient information" : ""));
            tried.add(agency);
        } else {
            tried.add(svc.id());
            String[] or = serviceOutcome(c, svc, remaining, false);
            outcome = pendingOr(d, or[0]);
            chain.add(ref(d, c, from, svc.id(), outcome, outcome.equals("pending") ? "" : or[1]));
        }
        return outcome;
    }

    // ---------------------------------------------------------------- people

    private Case newCase(String borough, String gender, double womenSpecific) {
        String id;
        do {
            id = String.format("c-%08x", rnd.nextInt() & 0xffffffffL);
        } while (!caseIds.add(id));
        String age = AGE_BANDS[pick(AGE_WEIGHTS)];
        return new Case(nextSeq++, id, borough, age, gender, drawNeeds(gender, womenSpecific));
    }

    private String gender() {
        double u = rnd.nextDouble();
        return u < 0.84 ? "male" : u < 0.99 ? "female" : "unknown";
    }

    private List<String> drawNeeds(String gender, double womenSpecific) {
        Set<String> set = new LinkedHashSet<>();
        String primary = PRIMARY[pick(PRIMARY_W)];
        set.add(primary);
        if (gender.equals("female") && rnd.nextDouble() < womenSpecific) {
            set.add("women_specific");
        }
        for (Object[] o : SECONDARY.get(primary)) {
            if (set.size() >= 3) {
                break;
            }
            if (rnd.nextDouble() < (Double) o[1]) {
                set.add((String) o[0]);
            }
        }
        List<String> out = new ArrayList<>();
        for (String n : NEED_ORDER) {
            if (set.contains(n)) {
                out.add(n);
            }
        }
        return out;
    }

    private int pick(double[] w) {
        double total = 0;
        for (double x : w) {
            total += x;
        }
        double u = rnd.nextDouble() * total;
        for (int i = 0; i < w.length; i++) {
            u -= w[i];
            if (u < 0) {
                return i;
            }
        }
        return w.length - 1;
    }


    // ---------------------------------------------------------------- bookkeeping and output

    private Ref ref(LocalDate d, Case c, String from, String to, String outcome, String reason) {
        return new Ref(d, c.seq(), 0, from, to, outcome, reason);
    }

    /** Keeps a case and its chain in date order (stable), dropping anything after {@link #LAST}. */
    private void commit(Case c, List<Ref> chain) {
        List<Ref> sorted = new ArrayList<>(chain);
        sorted.sort(Comparator.comparing(Ref::date));
        List<Ref> kept = new ArrayList<>();
        for (Ref r : sorted) {
            if (r.date().isAfter(LAST)) {
                break;
            }
            kept.add(new Ref(r.date(), c.seq(), kept.size(), r.from(), r.to(), r.outcome(), r.reason()));
        }
        if (kept.isEmpty()) {
            caseIds.remove(c.id());
            return;
        }
        cases.add(c);
        refs.addAll(kept);
    }

    private void write(Path dir) throws IOException {
        Map<Integer, LocalDate> firstDate = new HashMap<>();
        for (Ref r : refs) {
            firstDate.merge(r.caseSeq(), r.date(), (a, b) -> a.isBefore(b) ? a : b);
        }
        List<Case> cs = new ArrayList<>(cases);
        cs.sort(Comparator.comparing((Case c) -> firstDate.get(c.seq())).thenComparingInt(Case::seq));
        Map<Integer, String> idOf = new HashMap<>();
        for (Case c : cs) {
            idOf.put(c.seq(), c.id());
        }
        List<Ref> rs = new ArrayList<>(refs);
        rs.sort(Comparator.comparing(Ref::date).thenComparingInt(Ref::caseSeq).thenComparingInt(Ref::seq));
        CSVFormat fmt = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get();
        StringBuilder sb = new StringBuilder();
        try (CSVPrinter out = new CSVPrinter(sb, fmt)) {
            out.printRecord("id", "borough", "age_band", "gender", "needs");
            for (Case c : cs) {
                out.printRecord(c.id(), c.borough(), c.ageBand(), c.gender(), String.join(";", c.needs()));
            }
        }
        Files.writeString(dir.resolve("cases.csv"), sb.toString(), StandardCharsets.UTF_8);
        sb.setLength(0);
        try (CSVPrinter out = new CSVPrinter(sb, fmt)) {
            out.printRecord("id", "case", "date", "from", "to", "outcome", "reason");
            int i = 0;
            for (Ref r : rs) {
                out.printRecord(String.format("r-%06d", ++i), idOf.get(r.caseSeq()), r.date().toString(), r.from(), r.to(),
                        r.outcome(), r.reason());
            }
        }
        Files.writeString(dir.resolve("referrals.csv"), sb.toString(), StandardCharsets.UTF_8);
    }
}
