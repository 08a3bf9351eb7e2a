package bridgemap.privacy;

import bridgemap.model.RecordKeys;
import bridgemap.model.Tally;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The secret behind disclosure control's record keys (the ONS cell-key method, see {@link Disclosure}): each
 * case's and referral's record key is the first byte of HMAC-SHA256(secret, kind ‖ 0 ‖ id), so it looks random,
 * cannot be worked out without the secret, and is the same every time the record is read — across days,
 * restarts and restores of a backup, as long as the key file is kept.
 *
 * <p>The key lives in a file of its own (by default {@code disclosure.key} in the data folder), created on first
 * use with 32 random bytes in base64, readable by its owner only. Losing or replacing it changes the noise every
 * researcher figure carries, which would let someone who saved earlier answers compare two draws: keep it with
 * the store and back it up with the store.
 */
public final class DisclosureKey implements RecordKeys {

    private static final int SECRET_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec secret;
    private final ThreadLocal<Mac> macs;

    private DisclosureKey(byte[] secret) {
        if (secret.length < SECRET_BYTES) {
            throw new IllegalArgumentException("a disclosure key needs at least " + SECRET_BYTES + " bytes");
        }
        this.secret = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A key from the given secret bytes (tests). */
    public static DisclosureKey of(byte[] secret) {
        return new DisclosureKey(Objects.requireNonNull(secret, "secret"));
    }

    /** Reads the key in {@code file}, creating the file (owner read/write only) with a new random key if absent. */
    public static DisclosureKey open(Path file) {
        Objects.requireNonNull(file, "file");
        try {
            if (!Files.exists(file)) {
                create(file);
            }
            String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
            byte[] secret;
            try {
                secret = Base64.getDecoder().decode(text);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("The disclosure key file " + file + " is not base64: restore it from "
                        + "the backup of the data folder (a new key would change the noise on every researcher figure)");
            }
            if (secret.length < SECRET_BYTES) {
                throw new IllegalStateException("The disclosure key in " + file + " is shorter than " + SECRET_BYTES
                        + " bytes");
            }
            return new DisclosureKey(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the disclosure key " + file, e);
        }
    }

    private static void create(Path file) throws IOException {
        byte[] secret = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(secret);
        byte[] text = (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII);
        try {
            PrivateFiles.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return; // another process made it first: use theirs
        }
        Files.write(file, text, StandardOpenOption.WRITE, StandardOpenOption.SYNC);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(secret);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is not available in this Java runtime", e);
        }
    }

    /** The record key of the record with this {@code kind} ("case", "referral", …) and id: a number in [0, 256). */
    public int recordKey(String kind, String id) {
        Mac mac = macs.get();
        mac.update(kind.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        byte[] digest = mac.doFinal(id.getBytes(StandardCharsets.UTF_8));
        return (digest[0] & 0xFF) % Tally.KEYS;
    }

    @Override
    public int caseKey(String caseId) {
        return recordKey("case", caseId);
    }

    @Override
    public int referralKey(String referralId) {
        return recordKey("referral", referralId);
    }
}
