package bridgemap.demo;

import bridgemap.demo.SyntheticEstate.Authority;
import bridgemap.demo.SyntheticEstate.Offer;
import bridgemap.demo.SyntheticEstate.Site;
import bridgemap.ingest.BundleCsv;
import bridgemap.ingest.BundleFile;
import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.Need;
import bridgemap.model.Partnership;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.ProgressListener;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.Succession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;

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
 *
 * <p>The parts: {@link SyntheticEstate} (authorities, agencies, settings, services, partnerships),
 * {@link SyntheticStaff} (funders, posts, practitioners, placements, funding), {@link SyntheticCases} (cases and
 * referrals, kept in a {@link CaseBook}), {@link SyntheticSuccessions} (probation split and reunified, care boards
 * merged: the agencies and funders that succeed, and the successions); each is made of the model's records, and
 * every file is written by the import contract's own writer ({@link BundleCsv#open}), row by row in the generator's
 * order.
 */
public final class SyntheticBundle {

    /** The seed {@code bridgemap generate} uses when none is given. */
    public static final long DEFAULT_SEED = 20240331L;

    /**
     * The column order the generator has always written {@code practitioners.csv} and {@code funding.csv} in (the
     * model records' order; the contract's is required columns first): kept so that a seed gives the same bytes.
     */
    private static final String[] PRACTITIONER_COLUMNS = {"id", "role", "discipline", "employer", "fte", "start", "end"};
    private static final String[] FUNDING_COLUMNS = {"funder", "practitioner", "amount_gbp", "start", "end"};

    /** What was written. */
    public record Result(int authorities, int agencies, int settings, int services, int practitioners, int placements,
            int funders, int funding, int partnerships, int cases, int referrals, int successions) {

        /** Rows in all files. */
        public long rows() {
            return (long) authorities + agencies + settings + Needs.vocabulary().size() + services + practitioners
                    + placements + funders + funding + partnerships + cases + referrals + successions;
        }
    }

    private SyntheticBundle() {}

    /**
     * Generates the bundle of {@code scale} from {@code seed} and writes its thirteen CSV files and a README into
     * {@code out} (created if needed; files of the same names are replaced).
     */
    public static Result generate(SyntheticScale scale, long seed, Path out, ProgressListener progress) throws IOException {
        Objects.requireNonNull(scale, "scale");
        Objects.requireNonNull(out, "out");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        SplittableRandom rnd = new SplittableRandom(seed);
        listener.progress("building the estate", 0, 1);
        SyntheticEstate estate = new SyntheticEstate(scale, rnd);
        SyntheticStaff staff = new SyntheticStaff(scale, estate, rnd);
        List<Partnership> partnerships = estate.partnerships();
        listener.progress("building the estate", 1, 1);
        CaseBook book = new CaseBook(scale.last());
        SyntheticCases.generate(scale, estate, rnd, book, listener);
        SyntheticSuccessions successions = new SyntheticSuccessions(scale, estate, staff);
        Files.createDirectories(out);
        Result result = write(out, estate, staff, partnerships, successions, book, listener);
        writeReadme(out, scale, seed, result);
        return result;
    }

    private static Result write(Path dir, SyntheticEstate estate, SyntheticStaff staff, List<Partnership> partnerships,
            SyntheticSuccessions successions, CaseBook book, ProgressListener progress) throws IOException {
        List<Agency> agencies = new java.util.ArrayList<>(estate.agencies);
        agencies.addAll(successions.agencies);
        List<Funder> funders = new java.util.ArrayList<>(staff.funders);
        funders.addAll(successions.funders);
        try (BundleCsv.RowWriter<Borough> out = BundleCsv.open(dir, BundleFile.BOROUGHS, Borough.class)) {
            for (Authority a : estate.authorities) {
                out.write(a.borough);
            }
        }
        writeAll(dir, BundleFile.AGENCIES, Agency.class, agencies);
        try (BundleCsv.RowWriter<Setting> out = BundleCsv.open(dir, BundleFile.SETTINGS, Setting.class)) {
            for (Site s : estate.sites) {
                out.write(s.setting);
            }
        }
        writeAll(dir, BundleFile.NEEDS, Need.class, Needs.vocabulary());
        try (BundleCsv.RowWriter<Service> out = BundleCsv.open(dir, BundleFile.SERVICES, Service.class)) {
            for (Offer s : estate.services) {
                out.write(s.service());
            }
        }
        writeAll(dir, BundleFile.PRACTITIONERS, Practitioner.class, staff.practitioners, PRACTITIONER_COLUMNS);
        List<Placement> placements = staff.placements();
        writeAll(dir, BundleFile.PLACEMENTS, Placement.class, placements);
        writeAll(dir, BundleFile.FUNDERS, Funder.class, funders);
        writeAll(dir, BundleFile.FUNDING, Funding.class, staff.fundingByPractitioner(), FUNDING_COLUMNS);
        writeAll(dir, BundleFile.PARTNERSHIPS, Partnership.class, partnerships);
        writeAll(dir, BundleFile.SUCCESSIONS, Succession.class, successions.successions);
        book.write(dir, "ref-", progress);
        return new Result(estate.authorities.size(), agencies.size(), estate.sites.size(), estate.services.size(),
                staff.practitioners.size(), placements.size(), funders.size(), staff.funding.size(),
                partnerships.size(), book.cases(), book.referrals(), successions.successions.size());
    }

    private static <T> void writeAll(Path dir, BundleFile file, Class<T> type, List<T> rows, String... header)
            throws IOException {
        try (BundleCsv.RowWriter<T> out = BundleCsv.open(dir, file, type, header)) {
            for (T row : rows) {
                out.write(row);
            }
        }
    }

    private static void writeReadme(Path dir, SyntheticScale scale, long seed, Result r) throws IOException {
        String text = "# Synthetic Bridgemap bundle (" + scale.name() + " scale, seed " + seed + ")\n\n"
                + "Written by `bridgemap generate --scale " + scale.name() + " --seed " + seed + "`. **Everything in it is "
                + "made up**" + (scale.realLondon() ? " except the 33 London boroughs' GSS codes and names" : "")
                + ": the estate, services, practitioners (pseudonyms), funding, cases and referrals describe no real "
                + "organisation or person." + (scale.realLondon() ? "" : " Local authority codes use the entity codes "
                + "E90 and W90, which ONS does not give to local authorities.") + "\n\n"
                + "| file | rows |\n| --- | --- |\n"
                + "| boroughs.csv | " + r.authorities() + " |\n| agencies.csv | " + r.agencies() + " |\n"
                + "| settings.csv | " + r.settings() + " |\n| needs.csv | " + Needs.vocabulary().size() + " |\n"
                + "| services.csv | " + r.services() + " |\n| practitioners.csv | " + r.practitioners() + " |\n"
                + "| placements.csv | " + r.placements() + " |\n| funders.csv | " + r.funders() + " |\n"
                + "| funding.csv | " + r.funding() + " |\n| partnerships.csv | " + r.partnerships() + " |\n"
                + "| cases.csv | " + r.cases() + " |\n| referrals.csv | " + r.referrals() + " |\n"
                + "| successions.csv | " + r.successions() + " |\n\n"
                + "Referrals are dated " + scale.first() + " to " + scale.last() + ". Brokered referrals are accepted more "
                + "often than direct ones because the generator says so (bridgemap.demo.SyntheticBundle): the bundle is no "
                + "evidence. The reorganisations in successions.csv (probation split and reunified, integrated care boards "
                + "merged) are made up too (bridgemap.demo.SyntheticSuccessions).\n";
        Files.writeString(dir.resolve("README.md"), text, StandardCharsets.UTF_8);
    }
}
