package bridgemap.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import bridgemap.app.AppConfig;
import bridgemap.app.BridgemapApp;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The data folder, the audit log and the tokens file are for their owner only (issue 13, item 6), whatever the umask
 * (a usual one, 022, would give 755 and 644). Skipped where the file system has no POSIX permissions.
 */
class PrivateFilesTest {

    @TempDir
    Path temp;

    @BeforeEach
    void posix() {
        assumeTrue(PrivateFiles.isPosix(temp), "no POSIX permissions here");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void aFreshDataFolderAndItsAuditLogAreTheOwnersOnly() throws Exception {
        Path data = temp.resolve("new/bridgemap-data");
        try (BridgemapApp app = BridgemapApp.open(AppConfig.fromEnvironment(Map.of(), data))) {
            assertEquals("rwx------", permissions(data));
            assertEquals("rwx------", permissions(data.getParent()), "a parent it had to create too");
            assertEquals("rw-------", permissions(data.resolve("audit.log")));
        }
    }

    @Test
    void anAuditLogOthersCouldReadIsTightened() throws Exception {
        Path file = temp.resolve("audit.log");
        Files.writeString(file, "");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        AuditLog.open(file, Clock.systemUTC()).close();
        assertEquals("rw-------", permissions(file));
    }

    @Test
    void anAuditLogElsewhereGetsAnOwnerOnlyFolder() throws Exception {
        Path file = temp.resolve("logs/bridgemap/audit.log");
        AuditLog.open(file, Clock.systemUTC()).close();
        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
    }

    @Test
    void aNewTokensFileIsTheOwnersOnly() throws Exception {
        Path file = temp.resolve("etc/tokens.txt");
        Tokens.add(file, "someone", Role.VIEWER);
        assertEquals("rw-------", permissions(file));
        assertEquals("rwx------", permissions(file.getParent()));
    }
}
