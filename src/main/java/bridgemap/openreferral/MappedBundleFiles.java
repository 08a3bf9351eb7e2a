package bridgemap.openreferral;

import bridgemap.ingest.BundleFile;
import bridgemap.model.Agency;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Need;
import bridgemap.model.Service;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes the boroughs, agencies, needs and services a directory was mapped to as bundle CSV files, one line per row
 * in the directory's order (not {@code ingest.BundleCsv}'s canonical, sorted form), so that they go through the same
 * validator and writer as any bundle and a problem's line leads back to its row.
 */
final class MappedBundleFiles {

    private MappedBundleFiles() {}

    static Map<BundleFile, byte[]> write(Bundle bundle) {
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        put(files, BundleFile.BOROUGHS, bundle.boroughs(), (Borough b) -> row(b.id(), b.name(), b.region()));
        put(files, BundleFile.AGENCIES, bundle.agencies(),
                (Agency a) -> row(a.id(), a.name(), a.sector().code(), a.kind().code(), a.odsCode()));
        put(files, BundleFile.NEEDS, bundle.needs(), (Need n) -> row(n.id(), n.name()));
        put(files, BundleFile.SERVICES, bundle.services(), (Service s) -> row(s.id(), s.name(), s.agencyId(),
                String.join(";", s.boroughIds()), String.join(";", s.accepts()), String.join(";", s.excludes()),
                s.capacityPerMonth(), s.waitWeeks(), s.period().start(), s.period().end(), s.kind()));
        return files;
    }

    private static List<Object> row(Object... values) {
        return new ArrayList<>(Arrays.asList(values));
    }

    private static <T> void put(Map<BundleFile, byte[]> files, BundleFile file, List<T> items, Function<T, List<Object>> row) {
        if (items.isEmpty()) {
            return;
        }
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setRecordSeparator("\n").get())) {
            printer.printRecord(file.allColumns());
            for (T item : items) {
                printer.printRecord(row.apply(item).stream().map(v -> v == null ? "" : oneLine(v.toString())).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        files.put(file, out.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String oneLine(String value) {
        return value.replaceAll("[\\r\\n]+", " ");
    }
}
