package bridgemap.openreferral;

import bridgemap.store.DirectoryRepository;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Writes the services Bridgemap holds, and the agencies offering them, as HSDS 3.0 (the standard the Open Referral UK
 * profile builds on), in both its serialisations: the tabular data package ({@code datapackage.json} and CSV tables,
 * {@link TabularPackageWriter}) and, in the same package, the JSON form ({@code services.json}: every service in full,
 * with its areas, attributes and organisation, {@link HsdsJson}). What each record holds is {@link HsdsRecords}; ids
 * are UUIDs ({@link HsdsIds}), so the package passes the specification's own schemas, and {@code import-openreferral}
 * reads either serialisation back exactly, without rules.
 */
public final class OpenReferralExporter {

    /** The JSON serialisation's file in the package: an array of services, each as {@code /services/{id}} gives it. */
    static final String SERVICES_JSON = "services.json";

    private final DirectoryRepository directory;

    public OpenReferralExporter(DirectoryRepository directory) {
        this.directory = Objects.requireNonNull(directory, "directory");
    }

    /** The package's files by name, in a fixed order; a service ended before {@code today} is {@code defunct}. */
    public Map<String, byte[]> export(LocalDate today) {
        HsdsRecords records = records(today);
        Map<String, byte[]> files = new LinkedHashMap<>(TabularPackageWriter.write(records));
        ObjectMapper mapper = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        ArrayNode services = mapper.createArrayNode();
        services.addAll(new OpenReferralFeed(records).everyService());
        try {
            files.put(SERVICES_JSON, mapper.writeValueAsBytes(services));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** The services held as the read-only HSDS API serves them, as of {@code today}. */
    public OpenReferralFeed feed(LocalDate today) {
        return new OpenReferralFeed(records(today));
    }

    private HsdsRecords records(LocalDate today) {
        return HsdsRecords.of(directory.directory(), today);
    }
}
