package bridgemap.demo;

import static bridgemap.demo.Needs.ALC;
import static bridgemap.demo.Needs.HOU;
import static bridgemap.demo.Needs.LD;
import static bridgemap.demo.Needs.MOOD;
import static bridgemap.demo.Needs.PD;
import static bridgemap.demo.Needs.PSY;
import static bridgemap.demo.Needs.SH;
import static bridgemap.demo.Needs.SUB;
import static bridgemap.demo.Needs.WOM;
import static bridgemap.demo.Needs.bit;
import static bridgemap.demo.Needs.bits;

import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Partnership;
import bridgemap.model.Period;
import bridgemap.model.Practitioner;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The estate of a {@link SyntheticBundle}: local authorities grouped into regions, the agencies that serve them
 * (courts and probation services, a regional broker, police forces, trusts, providers, councils, charities), the
 * settings people pass through (custody suites, courts, probation offices, prisons), the services on offer and
 * the agencies' partnerships. Its parts are model records ({@link Agency}, {@link Setting}, {@link Service},
 * {@link Partnership}); {@link Authority} and {@link Site} only link them for the generator.
 *
 * <p>Regions share a courts service, a probation region and a regional broker. Police force areas, trust areas
 * and provider areas are contiguous blocks of a region's authorities; custody suites, courts and prisons sit in
 * authorities drawn by a population-like weight. Exclusions vary by authority, so some need sets are served, some
 * split between two services that exclude each other's needs, and some unserved.
 */
final class SyntheticEstate {

    /** A local authority and what serves it. */
    static final class Authority {
        final int index;
        final Borough borough;
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
        final List<Offer> services = new ArrayList<>();
        final List<Practitioner> community = new ArrayList<>();

        Authority(int index, Borough borough, int regionIndex, double weight) {
            this.index = index;
            this.borough = borough;
            this.regionIndex = regionIndex;
            this.weight = weight;
        }

        String id() {
            return borough.id();
        }

        String name() {
            return borough.name();
        }
    }

    /** A setting, where it is and the posts placed there. */
    static final class Site {
        final Setting setting;
        final Authority authority;
        final List<SyntheticStaff.Post> posts = new ArrayList<>();

        Site(Setting setting, Authority authority) {
            this.setting = setting;
            this.authority = authority;
        }

        String id() {
            return setting.id();
        }

        SettingKind kind() {
            return setting.kind();
        }
    }

    /** A service with the needs it accepts and excludes as masks ({@link Needs}), for the case generator. */
    record Offer(Service service, int accepts, int excludes) {

        String id() {
            return service.id();
        }

        boolean activeOn(LocalDate d) {
            return service.period().contains(d);
        }
    }

    private final SyntheticScale scale;
    private final SplittableRandom rnd;
    private final LocalDate first;

    final List<Authority> authorities = new ArrayList<>();
    final List<List<Authority>> regions = new ArrayList<>();
    final List<Agency> agencies = new ArrayList<>();
    final List<Site> sites = new ArrayList<>();
    final List<Offer> services = new ArrayList<>();
    final List<Agency> forces = new ArrayList<>();
    final List<List<Site>> suitesOfForce = new ArrayList<>();
    final List<Agency> brokers = new ArrayList<>();
    final List<List<Site>> prisonsOfRegion = new ArrayList<>();
    final List<Site> prisons = new ArrayList<>();
    private final List<Agency> courtServices = new ArrayList<>();
    /** Each region's probation service, by region index. */
    final List<Agency> probationServices = new ArrayList<>();
    private Agency prisonService;

    /** Draws the estate of {@code scale} from {@code rnd}: authorities, agencies, settings and services. */
    SyntheticEstate(SyntheticScale scale, SplittableRandom rnd) {
        this.scale = scale;
        this.rnd = rnd;
        this.first = scale.first();
        buildAuthorities();
        for (int r = 0; r < regions.size(); r++) {
            String label = regionLabel(r);
            Agency courts = agency("courts-" + (r + 1), "Synthetic courts service, " + label, Sector.CRIMINAL_JUSTICE,
                    AgencyKind.COURT_SERVICE);
            courtServices.add(courts);
            probationServices.add(agency("probation-" + (r + 1), "Synthetic probation service, " + label,
                    Sector.CRIMINAL_JUSTICE, AgencyKind.PROBATION));
            brokers.add(agency("broker-" + (r + 1), "Synthetic liaison and diversion charity, " + label,
                    Sector.VOLUNTARY, AgencyKind.CHARITY));
        }
        prisonService = agency("prisons", "Synthetic prison service", Sector.CRIMINAL_JUSTICE, AgencyKind.PRISON_SERVICE);
        for (Authority a : authorities) {
            a.council = agency("council-" + a.id(), a.name() + " council (synthetic)", Sector.SOCIAL_CARE,
                    AgencyKind.LOCAL_AUTHORITY);
        }
        buildForces();
        buildAreas();
        buildCourtsAndPrisons();
        for (Authority a : authorities) {
            a.probation = site("po-" + a.id(), "Probation office, " + a.name(), SettingKind.PROBATION_OFFICE, a,
                    probationServices.get(a.regionIndex));
        }
        buildServices();
    }

    /** "region 3", "Wales" or "London": how the region's agencies are named. */
    String regionLabel(int r) {
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
                double weight = Math.exp(0.5 * Draws.gaussian(rnd));
                Borough borough;
                if (scale.realLondon()) {
                    String[] row = london.get(index);
                    borough = new Borough(row[0], row[1], row[2]);
                } else {
                    boolean welsh = r >= english;
                    String code = (welsh ? "W90" : "E90") + String.format("%06d", index + 1);
                    borough = new Borough(code, "Synthetic LA " + (index + 1),
                            welsh ? "Synthetic Wales" : "Synthetic region " + (r + 1));
                }
                Authority a = new Authority(index, borough, r, weight);
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
        try (InputStream in = SyntheticEstate.class.getClassLoader().getResourceAsStream(resource)) {
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
        List<List<Authority>> areas = new ArrayList<>();
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), perRegion[r])) {
                number++;
                Agency force = agency("police-" + number, "Synthetic police force " + number, Sector.CRIMINAL_JUSTICE,
                        AgencyKind.POLICE);
                forces.add(force);
                for (Authority a : block) {
                    a.force = number - 1;
                }
                areas.add(block);
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
                        SettingKind.POLICE_CUSTODY, a, forces.get(f));
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
                Agency trust = agency("trust-" + number, "Synthetic mental health trust " + number, Sector.HEALTH,
                        AgencyKind.NHS_TRUST);
                block.forEach(a -> a.trust = trust);
            }
        }
        number = 0;
        int[] substance = apportion(scale.substanceProviders(), weights, 1, caps);
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), substance[r])) {
                number++;
                Agency provider = agency("sms-" + number, "Synthetic drug and alcohol provider " + number,
                        Sector.SUBSTANCE_MISUSE, rnd.nextDouble() < 0.6 ? AgencyKind.CHARITY : AgencyKind.PRIVATE_PROVIDER);
                block.forEach(a -> a.substance = provider);
            }
        }
        number = 0;
        int[] housing = apportion(scale.housingProviders(), weights, 1, caps);
        for (int r = 0; r < regions.size(); r++) {
            for (List<Authority> block : blocks(regions.get(r), housing[r])) {
                number++;
                Agency provider = agency("housing-" + number, "Synthetic housing association " + number, Sector.HOUSING,
                        AgencyKind.HOUSING_PROVIDER);
                block.forEach(a -> a.housing = provider);
            }
        }
        // Local charities: each based in one authority, drawn by weight; an authority's first is its "own".
        double[] authorityWeights = authorities.stream().mapToDouble(a -> a.weight).toArray();
        for (int c = 1; c <= scale.charities(); c++) {
            Authority home = authorities.get(Draws.pick(rnd, authorityWeights));
            Agency charity = agency("charity-" + c, "Synthetic charity " + c, Sector.VOLUNTARY, AgencyKind.CHARITY);
            if (home.charity == null) {
                home.charity = charity;
            }
            List<Authority> served = new ArrayList<>(List.of(home));
            List<Authority> region = regions.get(home.regionIndex);
            int at = region.indexOf(home);
            if (rnd.nextDouble() < 0.3 && region.size() > 1) {
                served.add(region.get(at + 1 < region.size() ? at + 1 : at - 1));
            }
            int need = Draws.pick(rnd, new double[] {30, 20, 15, 12, 13, 10});
            int[] charityNeeds = {MOOD, HOU, WOM, ALC, LD, SH};
            int accepts = bit(charityNeeds[need]);
            if (rnd.nextDouble() < 0.4) {
                accepts |= bit(charityNeeds[rnd.nextInt(charityNeeds.length)]);
            }
            int excludes = rnd.nextDouble() < 0.25 ? bit(rnd.nextBoolean() ? SUB : PSY) & ~accepts : 0;
            LocalDate end = rnd.nextDouble() < 0.12 ? yearEnd(first.getYear() + 1 + rnd.nextInt(2)) : null;
            service("advice and support service",
                    "svc-charity-" + c, "Advice and support, Synthetic charity " + c, charity, served, accepts, excludes,
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
                regionMcs.add(site("mc-" + mcNumber, "Magistrates' court " + mcNumber, SettingKind.MAGISTRATES_COURT, a,
                        courtServices.get(r)));
            }
            List<Site> regionCcs = new ArrayList<>();
            for (Authority a : sortedByIndex(drawDistinct(region, ccs[r]))) {
                ccNumber++;
                regionCcs.add(site("crown-" + ccNumber, "Crown Court " + ccNumber, SettingKind.CROWN_COURT, a,
                        courtServices.get(r)));
            }
            for (Authority a : region) {
                a.court = nearest(a, regionMcs, true);
                a.crown = nearest(a, regionCcs, false);
            }
            List<Site> regionPrisons = new ArrayList<>();
            for (Authority a : sortedByIndex(drawDistinct(region, jails[r]))) {
                prisonNumber++;
                Site prison = site("prison-" + prisonNumber, "Prison " + prisonNumber, SettingKind.PRISON, a, prisonService);
                regionPrisons.add(prison);
                prisons.add(prison);
            }
            prisonsOfRegion.add(regionPrisons);
        }
    }

    /** The court in {@code a}, else the nearest (by position) in its force area when asked, else in its region. */
    private static Site nearest(Authority a, List<Site> courts, boolean preferForce) {
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
            service("community mental health team",
                    "svc-cmht-" + a.id(), "Community mental health team, " + a.name(), a.trust, only,
                    bits(PSY, MOOD, SH) | (cmhtTakesPd ? bit(PD) : 0),
                    (cmhtExcludesSub ? bit(SUB) : 0) | (cmhtExcludesPd ? bit(PD) : 0), null, null);
            boolean dnaExcludesPd = rnd.nextDouble() < 0.45;
            boolean dnaExcludesPsy = rnd.nextDouble() < 0.20;
            service("drug and alcohol service",
                    "svc-dna-" + a.id(), "Drug and alcohol service, " + a.name(), a.substance, only, bits(SUB, ALC),
                    (dnaExcludesPd ? bit(PD) : 0) | (dnaExcludesPsy ? bit(PSY) : 0), null, null);
            service("housing options service",
                    "svc-housing-" + a.id(), "Housing options, " + a.name(), a.council, only, bit(HOU), 0, null, null);
            service("community learning disability team",
                    "svc-ldt-" + a.id(), "Learning disability team, " + a.name(), a.council, only, bit(LD), 0, null, null);
            if (rnd.nextDouble() < 0.25) {
                LocalDate start = rnd.nextDouble() < 0.3 ? yearStart(first.getYear() + 1 + rnd.nextInt(2)) : null;
                service("dual diagnosis service",
                        "svc-dual-" + a.id(), "Dual diagnosis service, " + a.name(), a.trust, only,
                        bits(PSY, SUB) | (rnd.nextBoolean() ? bit(PD) : 0), 0, start, null);
            }
            if (rnd.nextDouble() < 0.45) {
                Agency runner = a.charity != null ? a.charity : a.council;
                LocalDate end = rnd.nextDouble() < 0.2 ? yearEnd(first.getYear() + 1 + rnd.nextInt(2)) : null;
                service("women's centre",
                        "svc-women-" + a.id(), "Women's centre, " + a.name(), runner, only, bits(WOM, MOOD, SH), 0, null, end);
            }
        }
        // Trust-wide personality disorder pathways, and housing associations' supported housing.
        for (Agency trust : distinct(authorities.stream().map(a -> a.trust).toList())) {
            if (rnd.nextDouble() < 0.5) {
                List<Authority> area = authorities.stream().filter(a -> a.trust == trust).toList();
                LocalDate start = rnd.nextDouble() < 0.3 ? yearStart(first.getYear() + 1 + rnd.nextInt(2)) : null;
                service("personality disorder pathway",
                        "svc-pd-" + trust.id(), "Personality disorder pathway, " + trust.name(), trust, area,
                        bits(PD, SH), rnd.nextDouble() < 0.7 ? bit(SUB) : 0, start, null);
            }
        }
        for (Agency provider : distinct(authorities.stream().map(a -> a.housing).toList())) {
            List<Authority> area = authorities.stream().filter(a -> a.housing == provider).toList();
            service("supported housing",
                    "svc-supported-" + provider.id(), "Supported housing, " + provider.name(), provider, area,
                    bits(HOU, MOOD), (rnd.nextDouble() < 0.5 ? bit(SUB) : 0) | (rnd.nextDouble() < 0.2 ? bit(PSY) : 0),
                    null, null);
        }
    }

    private void service(String kind, String id, String name, Agency agency, List<Authority> served, int accepts,
            int excludes, LocalDate start, LocalDate end) {
        int capacity = 20 + rnd.nextInt(120);
        double waitWeeks = 1 + rnd.nextInt(16) / 2.0;
        Service service = new Service(id, name, agency.id(), served.stream().map(Authority::id).sorted().toList(),
                Needs.codes(accepts), Needs.codes(excludes), capacity, waitWeeks, new Period(start, end), kind);
        Offer offer = new Offer(service, accepts, excludes);
        services.add(offer);
        for (Authority a : served) {
            a.services.add(offer);
        }
    }

    /**
     * The agencies' partnerships: each regional broker with its police forces, courts service, probation service and
     * trusts; probation with the police (integrated offender management); each trust with each council (section 75);
     * and, for some drug and alcohol providers, a dual diagnosis protocol with a trust. Drawn after the staff
     * ({@link SyntheticStaff}), as they always have been, so a seed keeps giving the same bundle.
     */
    List<Partnership> partnerships() {
        List<Partnership> partnerships = new ArrayList<>();
        LocalDate longAgo = LocalDate.of(first.getYear() - 6, 4, 1);
        for (int r = 0; r < regions.size(); r++) {
            Agency broker = brokers.get(r);
            for (int f = 0; f < forces.size(); f++) {
                if (suitesOfForce.get(f).get(0).authority.regionIndex == r) {
                    both(partnerships, broker, forces.get(f), "liaison_diversion", longAgo);
                    both(partnerships, probationServices.get(r), forces.get(f), "integrated_offender_management", longAgo);
                }
            }
            both(partnerships, broker, courtServices.get(r), "liaison_diversion", longAgo);
            both(partnerships, broker, probationServices.get(r), "referral_protocol", longAgo);
            for (Agency trust : distinct(regions.get(r).stream().map(a -> a.trust).toList())) {
                both(partnerships, broker, trust, "referral_protocol", longAgo);
            }
        }
        for (Authority a : authorities) {
            both(partnerships, a.trust, a.council, "section_75", longAgo);
        }
        for (Agency provider : distinct(authorities.stream().map(a -> a.substance).toList())) {
            if (rnd.nextDouble() < 0.5) {
                Agency trust = authorities.stream().filter(a -> a.substance == provider).findFirst().orElseThrow().trust;
                boolean ends = rnd.nextDouble() < 0.2;
                Period period = new Period(longAgo, ends ? yearEnd(first.getYear() + 1 + rnd.nextInt(2)) : null);
                partnerships.add(new Partnership(provider.id(), trust.id(), "dual_diagnosis_protocol", period));
                partnerships.add(new Partnership(trust.id(), provider.id(), "dual_diagnosis_protocol", period));
            }
        }
        return partnerships;
    }

    /** A partnership both ways, unless {@code a} and {@code b} already have one of this kind. */
    private static void both(List<Partnership> partnerships, Agency a, Agency b, String kind, LocalDate start) {
        for (Partnership p : partnerships) {
            if (p.fromId().equals(a.id()) && p.toId().equals(b.id()) && p.kind().equals(kind)) {
                return;
            }
        }
        partnerships.add(new Partnership(a.id(), b.id(), kind, new Period(start, null)));
        partnerships.add(new Partnership(b.id(), a.id(), kind, new Period(start, null)));
    }

    // ---- small helpers

    private Agency agency(String id, String name, Sector sector, AgencyKind kind) {
        Agency a = new Agency(id, name, sector, kind, null);
        agencies.add(a);
        return a;
    }

    private Site site(String id, String name, SettingKind kind, Authority a, Agency runBy) {
        Site s = new Site(new Setting(id, name, kind, a.id(), runBy.id()), a);
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
            out.add(pool.remove(Draws.pick(rnd, w)));
        }
        return out;
    }

    private static List<Authority> sortedByIndex(List<Authority> list) {
        return list.stream().sorted(Comparator.comparingInt(a -> a.index)).toList();
    }

    /** {@code list} without repeats, in first-seen order. */
    static <T> List<T> distinct(List<T> list) {
        List<T> out = new ArrayList<>();
        Set<T> seen = new HashSet<>();
        for (T t : list) {
            if (seen.add(t)) {
                out.add(t);
            }
        }
        return out;
    }

    /** The first day of the financial year starting in {@code year}. */
    static LocalDate yearStart(int year) {
        return LocalDate.of(year, 4, 1);
    }

    /** The last day of the financial year ending in {@code year}. */
    static LocalDate yearEnd(int year) {
        return LocalDate.of(year, 3, 31);
    }
}
