package bridgemap.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 20, a busy store: a second opening of an embedded store's folder is refused with a message that names the
 * folder, who probably holds it and what to do instead, never with Neo4j's stack of component names.
 * {@code BusyStoreIT} does the same with a second process beside a running {@code bridgemap serve}.
 */
class StoreLockTest {

    @TempDir
    Path home;

    @Test
    void aSecondStoreOnTheSameFolderIsRefusedInPlainWords_issue20() throws Exception {
        try (Store first = Store.open(StoreConfig.embedded(home))) {
            StoreInUseException refused = assertThrows(StoreInUseException.class, () -> Store.open(StoreConfig.embedded(home)));
            assertEquals(home.toRealPath(), refused.folder());
            String message = refused.getMessage();
            assertTrue(message.startsWith("the store in " + home.toRealPath() + " is in use by "), message);
            assertTrue(message.contains("POST /api/imports"), message);
            assertTrue(message.contains("Stop that process"), message);
            assertFalse(message.contains("org.neo4j") || message.contains("Exception"), message);
            assertTrue(first.ping(), "the first store still answers");
        }
        // Released with the store: the folder opens again.
        try (Store again = Store.open(StoreConfig.embedded(home))) {
            assertTrue(again.ping());
        }
    }

    /** The lock file names the holding process, for the message another process gets. */
    @Test
    void theLockFileNamesTheHolder_issue20() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            String content = Files.readString(home.resolve(StoreLock.FILE));
            assertTrue(content.startsWith("pid " + ProcessHandle.current().pid() + "\n"), content);
        }
    }

    /**
     * A folder whose Neo4j lock is held by something that does not take Bridgemap's own lock (neo4j-admin, or a
     * Bridgemap from before it) gets the same plain refusal in place of Neo4j's FileLockException.
     */
    @Test
    void neo4jsOwnLockHeldElsewhereIsReportedInPlainWords_issue20() throws Exception {
        try (Store store = Store.open(StoreConfig.embedded(home))) {
            assertTrue(store.ping()); // lays out the store's folders
        }
        Path neo4jLock = home.resolve("data/databases/store_lock");
        assertTrue(Files.exists(neo4jLock), "Neo4j's lock file");
        try (FileChannel channel = FileChannel.open(neo4jLock, StandardOpenOption.WRITE);
                FileLock held = channel.lock()) {
            StoreInUseException refused = assertThrows(StoreInUseException.class, () -> Store.open(StoreConfig.embedded(home)));
            assertTrue(refused.getMessage().contains("POST /api/imports"), refused.getMessage());
        }
    }
}
