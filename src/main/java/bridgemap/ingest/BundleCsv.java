package bridgemap.ingest;

import bridgemap.model.Activity;
import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Catchment;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.Need;
import bridgemap.model.Partnership;
import bridgemap.model.Placement;
import bridgemap.model.Population;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.Succession;
import bridgemap.model.Vocabulary;
import java.io.BufferedWriter;
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A bundle written back as CSV files in the import contract's format (docs/bundle-format.md), canonically:
 * every file with its full header, rows sorted by their key, lists sorted, numbers without trailing zeros.
 * The same content always gives the same bytes, so the SHA-256 of the files is a content fingerprint.
 *
 * <p>{@link #open} writes one file row by row instead, in the order given (the synthetic generators' files); its
 * cells are written the same way. Each file's columns are defined once, below, off the file's model record.
 */
public final class BundleCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    /** Each file's columns, each read off the file's model record; the keys are the file's columns exactly. */
    private static final Map<BundleFile, Columns<?>> COLUMNS = columns(
            new Columns<>(BundleFile.BOROUGHS, Borough.class)
                    .with("id", Borough::id).with("name", Borough::name).with("region", Borough::region),
            new Columns<>(BundleFile.AGENCIES, Agency.class)
                    .with("id", Agency::id).with("name", Agency::name).with("sector", Agency::sector)
                    .with("kind", Agency::kind).with("ods_code", Agency::odsCode),
            new Columns<>(BundleFile.NEEDS, Need.class).with("id", Need::id).with("name", Need::name),
            new Columns<>(BundleFile.FUNDERS, Funder.class)
                    .with("id", Funder::id).with("name", Funder::name).with("kind", Funder::kind),
            new Columns<>(BundleFile.SETTINGS, Setting.class)
                    .with("id", Setting::id).with("name", Setting::name).with("kind", Setting::kind)
                    .with("borough", Setting::boroughId).with("run_by", Setting::runById),
            new Columns<>(BundleFile.SERVICES, Service.class)
                    .with("id", Service::id).with("name", Service::name).with("agency", Service::agencyId)
                    .with("boroughs", Service::boroughIds).with("accepts", Service::accepts)
                    .with("excludes", Service::excludes).with("capacity_per_month", Service::capacityPerMonth)
                    .with("wait_weeks", Service::waitWeeks).with("start", x -> x.period().start())
                    .with("end", x -> x.period().end()).with("kind", Service::kind),
            new Columns<>(BundleFile.PRACTITIONERS, Practitioner.class)
                    .with("id", Practitioner::id).with("role", Practitioner::role)
                    .with("employer", Practitioner::employerId).with("fte", Practitioner::fte)
                    .with("start", x -> x.period().start()).with("discipline", Practitioner::discipline)
                    .with("end", x -> x.period().end()),
            new Columns<>(BundleFile.PLACEMENTS, Placement.class)
                    .with("practitioner", Placement::practitionerId).with("setting", Placement::settingId)
                    .with("start", x -> x.period().start()).with("end", x -> x.period().end()),
            new Columns<>(BundleFile.FUNDING, Funding.class)
                    .with("funder", Funding::funderId).with("practitioner", Funding::practitionerId)
                    .with("start", x -> x.period().start()).with("amount_gbp", Funding::amountGbp)
                    .with("end", x -> x.period().end()),
            new Columns<>(BundleFile.PARTNERSHIPS, Partnership.class)
                    .with("from", Partnership::fromId).with("to", Partnership::toId).with("kind", Partnership::kind)
                    .with("start", x -> x.period().start()).with("end", x -> x.period().end()),
            new Columns<>(BundleFile.CASES, Case.class)
                    .with("id", Case::id).with("borough", Case::boroughId).with("age_band", Case::ageBand)
                    .with("gender", Case::gender).with("needs", Case::needIds),
            new Columns<>(BundleFile.REFERRALS, Referral.class)
                    .with("id", Referral::id).with("case", Referral::caseId).with("date", Referral::date)
                    .with("from", Referral::fromId).with("to", Referral::toId).with("outcome", Referral::outcome)
                    .with("reason", Referral::reason),
            new Columns<>(BundleFile.CATCHMENTS, Catchment.class)
                    .with("setting", Catchment::settingId).with("boroughs", Catchment::boroughIds)
                    .with("area", Catchment::area),
            new Columns<>(BundleFile.ACTIVITY, Activity.class)
                    .with("setting", Activity::settingId).with("start", x -> x.period().start())
                    .with("end", x -> x.period().end()).with("measure", Activity::measure).with("count", Activity::count)
                    .with("mental_health_share", Activity::mentalHealthShare).with("source", Activity::source),
            new Columns<>(BundleFile.POPULATIONS, Population.class)
                    .with("borough", Population::boroughId).with("year", Population::year)
                    .with("population", Population::people).with("source", Population::source),
            new Columns<>(BundleFile.SUCCESSIONS, Succession.class)
                    .with("predecessor", Succession::predecessorId).with("successor", Succession::successorId)
                    .with("date", Succession::date).with("note", Succession::note)
                    .with("takes", x -> String.join(";", x.takes().stream().map(Succession.Takes::code).toList())));

    private BundleCsv() {}

    /**
     * Every bundle file, in bundle order, as UTF-8 CSV bytes: files with no rows included, header only, except those
     * of {@link BundleFile#WRITTEN_WHEN_NOT_EMPTY} (catchments, activity, populations, successions), written only when they have
     * rows, so that a store without them has the fingerprint it had before they existed.
     */
    public static Map<BundleFile, byte[]> files(Bundle b) {
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        files.put(BundleFile.BOROUGHS, canonical(BundleFile.BOROUGHS, Borough.class, b.boroughs()));
        files.put(BundleFile.AGENCIES, canonical(BundleFile.AGENCIES, Agency.class, b.agencies()));
        files.put(BundleFile.NEEDS, canonical(BundleFile.NEEDS, Need.class, b.needs()));
        files.put(BundleFile.FUNDERS, canonical(BundleFile.FUNDERS, Funder.class, b.funders()));
        files.put(BundleFile.SETTINGS, canonical(BundleFile.SETTINGS, Setting.class, b.settings()));
        files.put(BundleFile.SERVICES, canonical(BundleFile.SERVICES, Service.class, b.services()));
        files.put(BundleFile.PRACTITIONERS, canonical(BundleFile.PRACTITIONERS, Practitioner.class, b.practitioners()));
        files.put(BundleFile.PLACEMENTS, canonical(BundleFile.PLACEMENTS, Placement.class, b.placements()));
        files.put(BundleFile.FUNDING, canonical(BundleFile.FUNDING, Funding.class, b.funding()));
        files.put(BundleFile.PARTNERSHIPS, canonical(BundleFile.PARTNERSHIPS, Partnership.class, b.partnerships()));
        files.put(BundleFile.CASES, canonical(BundleFile.CASES, Case.class, b.cases()));
        files.put(BundleFile.REFERRALS, canonical(BundleFile.REFERRALS, Referral.class, b.referrals()));
        if (!b.catchments().isEmpty()) {
            files.put(BundleFile.CATCHMENTS, canonical(BundleFile.CATCHMENTS, Catchment.class, b.catchments()));
        }
        if (!b.activity().isEmpty()) {
            files.put(BundleFile.ACTIVITY, canonical(BundleFile.ACTIVITY, Activity.class, b.activity()));
        }
        if (!b.populations().isEmpty()) {
            files.put(BundleFile.POPULATIONS, canonical(BundleFile.POPULATIONS, Population.class, b.populations()));
        }
        if (!b.successions().isEmpty()) {
            files.put(BundleFile.SUCCESSIONS, canonical(BundleFile.SUCCESSIONS, Succession.class, b.successions()));
        }
        return files;
    }

    /**
     * Opens {@code dir/<file>} (replacing it) to write one bundle file row by row, for bundles too large to hold
     * twice in memory, such as {@code bridgemap generate}'s: rows, and the lists within them, stay in the order
     * given; the header is {@code header} — the file's columns in any order — or, when none is given, the file's
     * columns in the contract's order. Cells are written as {@link #files} writes them.
     *
     * @param type the file's model record ({@link Practitioner} for {@link BundleFile#PRACTITIONERS}, …)
     * @throws IllegalArgumentException when {@code type} is not the file's record, or {@code header} is not an
     *     ordering of the file's columns
     */
    public static <T> RowWriter<T> open(Path dir, BundleFile file, Class<T> type, String... header) throws IOException {
        Columns<T> columns = columnsOf(file, type);
        List<String> order = header.length == 0 ? file.allColumns() : List.of(header);
        if (order.size() != file.allColumns().size() || !order.containsAll(file.allColumns())) {
            throw new IllegalArgumentException(file.fileName() + " has the columns " + file.allColumns() + ", not " + order);
        }
        return new RowWriter<>(Files.newBufferedWriter(dir.resolve(file.fileName()), StandardCharsets.UTF_8), columns, order);
    }

    /** One bundle file being written row by row ({@link #open}). */
    public static final class RowWriter<T> implements Closeable {

        private final CSVPrinter printer;
        private final List<Function<T, Object>> cells;
        private final String[] row;
        private int rows;

        private RowWriter(Writer out, Columns<T> columns, List<String> header) throws IOException {
            this.printer = new CSVPrinter(new BufferedWriter(out, 1 << 16), FORMAT);
            this.cells = header.stream().map(columns.cells()::get).toList();
            this.row = new String[header.size()];
            printer.printRecord(header);
        }

        /** Writes {@code item} as the next row. */
        public void write(T item) throws IOException {
            for (int i = 0; i < row.length; i++) {
                row[i] = cell(cells.get(i).apply(item), false);
            }
            printer.printRecord((Object[]) row);
            rows++;
        }

        /** Rows written so far, the header not counted. */
        public int rows() {
            return rows;
        }

        @Override
        public void close() throws IOException {
            printer.close();
        }
    }

    /** The SHA-256 of the canonical files, in bundle order, each preceded by its name. */
    public static String fingerprint(Map<BundleFile, byte[]> files) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (var e : files.entrySet()) {
                sha.update(e.getKey().fileName().getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(e.getValue());
            }
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes the files into a folder (created) or, when {@code out} ends in .zip, a zip. */
    public static void write(Map<BundleFile, byte[]> files, Path out) throws IOException {
        if (out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".zip")) {
            try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
                for (var e : files.entrySet()) {
                    zip.putNextEntry(new ZipEntry(e.getKey().fileName()));
                    zip.write(e.getValue());
                    zip.closeEntry();
                }
            }
        } else {
            Files.createDirectories(out);
            for (var e : files.entrySet()) {
                Files.write(out.resolve(e.getKey().fileName()), e.getValue());
            }
        }
    }

    private static <T> byte[] canonical(BundleFile file, Class<T> type, List<T> items) {
        Columns<T> columns = columnsOf(file, type);
        List<Function<T, Object>> cells = file.allColumns().stream().map(columns.cells()::get).toList();
        List<List<String>> rows = new ArrayList<>(items.size());
        for (T item : items) {
            List<String> row = new ArrayList<>(cells.size());
            cells.forEach(c -> row.add(cell(c.apply(item), true)));
            rows.add(row);
        }
        rows.sort(Comparator.comparing((List<String> r) -> String.join("\u0000", r)));
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (CSVPrinter printer = new CSVPrinter(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), FORMAT)) {
            printer.printRecord(file.allColumns());
            for (List<String> row : rows) {
                printer.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /**
     * One cell as the contract writes it: codes for vocabularies, numbers without trailing zeros, ISO dates, lists
     * joined by {@code ;} (sorted when {@code sortLists}, as given otherwise), empty for null or an empty list.
     */
    private static String cell(Object value, boolean sortLists) {
        if (value == null) {
            return "";
        }
        if (value instanceof Vocabulary v) {
            return v.code();
        }
        if (value instanceof Number n) {
            return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
        }
        if (value instanceof List<?> list) {
            return String.join(";", (sortLists ? list.stream().map(String::valueOf).sorted() : list.stream().map(String::valueOf)).toList());
        }
        return value.toString();
    }

    @SuppressWarnings("unchecked")
    private static <T> Columns<T> columnsOf(BundleFile file, Class<T> type) {
        Columns<?> columns = COLUMNS.get(file);
        if (columns.type() != type) {
            throw new IllegalArgumentException(file.fileName() + " holds " + columns.type().getSimpleName() + " rows, not "
                    + type.getSimpleName());
        }
        return (Columns<T>) columns;
    }

    private static Map<BundleFile, Columns<?>> columns(Columns<?>... all) {
        Map<BundleFile, Columns<?>> map = new EnumMap<>(BundleFile.class);
        for (Columns<?> columns : all) {
            if (!columns.cells().keySet().equals(Set.copyOf(columns.file().allColumns()))) {
                throw new IllegalStateException(columns.file().fileName() + ": columns " + columns.cells().keySet()
                        + " are not the contract's " + columns.file().allColumns());
            }
            map.put(columns.file(), columns);
        }
        if (map.size() != BundleFile.values().length) {
            throw new IllegalStateException("a bundle file has no columns: " + map.keySet());
        }
        return Map.copyOf(map);
    }

    /** A file's columns, each read off the file's model record {@code type}. */
    private record Columns<T>(BundleFile file, Class<T> type, Map<String, Function<T, Object>> cells) {

        Columns(BundleFile file, Class<T> type) {
            this(file, type, Map.of());
        }

        Columns<T> with(String column, Function<T, Object> cell) {
            Map<String, Function<T, Object>> more = new HashMap<>(cells);
            more.put(column, cell);
            return new Columns<>(file, type, Map.copyOf(more));
        }
    }
}
