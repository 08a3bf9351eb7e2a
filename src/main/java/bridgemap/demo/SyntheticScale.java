package bridgemap.demo;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * How big a {@link SyntheticBundle} is: the local authorities grouped into regions, the criminal-justice
 * and health estate, practitioners, cases and the days referrals are spread over. Everything else (services,
 * posts, funding, partnerships) follows from these counts and the seed.
 *
 * @param name the preset's name ({@code london}, {@code england}, …)
 * @param regionSizes local authorities per region; the regions are the groups that share a courts service,
 *     a probation region and a regional broker
 * @param realLondon when true the local authorities are the 33 real London boroughs (their GSS codes and names,
 *     from the London demo); otherwise they are made up ({@code Synthetic LA 117}, codes {@code E90…}/{@code W90…})
 * @param welshRegions how many of the last regions are Welsh (made-up codes {@code W90…})
 * @param forces police force areas
 * @param custodySuites police custody suites
 * @param magistratesCourts magistrates' courts
 * @param crownCourts Crown Courts
 * @param prisons prisons
 * @param trusts mental-health trusts
 * @param substanceProviders drug and alcohol providers
 * @param housingProviders housing associations
 * @param charities local charities
 * @param practitioners practitioners in all (placed at settings or working in the community)
 * @param cases cases
 * @param last the last day a referral may carry (the default as-of day of the bundle)
 * @param days the number of days referrals are spread over, ending on {@code last}
 */
public record SyntheticScale(
        String name,
        List<Integer> regionSizes,
        boolean realLondon,
        int welshRegions,
        int forces,
        int custodySuites,
        int magistratesCourts,
        int crownCourts,
        int prisons,
        int trusts,
        int substanceProviders,
        int housingProviders,
        int charities,
        int practitioners,
        int cases,
        LocalDate last,
        int days) {

    /** The last referral day of the presets: the end of a financial year. */
    public static final LocalDate LAST = LocalDate.of(2024, 3, 31);

    public SyntheticScale {
        Objects.requireNonNull(name, "name");
        regionSizes = List.copyOf(regionSizes);
        Objects.requireNonNull(last, "last");
        if (regionSizes.isEmpty() || regionSizes.stream().anyMatch(s -> s < 1)) {
            throw new IllegalArgumentException("every region needs at least one local authority: " + regionSizes);
        }
        int authorities = regionSizes.stream().mapToInt(Integer::intValue).sum();
        if (realLondon && authorities != 33) {
            throw new IllegalArgumentException("the real London has 33 boroughs, not " + authorities);
        }
        int regions = regionSizes.size();
        if (welshRegions < 0 || welshRegions >= regions) {
            throw new IllegalArgumentException("welshRegions must be in 0.." + (regions - 1));
        }
        if (forces < regions || custodySuites < forces || magistratesCourts < regions || crownCourts < regions
                || prisons < 1 || trusts < regions || substanceProviders < regions || housingProviders < regions
                || charities < 1 || cases < 1 || days < 120) {
            throw new IllegalArgumentException("scale " + name + " is too small: each region needs a force, a custody "
                    + "suite, a magistrates' court, a Crown Court, a trust and providers; days must be at least 120");
        }
        if (forces > authorities || magistratesCourts > authorities || crownCourts > authorities
                || trusts > authorities || substanceProviders > authorities || housingProviders > authorities) {
            throw new IllegalArgumentException("scale " + name + ": more force areas, courts, trusts or providers than "
                    + "local authorities");
        }
        if (practitioners < 4 * authorities) {
            throw new IllegalArgumentException("scale " + name + " needs at least 4 practitioners per local authority");
        }
    }

    /**
     * England and Wales, roughly: 330 local authorities in nine English regions and Wales, 43 police force
     * areas with 150 custody suites, 120 magistrates' and 75 Crown Courts, 110 prisons, 50 mental-health trusts,
     * 10,000 practitioners and 200,000 cases (about a million referrals over 1,000 days).
     */
    public static SyntheticScale england() {
        return new SyntheticScale("england", List.of(12, 39, 15, 40, 30, 45, 33, 64, 30, 22), false, 1,
                43, 150, 120, 75, 110, 50, 60, 80, 500, 10_000, 200_000, LAST, 1_000);
    }

    /**
     * London: the 33 real boroughs (codes and names; everything else is synthetic) with a tenth of the
     * England scale's people: 1,000 practitioners and 20,000 cases.
     */
    public static SyntheticScale london() {
        return new SyntheticScale("london", List.of(33), true, 0,
                3, 39, 23, 11, 9, 5, 6, 8, 50, 1_000, 20_000, LAST, 1_000);
    }

    /**
     * A small made-up network (two regions, one of them Welsh: 9 local authorities, 60 practitioners, 400 cases,
     * some 2,000 referrals) that generates and imports in seconds: for trying Bridgemap out, and for tests.
     */
    public static SyntheticScale small() {
        return new SyntheticScale("small", List.of(5, 4), false, 1,
                2, 4, 3, 2, 1, 2, 2, 2, 4, 60, 400, LAST, 400);
    }

    /** A preset by name: {@code london}, {@code england} or {@code small}. */
    public static SyntheticScale named(String name) {
        return switch (name.toLowerCase(Locale.ROOT)) {
            case "london" -> london();
            case "england" -> england();
            case "small" -> small();
            default -> throw new IllegalArgumentException("unknown scale \"" + name
                    + "\" (expected london, england or small)");
        };
    }

    /** Number of local authorities. */
    public int authorities() {
        return regionSizes.stream().mapToInt(Integer::intValue).sum();
    }

    /** The first day a referral may carry. */
    public LocalDate first() {
        return last.minusDays(days - 1L);
    }
}
