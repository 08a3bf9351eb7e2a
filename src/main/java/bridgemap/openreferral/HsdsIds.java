package bridgemap.openreferral;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The UUIDs Bridgemap gives its records in an Open Referral export. HSDS 3.0 says every {@code id} and every reference
 * is a UUID ({@code "format": "uuid"}); Bridgemap's ids are words ({@code svc-cmht-barnet}). Each record gets the
 * name-based UUID, version 5 (RFC 9562 §5.5: SHA-1 over a namespace and a name), of its HSDS type and its Bridgemap
 * id, {@code organization:trust-rv5}, {@code service:svc-cmht-barnet}: the same record always gets the same UUID, so
 * re-exports line up, and an organisation and a service with the same Bridgemap id still differ. An id that already
 * is a UUID (an imported directory's own) is kept as it is, so a directory read in and written out keeps its ids.
 */
final class HsdsIds {

    /**
     * Bridgemap's namespace for its name-based UUIDs: a random (version 4) UUID generated once, on 2026-12-03, for
     * this purpose alone. Never change it: every UUID Bridgemap has published derives from it, and an import
     * recognises Bridgemap's own records by deriving the same UUID again.
     */
    static final UUID NAMESPACE = UUID.fromString("0607fb89-d5d9-46b1-8a8a-e052892ab0d7");

    /** 8-4-4-4-12 hex digits, any case (RFC 9562 §4: case-insensitive on input). */
    private static final Pattern UUID_TEXT =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private HsdsIds() {}

    /** The HSDS id of the record of {@code type} whose Bridgemap id is {@code id}: {@code id} itself when it is a UUID. */
    static String of(String type, String id) {
        return isUuid(id) ? id : derived(type, id);
    }

    /** The version 5 UUID of {@code type + ":" + id} in Bridgemap's namespace, whatever {@code id} looks like. */
    static String derived(String type, String id) {
        return nameBased(NAMESPACE, Objects.requireNonNull(type, "type") + ":" + Objects.requireNonNull(id, "id")).toString();
    }

    static boolean isUuid(String text) {
        return text != null && UUID_TEXT.matcher(text).matches();
    }

    /** True when {@code hsdsId} is the UUID Bridgemap derives for the record of {@code type} with Bridgemap id {@code id}. */
    static boolean isDerived(String hsdsId, String type, String id) {
        return hsdsId != null && id != null && hsdsId.toLowerCase(Locale.ROOT).equals(derived(type, id));
    }

    /** RFC 9562 §5.5: SHA-1 of the namespace's 16 bytes and the name's UTF-8, version 5, variant 10. */
    static UUID nameBased(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16).putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits()).array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
