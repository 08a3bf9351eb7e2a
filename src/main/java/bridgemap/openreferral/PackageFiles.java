package bridgemap.openreferral;

import bridgemap.ingest.BoundedZip;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleTooLargeException;
import bridgemap.ingest.ImportMemory;
import bridgemap.ingest.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The CSV and JSON files of an Open Referral directory, by file name, read from a folder (its top level), a
 * {@code .zip} (any depth, under {@link BoundedZip}'s limits, as a bundle's zip) or a single {@code .json} file, with a
 * limit on the uncompressed size.
 */
final class PackageFiles {

    /** Which serialisation the files hold. */
    enum Kind { TABULAR, JSON }

    static final String DATAPACKAGE = "datapackage.json";

    private final String name;
    private final Map<String, byte[]> files;

    private PackageFiles(String name, Map<String, byte[]> files) {
        this.name = name;
        this.files = Collections.unmodifiableMap(files);
    }

    String name() {
        return name;
    }

    /** Files by name, in name order. */
    Map<String, byte[]> files() {
        return files;
    }

    byte[] get(String fileName) {
        return files.get(fileName);
    }

    /** Tabular when a data package descriptor or an organisations/services table is present, else JSON. */
    Kind kind() throws BundleRejectedException {
        boolean tabular = files.containsKey(DATAPACKAGE) || files.keySet().stream()
                .anyMatch(f -> f.equals("services.csv") || f.equals("organizations.csv"));
        List<String> json = files.keySet().stream().filter(f -> f.endsWith(".json") && !f.equals(DATAPACKAGE)).toList();
        if (tabular && !json.isEmpty() && !files.containsKey(DATAPACKAGE)) {
            throw reject(name, "holds both a tabular data package (CSV tables) and JSON API files (" + json.get(0)
                    + "); import one of them");
        }
        if (tabular) {
            return Kind.TABULAR;
        }
        if (!json.isEmpty()) {
            return Kind.JSON;
        }
        throw reject(name, "no Open Referral data found: expected a tabular data package (datapackage.json, "
                + "organizations.csv, services.csv, service_areas.csv …) or JSON API files (service_full.json, "
                + "service_list.json, organization_full.json …)");
    }

    /** Reads the folder, {@code .zip} or {@code .json} file at {@code path}. */
    static PackageFiles read(Path path, long maxBytes) throws BundleRejectedException {
        String label = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return readFolder(path, label, maxBytes);
        }
        if (Files.isRegularFile(path)) {
            String lower = label.toLowerCase(Locale.ROOT);
            if (lower.endsWith(".json")) {
                try {
                    if (Files.size(path) > maxBytes) {
                        throw reject(label, "larger than the limit of " + maxBytes + " bytes");
                    }
                    Map<String, byte[]> files = new TreeMap<>();
                    files.put(label, Files.readAllBytes(path));
                    return new PackageFiles(label, files);
                } catch (IOException e) {
                    throw reject(label, "cannot read: " + e.getMessage());
                }
            }
            return readZip(path, label, maxBytes, null);
        }
        throw reject(label, "no such folder, .zip or .json file: " + path);
    }

    /**
     * A single uploaded JSON document, refused before it is read when importing it would need more memory than
     * {@code memory} can spare.
     */
    static PackageFiles readJsonUpload(Path json, String label, long maxBytes, ImportMemory.Budget memory)
            throws BundleRejectedException {
        String name = label.toLowerCase(Locale.ROOT).endsWith(".json") ? label : label + ".json";
        try {
            long size = Files.size(json);
            if (size > maxBytes) {
                throw new BundleTooLargeException(new Problem(label, 0, "(directory)",
                        "larger than the limit of " + maxBytes + " bytes"));
            }
            ImportMemory.check(label, ImportMemory.Input.OPEN_REFERRAL, size, memory);
            Map<String, byte[]> files = new TreeMap<>();
            files.put(name, Files.readAllBytes(json));
            return new PackageFiles(label, files);
        } catch (IOException e) {
            throw reject(label, "cannot read upload: " + e.getMessage());
        }
    }

    /**
     * An uploaded {@code .zip}, under the same rules as one on disk, refused before anything is inflated when
     * importing what it declares would need more memory than {@code memory} can spare.
     */
    static PackageFiles readZipUpload(Path zip, String label, long maxBytes, ImportMemory.Budget memory)
            throws BundleRejectedException {
        return readZip(zip, label, maxBytes, Objects.requireNonNull(memory, "memory"));
    }

    private static boolean wanted(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        return !fileName.startsWith(".") && (lower.endsWith(".csv") || lower.endsWith(".json"));
    }

    private static PackageFiles readFolder(Path dir, String label, long maxBytes) throws BundleRejectedException {
        Map<String, byte[]> files = new TreeMap<>();
        List<Path> paths;
        try (Stream<Path> list = Files.list(dir)) {
            paths = list.filter(Files::isRegularFile).filter(p -> wanted(p.getFileName().toString())).sorted().toList();
        } catch (IOException e) {
            throw reject(label, "cannot list folder: " + e.getMessage());
        }
        long total = 0;
        for (Path p : paths) {
            try {
                total += Files.size(p);
                if (total > maxBytes) {
                    throw reject(label, "larger than the limit of " + maxBytes + " bytes");
                }
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            } catch (IOException e) {
                throw reject(p.getFileName().toString(), "cannot read: " + e.getMessage());
            }
        }
        return new PackageFiles(label, files);
    }

    private static PackageFiles readZip(Path zipPath, String label, long maxBytes, ImportMemory.Budget memory)
            throws BundleRejectedException {
        Map<String, ZipEntry> wanted = new TreeMap<>();
        List<Problem> problems = new ArrayList<>();
        Map<String, byte[]> files = new TreeMap<>();
        try (BoundedZip zip = BoundedZip.open(zipPath, label, "directory", maxBytes)) {
            for (ZipEntry entry : zip.entries()) {
                String entryName = entry.getName().replace('\\', '/');
                String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (entry.isDirectory() || entryName.startsWith("__MACOSX/") || !wanted(fileName)) {
                    continue;
                }
                if (wanted.containsKey(fileName)) {
                    problems.add(new Problem(fileName, 0, "(file)", "appears twice in the zip (" + entryName + ")"));
                    continue;
                }
                wanted.put(fileName, entry);
            }
            List<ZipEntry> entries = List.copyOf(wanted.values());
            long expanded = zip.declare(entries);
            if (!problems.isEmpty()) {
                throw new BundleRejectedException(problems);
            }
            if (memory != null) {
                ImportMemory.check(label, ImportMemory.Input.OPEN_REFERRAL, expanded, memory);
            }
            for (Map.Entry<String, ZipEntry> entry : wanted.entrySet()) {
                files.put(entry.getKey(), zip.read(entry.getValue()));
            }
        }
        return new PackageFiles(label, files);
    }

    static BundleRejectedException reject(String file, String message) {
        return new BundleRejectedException(List.of(new Problem(file, 0, "(directory)", message)));
    }
}
