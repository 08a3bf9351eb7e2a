package bridgemap.cli;

import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.privacy.PseudonymKey;
import bridgemap.privacy.Pseudonymiser;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "pseudonymise", aliases = "pseudonymize", mixinStandardHelpOptions = true,
        description = {"Prepare a bundle for sharing without identifiers, before it leaves the partner's systems.",
                "Case ids (cases.csv id, referrals.csv case) and referral ids become keyed pseudonyms — c- or r- and 16 hex "
                        + "digits of HMAC-SHA256 — the same in both files and in every run with the same key. cases.csv keeps "
                        + "only id, borough, age_band, gender and needs: name, dob, nhs_number, pnc, address, postcode and any "
                        + "other column are dropped, each with a note on stderr. Other bundle CSV files are copied unchanged; "
                        + "files that are not bundle CSVs are not copied. No id is ever printed.",
                "The key file holds at least 32 random bytes (base64 or hex). Keep it apart from the data and never send "
                        + "it: with it, anyone can test a guessed NHS number against the pseudonyms. Lose it, and the next "
                        + "bundle's pseudonyms will not match these."})
final class PseudonymiseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--key-file", paramLabel = "FILE", required = true,
            description = "The secret key (must exist, unless --new-key makes it).")
    Path keyFile;

    @Option(names = "--new-key", description = "Make a new random key in --key-file (permissions 600); refuses to overwrite one.")
    boolean newKey;

    @Option(names = "--in", paramLabel = "BUNDLE", required = true, description = "The bundle with identifiers: a folder or .zip.")
    Path in;

    @Option(names = "--out", paramLabel = "DIR", required = true,
            description = "Folder for the pseudonymised bundle; must not exist yet, or be empty.")
    Path out;

    @Option(names = "--max-mb", paramLabel = "MiB", defaultValue = "512",
            description = "Refuse a bundle larger than this once unpacked, in MiB (default: ${DEFAULT-VALUE}).")
    long maxMb;

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        if (maxMb < 1 || maxMb > 2047) {
            throw new IllegalArgumentException("--max-mb must be between 1 and 2047: " + maxMb);
        }
        if (Files.exists(out) && !isEmptyFolder(out)) {
            throw new IllegalArgumentException("--out " + out + " already exists and is not an empty folder; "
                    + "refusing to overwrite anything");
        }
        BundleSource source;
        try {
            source = BundleSource.read(in, maxMb << 20);
        } catch (BundleRejectedException e) {
            return CommandOutput.rejected(err, "pseudonymise", in, e);
        }
        PseudonymKey key;
        if (newKey) {
            key = PseudonymKey.create(keyFile);
            err.println("Made a new key in " + keyFile + " (readable by you only). Keep it safe and apart from the data: "
                    + "bundles pseudonymised later must use the same key to match these.");
        } else {
            key = PseudonymKey.load(keyFile);
            if (PseudonymKey.openToOthers(keyFile)) {
                err.println("Warning: " + keyFile + " can be read by other users; restrict it with: chmod 600 " + keyFile);
            }
        }
        Pseudonymiser.Result result;
        try {
            result = Pseudonymiser.pseudonymise(source, key);
        } catch (BundleRejectedException e) {
            return CommandOutput.rejected(err, "pseudonymise", in, e);
        }
        result.notes().forEach(err::println);
        err.flush();
        write(result);
        int copied = (int) result.files().keySet().stream()
                .filter(f -> f != BundleFile.CASES && f != BundleFile.REFERRALS).count();
        spec.commandLine().getOut().printf(Locale.ROOT,
                "Pseudonymised %,d case ids and %,d referral ids into %s; %d other file%s copied unchanged.%n",
                result.cases(), result.referrals(), out, copied, copied == 1 ? "" : "s");
        spec.commandLine().getOut().flush();
        return BridgemapCommand.EXIT_OK;
    }

    /** Writes every file into a fresh folder beside {@code out}, then moves it into place: never half a bundle. */
    private void write(Pseudonymiser.Result result) throws IOException {
        Path target = out.toAbsolutePath().normalize();
        Path parent = target.getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + target.getFileName() + ".partial-");
        try {
            for (var file : result.files().entrySet()) {
                Files.write(staging.resolve(file.getKey().fileName()), file.getValue());
            }
            if (Files.getFileStore(staging).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(staging, PosixFilePermissions.fromString("rwx------"));
            }
            Files.deleteIfExists(target); // an empty folder, checked above
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(staging, target);
            }
        } finally {
            if (Files.exists(staging)) {
                try (Stream<Path> files = Files.list(staging)) {
                    for (Path file : files.toList()) {
                        Files.deleteIfExists(file);
                    }
                }
                Files.deleteIfExists(staging);
            }
        }
    }

    private static boolean isEmptyFolder(Path path) throws IOException {
        if (!Files.isDirectory(path)) {
            return false;
        }
        try (Stream<Path> entries = Files.list(path)) {
            return entries.findAny().isEmpty();
        }
    }
}
