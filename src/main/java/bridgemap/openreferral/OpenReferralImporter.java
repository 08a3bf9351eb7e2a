package bridgemap.openreferral;

import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.ImportResult;
import bridgemap.ingest.ImportMemory;
import bridgemap.ingest.ImportService;
import bridgemap.ingest.Problem;
import bridgemap.model.ProgressListener;
import bridgemap.store.DirectoryRepository;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Imports an Open Referral UK / HSDS 3.0 directory — a tabular data package or JSON API files — as agencies,
 * services, and the boroughs and needs they reference: read, map with the mapping rules against what the
 * store holds, then hand the result to the bundle importer, so validation, all-or-nothing and idempotence are
 * exactly a bundle's. Problems are reported at the directory's own rows and JSON pointers.
 */
public final class OpenReferralImporter {

    private final ImportService imports;
    private final DirectoryRepository directory;
    private final long maxBytes;

    public OpenReferralImporter(ImportService imports, DirectoryRepository directory, long maxBytes) {
        this.imports = Objects.requireNonNull(imports, "imports");
        this.directory = Objects.requireNonNull(directory, "directory");
        this.maxBytes = maxBytes;
    }

    /**
     * Imports the folder, {@code .zip} or {@code .json} file at {@code path}, mapping with {@code mappingFile}
     * (null: the mapping shipped with Bridgemap).
     */
    public OpenReferralImport importPath(Path path, Path mappingFile, ProgressListener progress)
            throws BundleRejectedException {
        MappingRules rules = rules(mappingFile);
        progress.progress("reading " + path.getFileName(), 0, 1);
        return importFiles(PackageFiles.read(path, maxBytes), rules, progress);
    }

    /**
     * Imports an uploaded {@code .zip} of a tabular data package or JSON files, with the shipped mapping; refused
     * before it is unpacked when importing it would need more memory than {@code memory} can spare.
     */
    public OpenReferralImport importZip(Path zip, String label, ImportMemory.Budget memory, ProgressListener progress)
            throws BundleRejectedException {
        return importFiles(PackageFiles.readZipUpload(zip, label, maxBytes, memory), MappingRules.defaults(), progress);
    }

    /**
     * Imports one uploaded JSON document (e.g. a page of {@code service_list}), with the shipped mapping; refused
     * before it is read when importing it would need more memory than {@code memory} can spare.
     */
    public OpenReferralImport importJson(Path json, String label, ImportMemory.Budget memory, ProgressListener progress)
            throws BundleRejectedException {
        return importFiles(PackageFiles.readJsonUpload(json, label, maxBytes, memory), MappingRules.defaults(), progress);
    }

    private static MappingRules rules(Path mappingFile) throws BundleRejectedException {
        if (mappingFile == null) {
            return MappingRules.defaults();
        }
        String name = mappingFile.getFileName() == null ? mappingFile.toString() : mappingFile.getFileName().toString();
        try {
            return MappingRules.parse(name, Files.readAllBytes(mappingFile));
        } catch (IOException e) {
            throw new BundleRejectedException(List.of(new Problem(name, 0, "(file)", "cannot read the mapping: " + e.getMessage())));
        }
    }

    private OpenReferralImport importFiles(PackageFiles files, MappingRules rules, ProgressListener progress)
            throws BundleRejectedException {
        Directory read = files.kind() == PackageFiles.Kind.TABULAR ? TabularPackageReader.read(files) : JsonApiReader.read(files);
        DirectoryRepository.Known known = directory.known();
        DirectoryMapper.Mapped mapped = new DirectoryMapper(read, rules,
                new BoroughMatcher(known.boroughs(), BoroughMatcher.reference()), known.needs(), known.labels()).map();
        BundleSource source = BundleSource.of(read.name(), MappedBundleFiles.write(mapped.bundle()));
        try {
            ImportResult result = imports.importSource(source, progress);
            return new OpenReferralImport(result, mapped.report());
        } catch (BundleRejectedException e) {
            throw new BundleRejectedException(translate(e.problems(), mapped.origins()));
        }
    }

    /** Re-locates problems found in the generated bundle at the directory records they came from. */
    private static List<Problem> translate(List<Problem> problems, Map<BundleFile, List<Origin>> origins) {
        List<Problem> out = new ArrayList<>();
        for (Problem p : problems) {
            var file = BundleFile.byName(p.file());
            List<Origin> rows = file.map(origins::get).orElse(null);
            int index = p.line() - 2;
            if (rows == null || index < 0 || index >= rows.size()) {
                out.add(p);
                continue;
            }
            Origin origin = rows.get(index);
            out.add(origin.problem(field(file.get(), p.column(), origin), p.message()));
        }
        return out;
    }

    private static String field(BundleFile file, String column, Origin origin) {
        return switch (file) {
            case AGENCIES -> column.equals("id") || column.equals("name") ? column : "(mapping)";
            case SERVICES -> switch (column) {
                case "id", "name" -> column;
                case "agency" -> origin.isJson() ? "organization" : "organization_id";
                case "boroughs" -> "service_areas";
                default -> "attributes";
            };
            case BOROUGHS -> "(borough " + column + ")";
            case NEEDS -> "(need " + column + ")";
            default -> column;
        };
    }
}
