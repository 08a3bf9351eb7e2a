package bridgemap.ingest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/**
 * The raw files of a bundle, read from a folder or a {@code .zip}, keyed by which bundle file they are.
 * A zip is read under {@link BoundedZip}'s limits: its declared and inflated sizes are counted against a size limit
 * and an entry that expands far more than CSV does is refused, so a zip bomb is refused before it is unpacked. Entries whose names could write outside a
 * folder if unpacked ({@code ../x}, {@code /x}, {@code C:x}, backslashes) make the whole zip refused: such a zip was
 * not made from a bundle folder, and nothing in it should be trusted.
 */
public final class BundleSource {

    /**
     * Default limit on the uncompressed size of a bundle: 512 MiB, about 100 times the London demo. A bundle is held
     * in memory while it is validated, so the limit bounds memory too (and keeps every file below Java's 2 GiB
     * array limit); an upload is also held to what the heap can spare ({@link ImportMemory}).
     */
    public static final long DEFAULT_MAX_BYTES = 512L << 20;

    private final String name;
    private final Map<BundleFile, byte[]> files;

    private BundleSource(String name, Map<BundleFile, byte[]> files) {
        this.name = name;
        this.files = Collections.unmodifiableMap(files);
    }

    /** Reads the bundle at {@code path}; a folder or a zip file. */
    public static BundleSource read(Path path, long maxBytes) throws BundleRejectedException {
        String label = path.getFileName() == null ? path.toString() : path.getFileName().toString();
        if (Files.isDirectory(path)) {
            return readFolder(path, label, maxBytes);
        }
        if (Files.isRegularFile(path)) {
            return readZip(path, label, maxBytes, null);
        }
        throw reject(label, "(bundle)", "no such folder or .zip file: " + path);
    }

    /**
     * Reads an uploaded zip under the same rules as a zip on disk, and refuses it before anything is inflated when
     * importing what it declares would need more memory than {@code memory} can spare ({@link ImportMemory}).
     */
    public static BundleSource readUpload(Path zip, String label, long maxBytes, ImportMemory.Budget memory)
            throws BundleRejectedException {
        return readZip(zip, label, maxBytes, java.util.Objects.requireNonNull(memory, "memory"));
    }

    /** A bundle already in memory. */
    public static BundleSource of(String name, Map<BundleFile, byte[]> files) {
        return new BundleSource(name, new EnumMap<>(files));
    }

    public String name() {
        return name;
    }

    public Map<BundleFile, byte[]> files() {
        return files;
    }

    private static BundleSource readFolder(Path dir, String label, long maxBytes) throws BundleRejectedException {
        List<Problem> problems = new ArrayList<>();
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        List<Path> csvs;
        try (Stream<Path> list = Files.list(dir)) {
            csvs = list.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw reject(label, "(bundle)", "cannot list folder: " + e.getMessage());
        }
        long total = 0;
        for (Path csv : csvs) {
            String fileName = csv.getFileName().toString();
            var spec = BundleFile.byName(fileName);
            if (spec.isEmpty()) {
                problems.add(unknownFile(fileName));
                continue;
            }
            try {
                total += Files.size(csv);
                if (total > maxBytes) {
                    throw reject(fileName, "(bundle)", "bundle is larger than the limit of " + maxBytes + " bytes");
                }
                files.put(spec.get(), Files.readAllBytes(csv));
            } catch (IOException e) {
                problems.add(new Problem(fileName, 0, "(file)", "cannot read: " + e.getMessage()));
            }
        }
        return finish(label, files, problems);
    }

    private static BundleSource readZip(Path zipPath, String label, long maxBytes, ImportMemory.Budget memory)
            throws BundleRejectedException {
        List<Problem> problems = new ArrayList<>();
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        try (BoundedZip zip = BoundedZip.open(zipPath, label, "bundle", maxBytes)) {
            List<? extends ZipEntry> entries = zip.entries();
            for (ZipEntry entry : entries) {
                unsafePath(entry.getName()).ifPresent(why -> problems.add(new Problem(label, 0, "(zip)",
                        "entry \"" + RowFields.printable(entry.getName()) + "\" " + why
                                + "; a bundle zip holds only its CSV files (zip the bundle folder again)")));
            }
            if (!problems.isEmpty()) {
                return finish(label, files, problems);
            }
            Map<ZipEntry, BundleFile> wanted = new LinkedHashMap<>();
            for (ZipEntry entry : entries) {
                String entryName = entry.getName();
                String fileName = entryName.substring(entryName.lastIndexOf('/') + 1);
                if (entry.isDirectory() || entryName.startsWith("__MACOSX/") || fileName.startsWith(".")
                        || !fileName.toLowerCase(Locale.ROOT).endsWith(".csv")) {
                    continue;
                }
                var spec = BundleFile.byName(fileName);
                if (spec.isEmpty()) {
                    problems.add(unknownFile(fileName));
                } else if (wanted.containsValue(spec.get())) {
                    problems.add(new Problem(fileName, 0, "(file)", "appears twice in the zip (" + entryName + ")"));
                } else {
                    wanted.put(entry, spec.get());
                }
            }
            long expanded = zip.declare(List.copyOf(wanted.keySet()));
            if (!problems.isEmpty()) {
                return finish(label, files, problems);
            }
            if (memory != null) {
                ImportMemory.check(label, ImportMemory.Input.BUNDLE, expanded, memory);
            }
            for (Map.Entry<ZipEntry, BundleFile> entry : wanted.entrySet()) {
                files.put(entry.getValue(), zip.read(entry.getKey()));
            }
        }
        return finish(label, files, problems);
    }

    /**
     * Why an entry name is unsafe — it would land outside the folder it is unpacked into, or means different things
     * on different systems — or empty when it is a plain relative path.
     */
    static java.util.Optional<String> unsafePath(String name) {
        if (name.indexOf('\\') >= 0) {
            return java.util.Optional.of("has a backslash in its path");
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            return java.util.Optional.of("has a control character in its path");
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return java.util.Optional.of("has an absolute path");
        }
        for (String segment : name.split("/", -1)) {
            if (segment.equals("..")) {
                return java.util.Optional.of("climbs out of the zip with \"..\"");
            }
        }
        return java.util.Optional.empty();
    }

    private static BundleSource finish(String label, Map<BundleFile, byte[]> files, List<Problem> problems)
            throws BundleRejectedException {
        if (files.isEmpty() && problems.isEmpty()) {
            problems.add(new Problem(label, 0, "(bundle)", "no bundle CSV files found; expected some of " + BundleFile.expectedNames()));
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.ORDER);
            throw new BundleRejectedException(problems);
        }
        return new BundleSource(label, files);
    }

    private static Problem unknownFile(String fileName) {
        return new Problem(fileName, 0, "(file)", "unknown file name; a bundle holds " + BundleFile.expectedNames());
    }

    private static BundleRejectedException reject(String file, String column, String message) {
        return new BundleRejectedException(List.of(new Problem(file, 0, column, message)));
    }
}
