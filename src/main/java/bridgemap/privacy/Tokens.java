package bridgemap.privacy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The operator's API tokens, kept hashed: a tokens file has one line per token, {@code ID ROLE SHA256-HEX}
 * ({@code #} starts a comment). A presented token is hashed and compared in constant time; the clear token
 * is shown once, when {@code bridgemap token add} creates it, and never stored.
 */
public final class Tokens {

    /** One configured token: its id (for the audit log), its role, and the SHA-256 of the token. */
    public record Entry(String id, Role role, byte[] hash) {}

    private static final Pattern ID = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.@-]{0,63}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<Entry> entries;

    private Tokens(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    public static final Tokens NONE = new Tokens(List.of());

    /** Reads a tokens file; a malformed line is an {@link IllegalArgumentException} naming the file and line. */
    public static Tokens load(Path file) throws IOException {
        List<Entry> entries = new ArrayList<>();
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] parts = line.split("\\s+");
            String where = file + ":" + (i + 1) + ": ";
            if (parts.length != 3) {
                throw new IllegalArgumentException(where + "expected ID ROLE SHA256-HEX");
            }
            Role role = Role.parse(parts[1]).orElseThrow(() -> new IllegalArgumentException(
                    where + "unknown role \"" + parts[1] + "\" (viewer, researcher, analyst or admin)"));
            if (!parts[2].matches("[0-9a-f]{64}")) {
                throw new IllegalArgumentException(where + "the hash must be 64 lower-case hex digits (SHA-256)");
            }
            entries.add(new Entry(parts[0], role, HexFormat.of().parseHex(parts[2])));
        }
        return new Tokens(entries);
    }

    public boolean isEmpty() {
        return entries.isEmpty();
    }

    public int size() {
        return entries.size();
    }

    /** The entry whose token this is, if any (constant-time comparison of hashes). */
    public Optional<Entry> match(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        byte[] hash = sha256(token);
        Entry found = null;
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.hash(), hash) && found == null) {
                found = entry;
            }
        }
        return Optional.ofNullable(found);
    }

    /**
     * Creates a random token for {@code id} with {@code role}, appends its hash to {@code file} (created
     * readable by its owner only, its new folders too) and returns the clear token, to show once.
     */
    public static String add(Path file, String id, Role role) throws IOException {
        if (!ID.matcher(id).matches()) {
            throw new IllegalArgumentException("token id \"" + id + "\" must be 1–64 letters, digits, '_', '.', '@' or '-'");
        }
        if (Files.exists(file) && load(file).entries.stream().anyMatch(e -> e.id().equals(id))) {
            throw new IllegalArgumentException("a token with id \"" + id + "\" already exists in " + file);
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = "bm_" + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        if (!Files.exists(file)) {
            PrivateFiles.createFile(file);
            Files.writeString(file, "# Bridgemap API tokens: ID ROLE SHA256-HEX (bridgemap token add)\n", StandardCharsets.UTF_8);
        }
        Files.writeString(file, id + " " + role.code() + " " + HexFormat.of().formatHex(sha256(token)) + "\n",
                StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        return token;
    }

    static byte[] sha256(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
