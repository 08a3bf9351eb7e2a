package bridgemap.privacy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/**
 * An append-only log of who changed what and who read case-level data: one JSON object per line with the
 * time, the token id and role, the action (route or command), its parameters, the outcome and how many rows.
 * Each entry is forced to disk before the request completes.
 */
public final class AuditLog implements AutoCloseable {

    /** A log that records nothing (for tests of other things). */
    public static final AuditLog DISCARD = new AuditLog(null, Clock.systemUTC());

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final FileChannel channel;
    private final Clock clock;

    private AuditLog(FileChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /** Opens (creating) {@code file} for appending. */
    public static AuditLog open(Path file, Clock clock) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return new AuditLog(FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.APPEND,
                    StandardOpenOption.WRITE), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit log " + file, e);
        }
    }

    /** Appends one entry. */
    public void record(String who, String role, String action, Map<String, ?> parameters, String outcome, long rows) {
        if (channel == null) {
            return;
        }
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("time", Instant.now(clock).toString());
        entry.put("who", who);
        entry.put("role", role);
        entry.put("action", action);
        entry.set("parameters", MAPPER.valueToTree(parameters));
        entry.put("outcome", outcome);
        entry.put("rows", rows);
        byte[] line = (entry.toString() + "\n").getBytes(StandardCharsets.UTF_8);
        synchronized (this) {
            try {
                ByteBuffer buffer = ByteBuffer.wrap(line);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(false);
            } catch (IOException e) {
                throw new UncheckedIOException("Cannot write the audit log", e);
            }
        }
    }

    @Override
    public void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
