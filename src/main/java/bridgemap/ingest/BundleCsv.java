package bridgemap.ingest;

import bridgemap.model.Bundle;
import bridgemap.model.Period;
import bridgemap.model.Vocabulary;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * A bundle written back as CSV files in the import contract's format (docs/bundle-format.md), canonically:
 * every file with its full header, rows sorted by their key, lists sorted, numbers without trailing zeros.
 * The same content always gives the same bytes, so the SHA-256 of the files is a content fingerprint.
 */
public final class BundleCsv {

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator("\n").get();

    private BundleCsv() {}

    /** Every bundle file, in bundle order, as UTF-8 CSV bytes (files with no rows included, header only). */
    public static Map<BundleFile, byte[]> files(Bundle b) {
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        files.put(BundleFile.BOROUGHS, csv(BundleFile.BOROUGHS, b.boroughs(), x -> row(x.id(), x.name(), x.region())));
        files.put(BundleFile.AGENCIES, csv(BundleFile.AGENCIES, b.agencies(),
                x -> row(x.id(), x.name(), code(x.sector()), code(x.kind()), x.odsCode())));
        files.put(BundleFile.NEEDS, csv(BundleFile.NEEDS, b.needs(), x -> row(x.id(), x.name())));
        files.put(BundleFile.FUNDERS, csv(BundleFile.FUNDERS, b.funders(), x -> row(x.id(), x.name(), code(x.kind()))));
        files.put(BundleFile.SETTINGS, csv(BundleFile.SETTINGS, b.settings(),
                x -> row(x.id(), x.name(), code(x.kind()), x.boroughId(), x.runById())));
        files.put(BundleFile.SERVICES, csv(BundleFile.SERVICES, b.services(), x -> row(x.id(), x.name(), x.agencyId(),
                list(x.boroughIds()), list(x.accepts()), list(x.excludes()), number(x.capacityPerMonth()),
                number(x.waitWeeks()), start(x.period()), end(x.period()), x.kind())));
        files.put(BundleFile.PRACTITIONERS, csv(BundleFile.PRACTITIONERS, b.practitioners(), x -> row(x.id(), x.role(),
                x.employerId(), number(x.fte()), start(x.period()), x.discipline(), end(x.period()))));
        files.put(BundleFile.PLACEMENTS, csv(BundleFile.PLACEMENTS, b.placements(),
                x -> row(x.practitionerId(), x.settingId(), start(x.period()), end(x.period()))));
        files.put(BundleFile.FUNDING, csv(BundleFile.FUNDING, b.funding(), x -> row(x.funderId(), x.practitionerId(),
                start(x.period()), number(x.amountGbp()), end(x.period()))));
        files.put(BundleFile.PARTNERSHIPS, csv(BundleFile.PARTNERSHIPS, b.partnerships(),
                x -> row(x.fromId(), x.toId(), x.kind(), start(x.period()), end(x.period()))));
        files.put(BundleFile.CASES, csv(BundleFile.CASES, b.cases(),
                x -> row(x.id(), x.boroughId(), x.ageBand(), code(x.gender()), list(x.needIds()))));
        files.put(BundleFile.REFERRALS, csv(BundleFile.REFERRALS, b.referrals(), x -> row(x.id(), x.caseId(),
                x.date().toString(), x.fromId(), x.toId(), code(x.outcome()), x.reason())));
        return files;
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

    /** One row's cells in the order of the file's required then optional columns. */
    private static List<String> row(String... cells) {
        List<String> row = new ArrayList<>(cells.length);
        for (String cell : cells) {
            row.add(cell == null ? "" : cell);
        }
        return row;
    }

    private static <T> byte[] csv(BundleFile file, List<T> items, Function<T, List<String>> toRow) {
        List<List<String>> rows = new ArrayList<>(items.size());
        items.forEach(item -> rows.add(toRow.apply(item)));
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

    private static String code(Vocabulary value) {
        return value == null ? null : value.code();
    }

    private static String list(List<String> ids) {
        return ids.isEmpty() ? null : String.join(";", ids.stream().sorted().toList());
    }

    private static String number(Number value) {
        return value == null ? null : new BigDecimal(value.toString()).stripTrailingZeros().toPlainString();
    }

    private static String start(Period p) {
        return p.start() == null ? null : p.start().toString();
    }

    private static String end(Period p) {
        return p.end() == null ? null : p.end().toString();
    }
}
