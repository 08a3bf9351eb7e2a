package bridgemap.api;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A private folder (mode 700) that request bodies are streamed into, counted against the upload limit as they
 * arrive, so that no upload is held in memory and one over the limit is refused as soon as it passes it, not
 * after it has all been received. Each upload is a file (mode 600) deleted when it is closed.
 */
final class UploadSpool {

    private final Path folder;

    private UploadSpool(Path folder) {
        this.folder = folder;
    }

    /** A new private folder in the system's temporary folder. */
    static UploadSpool create() {
        try {
            Path folder = FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                    ? Files.createTempDirectory("bridgemap-uploads-",
                            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")))
                    : Files.createTempDirectory("bridgemap-uploads-");
            folder.toFile().deleteOnExit();
            return new UploadSpool(folder);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a private folder for uploads", e);
        }
    }

    Path folder() {
        return folder;
    }

    /** An upload more than {@code limit} bytes long; {@code received} is how much was read before it was refused. */
    static final class TooLargeException extends Exception {
        private final long received;

        TooLargeException(long received) {
            super("larger than the upload limit");
            this.received = received;
        }

        long received() {
            return received;
        }
    }

    /** A received upload: its file, deleted on close. */
    record Upload(Path file, long size) implements AutoCloseable {
        @Override
        public void close() {
            try {
                Files.deleteIfExists(file);
            } catch (IOException ignored) {
                // a leftover file in the private folder is removed with the folder
            }
        }
    }

    /**
     * Reads and drops up to {@code limit} bytes of {@code body}, so that a client sending a body the server refuses
     * without using it reads the answer instead of a reset connection; more than that, and the connection is closed.
     */
    static void discard(InputStream body, long limit) {
        byte[] buffer = new byte[1 << 16];
        long read = 0;
        try {
            int n;
            while (read <= limit && (n = body.read(buffer)) >= 0) {
                read += n;
            }
        } catch (IOException ignored) {
            // the client went away: there is nobody to answer
        }
    }

    /**
     * Streams {@code body} into a new file of the folder, refusing it as soon as it passes {@code limit} bytes
     * ({@code declaredLength}, the request's Content-Length or -1, already above it refuses it before reading).
     */
    Upload receive(InputStream body, long declaredLength, long limit) throws TooLargeException, IOException {
        if (declaredLength > limit) {
            throw new TooLargeException(0);
        }
        Path file = Files.createTempFile(folder, "upload-", ".part");
        boolean kept = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long received = 0;
            int n;
            while ((n = body.read(buffer)) >= 0) {
                received += n;
                if (received > limit) {
                    throw new TooLargeException(received);
                }
                out.write(buffer, 0, n);
            }
            kept = true;
            return new Upload(file, received);
        } finally {
            if (!kept) {
                Files.deleteIfExists(file);
            }
        }
    }
}
