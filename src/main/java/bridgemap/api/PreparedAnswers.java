package bridgemap.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.zip.GZIPOutputStream;

/**
 * Cached answers as prepared bytes (issue 17): the JSON of a cached result is written once per cache entry, with its
 * gzip and a strong {@code ETag} (SHA-256 of the JSON), so a repeated request costs a header check and a copy, and a
 * browser that already holds it gets {@code 304 Not Modified}. Entries are keyed by the <em>identity</em> of the
 * service's cached result (and whether it is shown to a researcher, under disclosure control): after an import the
 * service computes new results, so old bytes are never served for them (and the entries of an older generation of
 * results are dropped). At most {@code budgetBytes} are kept, least recently used first out.
 */
final class PreparedAnswers {

    /** Bytes kept at most unless configured otherwise. */
    static final long DEFAULT_BUDGET_BYTES = 64L << 20;

    /** One answer: its JSON, the JSON gzipped, and the ETag of the JSON (the gzip's is it with {@code -gzip}). */
    record Prepared(byte[] json, byte[] gzip, String etag) {

        long size() {
            return json.length + gzip.length;
        }
    }

    /**
     * A result by identity (a record's equals would walk the whole result), the view of it, and the variant asked for
     * (the page of a paged answer, {@link ListPages.Request#key()}; empty for the whole answer).
     */
    private record Key(Object result, boolean researcher, String variant) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && k.result == result && k.researcher == researcher && k.variant.equals(variant);
        }

        @Override
        public int hashCode() {
            return (System.identityHashCode(result) * 31 + Boolean.hashCode(researcher)) * 31 + variant.hashCode();
        }
    }

    /** Whole answers as trees, kept for paging: the last few, by identity like the prepared entries. */
    private static final int SOURCES_KEPT = 3;
    private final LinkedHashMap<Key, com.fasterxml.jackson.databind.JsonNode> sources =
            new LinkedHashMap<>(8, 0.75f, true);

    private final ObjectMapper mapper;
    private final long budgetBytes;
    private final LongSupplier generation;
    private long seenGeneration;
    private final LinkedHashMap<Key, Prepared> entries = new LinkedHashMap<>(16, 0.75f, true);
    private long bytes;

    /** {@code generation} changes whenever the service's cached results are dropped (an import). */
    PreparedAnswers(ObjectMapper mapper, long budgetBytes, LongSupplier generation) {
        this.mapper = Objects.requireNonNull(mapper, "mapper");
        this.generation = Objects.requireNonNull(generation, "generation");
        if (budgetBytes < 0) {
            throw new IllegalArgumentException("budgetBytes < 0: " + budgetBytes);
        }
        this.budgetBytes = budgetBytes;
    }

    /**
     * The prepared answer for {@code result} (a cached, immutable service result) as {@code researcher} or not sees
     * it; {@code body} makes the object to write (called once per entry).
     */
    Prepared of(Object result, boolean researcher, Supplier<Object> body) {
        return of(result, researcher, "", body);
    }

    /**
     * As {@link #of(Object, boolean, Supplier)} for one {@code variant} of the result (a page of it, say), kept apart
     * from the others.
     */
    Prepared of(Object result, boolean researcher, String variant, Supplier<Object> body) {
        Key key = new Key(Objects.requireNonNull(result, "result"), researcher, Objects.requireNonNull(variant, "variant"));
        long now = generation.getAsLong();
        synchronized (entries) {
            if (now != seenGeneration) {
                entries.clear();
                sources.clear();
                bytes = 0;
                seenGeneration = now;
            }
            Prepared kept = entries.get(key);
            if (kept != null) {
                return kept;
            }
        }
        Prepared made = prepare(body.get());
        synchronized (entries) {
            Prepared raced = entries.putIfAbsent(key, made);
            if (raced != null) {
                return raced;
            }
            bytes += made.size();
            Iterator<Map.Entry<Key, Prepared>> eldest = entries.entrySet().iterator();
            while (bytes > budgetBytes && eldest.hasNext()) {
                bytes -= eldest.next().getValue().size();
                eldest.remove();
            }
        }
        return made;
    }

    /**
     * The whole answer for {@code result} as a tree ({@code tree} makes it, once while it is kept), from which pages
     * are cut; the last {@value #SOURCES_KEPT} are kept.
     */
    com.fasterxml.jackson.databind.JsonNode source(Object result, boolean researcher,
            Supplier<com.fasterxml.jackson.databind.JsonNode> tree) {
        Key key = new Key(Objects.requireNonNull(result, "result"), researcher, "");
        synchronized (entries) {
            var kept = sources.get(key);
            if (kept != null) {
                return kept;
            }
        }
        var made = tree.get();
        synchronized (entries) {
            if (generation.getAsLong() == seenGeneration) {
                sources.put(key, made);
                Iterator<Key> eldest = sources.keySet().iterator();
                while (sources.size() > SOURCES_KEPT && eldest.hasNext()) {
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        return made;
    }

    private Prepared prepare(Object body) {
        try {
            byte[] json = mapper.writeValueAsBytes(body);
            ByteArrayOutputStream zipped = new ByteArrayOutputStream(json.length / 4 + 64);
            try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
                gzip.write(json);
            }
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(json);
            String etag = Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(digest, 18));
            return new Prepared(json, zipped.toByteArray(), etag);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write the answer as JSON", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this Java runtime", e);
        }
    }

    /**
     * Sends {@code answer}: {@code 304} with no body when {@code If-None-Match} names it, else its gzip (with
     * {@code Content-Encoding: gzip}) when the client accepts gzip, else its JSON. Browsers revalidate every time
     * ({@code Cache-Control: private, no-cache}); the answer varies with the token and the encoding asked for.
     */
    static void send(Context ctx, Prepared answer) {
        boolean gzip = acceptsGzip(ctx.header("Accept-Encoding"));
        ctx.header("Cache-Control", "private, no-cache");
        ctx.header("Vary", "Accept-Encoding, Authorization");
        ctx.header("ETag", "\"" + answer.etag() + (gzip ? "-gzip" : "") + "\"");
        ctx.contentType("application/json");
        if (matches(ctx.header("If-None-Match"), answer.etag())) {
            ctx.status(304);
            return;
        }
        if (gzip) {
            // Javalin leaves a body that already has a Content-Encoding as it is.
            ctx.header("Content-Encoding", "gzip");
            ctx.result(answer.gzip());
        } else {
            ctx.result(answer.json());
        }
    }

    /** True when an {@code If-None-Match} header names {@code etag} (either encoding's), or is {@code *}. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null) {
            return false;
        }
        for (String each : ifNoneMatch.split(",")) {
            String tag = each.strip();
            if (tag.equals("*")) {
                return true;
            }
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("\"" + etag + "\"") || tag.equals("\"" + etag + "-gzip\"")) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code Accept-Encoding} lists gzip (or {@code *}) without {@code q=0}. */
    static boolean acceptsGzip(String acceptEncoding) {
        if (acceptEncoding == null) {
            return false;
        }
        for (String each : acceptEncoding.toLowerCase(Locale.ROOT).split(",")) {
            String[] parts = each.split(";");
            String coding = parts[0].strip();
            if (!coding.equals("gzip") && !coding.equals("*")) {
                continue;
            }
            boolean refused = false;
            for (int i = 1; i < parts.length; i++) {
                String p = parts[i].strip().replace(" ", "");
                if (p.startsWith("q=") && p.substring(2).matches("0(\\.0{0,3})?")) {
                    refused = true;
                }
            }
            if (!refused) {
                return true;
            }
        }
        return false;
    }
}
