package bridgemap.privacy;

import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.CharacterEscapes;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * An append-only log of who changed what and who read case-level data: one JSON object per line with the
 * time, the request id, the token id and role, the action (route or command), its parameters, the outcome and how
 * many rows. Each entry is forced to disk before the request completes. A change writes two entries with the same
 * request id: {@code "outcome": "started"} before it is committed, then its outcome, so a change whose process died
 * before answering is still on record.
 *
 * <p>The file is created readable by its owner only ({@link PrivateFiles}). Every character that some reader could
 * take for a line end or that changes how a line displays — control characters (C0, DEL, C1 such as U+0085), U+2028,
 * U+2029 and format characters (bidirectional overrides, zero-width characters) — is written as a {@code \}{@code u}
 * escape, so one entry is always one line whatever a parameter holds.
 */
public final class AuditLog implements AutoCloseable {

    /** A log that records nothing (for tests of other things). */
    public static final AuditLog DISCARD = new AuditLog(null, Clock.systemUTC());

    /** The outcome of the entry written before a change is committed. */
    public static final String STARTED = "started";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setCharacterEscapes(new OneLineEscapes());
    }

    private final FileChannel channel;
    private final Clock clock;

    private AuditLog(FileChannel channel, Clock clock) {
        this.channel = channel;
        this.clock = clock;
    }

    /**
     * What an entry is about: the request id (shared by a change's "started" entry and its outcome), who (token id,
     * {@code cli:<user>}, or "anonymous"/"unrecognised"), their role (null when not recognised), the action and its
     * parameters.
     */
    public record Action(String request, String who, String role, String action, Map<String, ?> parameters) {

        /** An action with a new random request id. */
        public static Action of(String who, String role, String action, Map<String, ?> parameters) {
            return new Action(UUID.randomUUID().toString(), who, role, action, parameters);
        }
    }

    /** Opens (creating, owner-only) {@code file} for appending; an existing file others may read is made owner-only. */
    public static AuditLog open(Path file, Clock clock) {
        try {
            return new AuditLog(PrivateFiles.openForAppend(file), clock);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot open the audit log " + file, e);
        }
    }

    /** Appends one entry for a call that changes nothing or was refused. */
    public void record(String who, String role, String action, Map<String, ?> parameters, String outcome, long rows) {
        record(Action.of(who, role, action, parameters), outcome, rows);
    }

    /** Appends the entry written before {@code action} changes anything: outcome {@value #STARTED}. */
    public void started(Action action) {
        record(action, STARTED, 0);
    }

    /** Appends {@code action}'s outcome. */
    public void record(Action action, String outcome, long rows) {
        if (channel == null) {
            return;
        }
        ObjectNode entry = MAPPER.createObjectNode();
        entry.put("time", Instant.now(clock).toString());
        entry.put("request", action.request());
        entry.put("who", action.who());
        entry.put("role", action.role());
        entry.put("action", action.action());
        entry.set("parameters", MAPPER.valueToTree(action.parameters()));
        entry.put("outcome", outcome);
        entry.put("rows", rows);
        byte[] line;
        try {
            line = MAPPER.writeValueAsString(entry).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the audit log", e);
        }
        synchronized (this) {
            try {
                ByteBuffer buffer = ByteBuffer.allocate(line.length + 1).put(line).put((byte) '\n').flip();
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

    /** JSON's own escapes, and {@code \}{@code u} escapes for DEL and every non-ASCII control, line or format character. */
    private static final class OneLineEscapes extends CharacterEscapes {

        private final int[] ascii = standardAsciiEscapesForJSON();

        OneLineEscapes() {
            ascii[0x7F] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int ch) {
            return escaped(ch) ? new SerializedString(String.format(Locale.ROOT, "\\u%04x", ch)) : null;
        }

        static boolean escaped(int ch) {
            int type = Character.getType(ch);
            return type == Character.CONTROL || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
                    || type == Character.FORMAT;
        }
    }
}
