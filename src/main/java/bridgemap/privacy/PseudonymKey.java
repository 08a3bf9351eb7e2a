package bridgemap.privacy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind pseudonyms: at least 32 random bytes, kept base64- (or hex-) encoded in a key file that only its
 * owner can read. A pseudonym is {@code prefix} + the first {@value #HEX_CHARS} hex digits of HMAC-SHA256(key, kind + ":" + id):
 * the same key gives the same pseudonym in every run, so bundles prepared on different days still join up; without
 * the key, a pseudonym cannot be turned back into the id, nor can a guessed id be checked against it.
 *
 * <p>{@value #HEX_CHARS} hex digits are 64 bits: among n distinct ids the chance that any two share a pseudonym is
 * about n²/2⁶⁵ — 1 in 37 million for a million ids, 1 in 370,000 for ten million. {@link Pseudonymiser} checks every
 * run for such a clash and refuses rather than merge two people.
 */
public final class PseudonymKey {

    /** Least key length, in bytes: HMAC-SHA256's own output length. */
    public static final int MIN_BYTES = 32;
    /** Hex digits of the HMAC kept in a pseudonym. */
    public static final int HEX_CHARS = 16;
    private static final int NEW_KEY_BYTES = 32;
    private static final int MAX_FILE_BYTES = 4_096;
    /** A random 32-byte key has about 30 distinct byte values; a typed phrase or a repeated pattern far fewer. */
    private static final int MIN_DISTINCT_BYTES = 16;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);

    private final Mac mac;

    private PseudonymKey(byte[] key) {
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /**
     * Reads the key in {@code file}. A missing file, one that is not base64, or a key shorter than {@value #MIN_BYTES}
     * bytes or visibly not random is an {@link IllegalArgumentException}; the message never shows the key.
     */
    public static PseudonymKey load(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no key file " + file + "; make one with --new-key (and keep it safe)");
        }
        if (Files.size(file) > MAX_FILE_BYTES) {
            throw new IllegalArgumentException("key file " + file + " is " + Files.size(file)
                    + " bytes: not a key (a key file holds " + MIN_BYTES + " or more random bytes, base64-encoded)");
        }
        String text = new String(Files.readAllBytes(file), StandardCharsets.US_ASCII).replaceAll("\\s", "");
        byte[] key;
        try {
            // Hex (openssl rand -hex 32) or base64 (--new-key, openssl rand -base64 32); random base64 is never all hex.
            key = text.matches("([0-9a-fA-F]{2})+") ? HexFormat.of().parseHex(text) : Base64.getDecoder().decode(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("key file " + file + " is neither base64 nor hex; a key file holds "
                    + MIN_BYTES + " or more random bytes, base64-encoded as --new-key writes them");
        }
        if (key.length < MIN_BYTES) {
            throw new IllegalArgumentException("key file " + file + " holds " + key.length + " bytes; a key needs at least "
                    + MIN_BYTES + " random bytes");
        }
        if (distinct(key) < MIN_DISTINCT_BYTES) {
            throw new IllegalArgumentException("key file " + file + " does not look random (too few distinct bytes); "
                    + "make a key with --new-key rather than typing one");
        }
        return new PseudonymKey(key);
    }

    /**
     * Makes a new random key in {@code file}, readable and writable by its owner only, and returns it. Refuses to
     * overwrite an existing file: losing a key means the next bundle's pseudonyms no longer match the last one's.
     */
    public static PseudonymKey create(Path file) throws IOException {
        Objects.requireNonNull(file, "file");
        byte[] key = new byte[NEW_KEY_BYTES];
        new SecureRandom().nextBytes(key);
        try {
            if (Files.getFileStore(parentOf(file)).supportsFileAttributeView("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                Files.setPosixFilePermissions(file, OWNER_ONLY); // whatever the umask
            } else {
                Files.createFile(file);
            }
        } catch (FileAlreadyExistsException e) {
            throw new IllegalArgumentException("key file " + file + " already exists; refusing to overwrite a key "
                    + "(drop --new-key to use it)");
        }
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap((Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII)));
            channel.force(true);
        }
        return new PseudonymKey(key);
    }

    /** True when {@code file}'s permissions let anyone but its owner read or change it (POSIX only). */
    public static boolean openToOthers(Path file) throws IOException {
        if (!Files.getFileStore(file).supportsFileAttributeView("posix")) {
            return false;
        }
        Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
        return !OWNER_ONLY.containsAll(permissions.stream().filter(p -> p != PosixFilePermission.OWNER_EXECUTE).toList());
    }

    /** {@code prefix} + 16 hex digits of HMAC-SHA256(key, kind + ":" + id). */
    synchronized String pseudonym(String prefix, String kind, String id) {
        byte[] digest = mac.doFinal((kind + ":" + id).getBytes(StandardCharsets.UTF_8));
        return prefix + HexFormat.of().formatHex(digest, 0, HEX_CHARS / 2);
    }

    private static Path parentOf(Path file) {
        Path parent = file.toAbsolutePath().getParent();
        return parent == null ? file.toAbsolutePath().getRoot() : parent;
    }

    private static int distinct(byte[] bytes) {
        boolean[] seen = new boolean[256];
        int count = 0;
        for (byte b : bytes) {
            if (!seen[b & 0xff]) {
                seen[b & 0xff] = true;
                count++;
            }
        }
        return count;
    }

    @Override
    public String toString() {
        return "PseudonymKey[hidden]";
    }
}
