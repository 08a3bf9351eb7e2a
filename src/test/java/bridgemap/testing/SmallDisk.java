package bridgemap.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;

/**
 * A small file system made for a test that needs a disk to run out (issue 20): a tmpfs of the given size mounted on a
 * new temporary folder. Where mounting is not permitted (not root, or in a container without the capability) the test
 * is skipped, saying why. {@link #close()} unmounts it.
 */
public final class SmallDisk implements AutoCloseable {

    private final Path root;

    private SmallDisk(Path root) {
        this.root = root;
    }

    /** Mounts a tmpfs of {@code megabytes} MiB, or skips the test. */
    public static SmallDisk mount(int megabytes) throws Exception {
        Path root = Files.createTempDirectory("bridgemap-small-disk");
        Process mount = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=" + megabytes + "m", "tmpfs", root.toString())
                .redirectErrorStream(true).start();
        String said = new String(mount.getInputStream().readAllBytes());
        boolean mounted = mount.waitFor(30, TimeUnit.SECONDS) && mount.exitValue() == 0;
        if (!mounted) {
            Files.deleteIfExists(root);
        }
        assumeTrue(mounted, "a full disk needs a small file system, and this machine does not let the tests mount a tmpfs "
                + "(run as root, or with CAP_SYS_ADMIN): " + said.strip());
        return new SmallDisk(root);
    }

    /** The mounted folder. */
    public Path root() {
        return root;
    }

    /** Usable bytes left. */
    public long free() throws IOException {
        return Files.getFileStore(root).getUsableSpace();
    }

    /** Writes {@code file} (on this disk) until at most {@code leaveBytes} are free, or the disk is full. */
    public void fillLeaving(Path file, long leaveBytes) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(1 << 20);
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND)) {
            long free;
            while ((free = free()) > leaveBytes) {
                chunk.clear();
                chunk.limit((int) Math.min(chunk.capacity(), free - leaveBytes));
                while (chunk.hasRemaining()) {
                    out.write(chunk);
                }
            }
        } catch (IOException e) {
            if (e.getMessage() == null || !e.getMessage().contains("No space left on device")) {
                throw e;
            }
        }
    }

    /** Unmounts (lazily, should a process still hold a file) and deletes the folder. */
    @Override
    public void close() throws Exception {
        Process umount = new ProcessBuilder("umount", "-l", root.toString()).redirectErrorStream(true).start();
        umount.getInputStream().readAllBytes();
        umount.waitFor(30, TimeUnit.SECONDS);
        Files.deleteIfExists(root);
    }
}
