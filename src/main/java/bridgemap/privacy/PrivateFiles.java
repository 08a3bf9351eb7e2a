package bridgemap.privacy;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Folders and files that hold case data, tokens or the audit log, for their owner only: on file systems with POSIX
 * permissions, folders are created 700 and files 600 by the call that creates them, so whatever the umask there is
 * no moment in which other users of the machine may read them. Elsewhere the operator protects them.
 */
public final class PrivateFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateFiles.class);

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OTHERS = Set.of(PosixFilePermission.GROUP_READ,
            PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private PrivateFiles() {}

    /** Creates {@code folder} and its missing parents, each 700. */
    public static void createFolders(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (isPosix(absolute)) {
            Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
        } else {
            Files.createDirectories(absolute);
        }
    }

    /**
     * The data folder: created 700 when missing; an existing one that other users may enter is left as the operator
     * set it, with a warning (it holds the store's files).
     */
    public static void dataFolder(Path folder) throws IOException {
        Path absolute = folder.toAbsolutePath();
        if (!Files.isDirectory(absolute)) {
            createFolders(absolute);
            return;
        }
        if (isPosix(absolute) && sharedWithOthers(absolute)) {
            LOG.warn("The data folder {} may be read by other users of this machine ({}); it holds case-level data: "
                    + "chmod 700 it unless that is intended.", absolute, PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(absolute)));
        }
    }

    /** Creates {@code file} 600 (its folder and missing parents 700); fails if it exists. */
    public static void createFile(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        createFolders(absolute.getParent());
        if (isPosix(absolute)) {
            Files.createFile(absolute, PosixFilePermissions.asFileAttribute(FILE));
        } else {
            Files.createFile(absolute);
        }
    }

    /**
     * Opens {@code file} for appending, created 600 when missing (its folder and missing parents 700). An existing
     * file that other users may read or write is tightened to 600, with a warning.
     */
    public static FileChannel openForAppend(Path file) throws IOException {
        Path absolute = file.toAbsolutePath();
        createFolders(absolute.getParent());
        Set<OpenOption> options = Set.of(StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE);
        if (!isPosix(absolute)) {
            return FileChannel.open(absolute, options);
        }
        FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(FILE);
        FileChannel channel = FileChannel.open(absolute, options, ownerOnly);
        if (sharedWithOthers(absolute)) {
            String was = PosixFilePermissions.toString(Files.getPosixFilePermissions(absolute));
            try {
                Files.setPosixFilePermissions(absolute, FILE);
                LOG.warn("{} could be read by other users of this machine ({}); it is now rw------- (owner only).",
                        absolute, was);
            } catch (IOException | SecurityException e) {
                LOG.warn("{} can be read by other users of this machine ({}) and Bridgemap could not change that: "
                        + "chmod 600 it.", absolute, was);
            }
        }
        return channel;
    }

    private static boolean sharedWithOthers(Path path) throws IOException {
        return Files.getPosixFilePermissions(path).stream().anyMatch(OTHERS::contains);
    }

    static boolean isPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
