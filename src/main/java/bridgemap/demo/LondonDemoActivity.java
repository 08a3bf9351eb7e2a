package bridgemap.demo;

import bridgemap.ingest.BundleCsv;
import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.BundleValidator;
import bridgemap.ingest.StoredIds;
import bridgemap.model.Activity;
import bridgemap.model.ActivityMeasure;
import bridgemap.model.Bundle;
import bridgemap.model.Catchment;
import bridgemap.model.Period;
import bridgemap.model.Population;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Writes the <b>synthetic</b> {@code activity.csv} of the London demo bundle: how many people passed through each
 * custody suite, court and probation office in each financial year from 2003/04 to 2014/15, scaled from published
 * totals (the demo's README gives each source and assumption).
 *
 * <p>How: a London total for 2012/13 per measure ({@link #LONDON_2012}), moved to other years by an index
 * ({@link #INDEX}, an assumed shape of the fall in arrests since 2006/07), shared among the settings by a weight —
 * the 2011 Census population of the boroughs a setting serves (its catchment, or its borough), divided among the
 * custody suites of a borough, times a seeded factor — and varied ±5% a year (seeded). Probation offices' rows for
 * 2009/10 flag a share with mental-health needs, seeded in the case study's range (48–71% by borough) and moved so
 * that their caseload-weighted mean is its 56% (p. 7); every other row flags none. British Transport Police custody
 * suites get no rows: their detentions are not published by suite, so the planner falls back to referrals for them.
 * Prisons get none either.
 *
 * <p>Deterministic: one {@link SplittableRandom} with {@link #SEED}, settings in file order, so the same files and
 * seed give byte-identical output.
 */
public final class LondonDemoActivity {

    /** The seed of the demo's activity.csv. */
    public static final long SEED = 20140630L;
    static final int FIRST_YEAR = 2003;
    static final int LAST_YEAR = 2014;

    /** London totals for the financial year 2012/13, synthetic, scaled from published national figures (README). */
    static final Map<ActivityMeasure, Long> LONDON_2012 = new EnumMap<>(Map.of(
            ActivityMeasure.DETENTIONS, 220_000L,
            ActivityMeasure.FIRST_APPEARANCES, 120_000L,
            ActivityMeasure.CASELOAD, 45_000L));
    /** Crown Courts' share of first appearances: their own total (README). */
    static final long CROWN_2012 = 27_000L;
    /** Detentions and first appearances by financial year, relative to 2012/13 (assumed; README). */
    static final double[] INDEX = {1.25, 1.28, 1.32, 1.36, 1.33, 1.27, 1.21, 1.14, 1.10, 1.00, 0.95, 0.90};
    /** The City of London's weight in residents: its daytime population is far above its 7,375 residents (assumed). */
    static final long CITY_WEIGHT = 100_000L;
    static final String CITY = "E09000001";

    private LondonDemoActivity() {}

    /** The activity rows for the demo's settings, in settings-file order, then by year. */
    static List<Activity> generate(Bundle bundle, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        Map<String, Long> residents = new HashMap<>();
        for (Population p : bundle.populations()) {
            if (p.year() == 2011) {
                residents.put(p.boroughId(), p.people());
            }
        }
        Map<String, List<String>> served = new HashMap<>();
        bundle.settings().forEach(s -> served.put(s.id(), List.of(s.boroughId())));
        for (Catchment c : bundle.catchments()) {
            served.put(c.settingId(), c.boroughIds());
        }
        Map<String, Integer> suitesIn = new HashMap<>();
        List<Setting> settings = new ArrayList<>();
        for (Setting s : bundle.settings()) {
            if (hasActivity(s)) {
                settings.add(s);
                if (s.kind() == SettingKind.POLICE_CUSTODY) {
                    suitesIn.merge(s.boroughId(), 1, Integer::sum);
                }
            }
        }
        Map<String, Double> weight = new LinkedHashMap<>();
        for (Setting s : settings) {
            double people = served.get(s.id()).stream()
                    .mapToDouble(b -> b.equals(CITY) && s.kind() != SettingKind.PROBATION_OFFICE ? CITY_WEIGHT : residents.get(b))
                    .sum();
            weight.put(s.id(), switch (s.kind()) {
                case POLICE_CUSTODY -> people / suitesIn.get(s.boroughId()) * uniform(random, 0.7, 1.4);
                case MAGISTRATES_COURT -> people * uniform(random, 0.8, 1.25);
                case CROWN_COURT -> uniform(random, 0.6, 1.6);
                default -> people * uniform(random, 0.7, 1.4);
            });
        }
        Map<SettingKind, Double> totalWeight = new EnumMap<>(SettingKind.class);
        settings.forEach(s -> totalWeight.merge(s.kind(), weight.get(s.id()), Double::sum));
        Map<String, Double> share2009 = probationShares(settings, weight, random);
        List<Activity> rows = new ArrayList<>();
        for (Setting s : settings) {
            ActivityMeasure measure = ActivityMeasure.of(s.kind()).get(0);
            long london = s.kind() == SettingKind.CROWN_COURT ? CROWN_2012 : LONDON_2012.get(measure);
            for (int year = FIRST_YEAR; year <= LAST_YEAR; year++) {
                double index = measure == ActivityMeasure.CASELOAD ? 1.0 : INDEX[year - FIRST_YEAR];
                long count = Math.round(london * index * weight.get(s.id()) / totalWeight.get(s.kind())
                        * uniform(random, 0.95, 1.05));
                Double share = measure == ActivityMeasure.CASELOAD && year == 2009 ? share2009.get(s.id()) : null;
                rows.add(new Activity(s.id(), new Period(LocalDate.of(year, 4, 1), LocalDate.of(year + 1, 3, 31)), measure,
                        count, share, source(measure, s.kind(), share != null)));
            }
        }
        return rows;
    }

    /** Custody suites of the Metropolitan and City of London Police, courts and probation offices. */
    private static boolean hasActivity(Setting s) {
        return switch (s.kind()) {
            case POLICE_CUSTODY -> !"btp".equals(s.runById());
            case MAGISTRATES_COURT, CROWN_COURT, PROBATION_OFFICE -> true;
            default -> false;
        };
    }

    /** Seeded shares in [0.48, 0.71], moved so that their caseload-weighted mean is 0.56; two decimals. */
    private static Map<String, Double> probationShares(List<Setting> settings, Map<String, Double> weight,
            SplittableRandom random) {
        Map<String, Double> shares = new LinkedHashMap<>();
        settings.stream().filter(s -> s.kind() == SettingKind.PROBATION_OFFICE)
                .forEach(s -> shares.put(s.id(), uniform(random, 0.48, 0.71)));
        for (int round = 0; round < 20; round++) {
            double sum = 0;
            double total = 0;
            for (var e : shares.entrySet()) {
                sum += e.getValue() * weight.get(e.getKey());
                total += weight.get(e.getKey());
            }
            double shift = 0.56 - sum / total;
            shares.replaceAll((id, share) -> Math.min(0.71, Math.max(0.48, share + shift)));
        }
        shares.replaceAll((id, share) -> Math.round(share * 100) / 100.0);
        return shares;
    }

    private static String source(ActivityMeasure measure, SettingKind kind, boolean flagged) {
        String scaled = switch (measure) {
            case DETENTIONS -> "synthetic: scaled from Home Office arrests 2012/13 (README)";
            case FIRST_APPEARANCES -> kind == SettingKind.CROWN_COURT
                    ? "synthetic: scaled from MoJ Crown Court cases 2012 (README)"
                    : "synthetic: scaled from MoJ magistrates' court cases 2012 (README)";
            case CASELOAD -> "synthetic: scaled from London Probation's 45,000 supervised (README)";
            case RECEPTIONS -> "synthetic";
        };
        return flagged ? scaled + "; share seeded in the case study's 48-71% range, mean 56%" : scaled;
    }

    private static double uniform(SplittableRandom random, double from, double to) {
        return from + (to - from) * random.nextDouble();
    }

    /** Reads the structural files of {@code dir} and (re)writes its {@code activity.csv}. */
    public static int write(Path dir, long seed) throws IOException {
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        for (BundleFile file : List.of(BundleFile.BOROUGHS, BundleFile.AGENCIES, BundleFile.SETTINGS,
                BundleFile.CATCHMENTS, BundleFile.POPULATIONS)) {
            files.put(file, Files.readAllBytes(dir.resolve(file.fileName())));
        }
        Bundle bundle;
        try {
            bundle = BundleValidator.validate(BundleSource.of(dir.toString(), files), StoredIds.NONE);
        } catch (BundleRejectedException e) {
            throw new IllegalStateException("london demo bundle: " + e.getMessage(), e);
        }
        List<Activity> rows = generate(bundle, seed);
        try (BundleCsv.RowWriter<Activity> out = BundleCsv.open(dir, BundleFile.ACTIVITY, Activity.class)) {
            for (Activity row : rows) {
                out.write(row);
            }
        }
        return rows.size();
    }

    /** Usage: {@code LondonDemoActivity [BUNDLE_DIR [SEED]]}; defaults {@code data/london-demo} and {@link #SEED}. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0] : "data/london-demo");
        long seed = args.length > 1 ? Long.parseLong(args[1]) : SEED;
        System.out.printf("%s: %d activity rows, seed %d%n", dir, write(dir, seed), seed);
    }
}
