package bridgemap.api;

import bridgemap.app.BridgemapApp;
import bridgemap.service.InvalidInputException;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleTooLargeException;
import bridgemap.ingest.ImportMemory;
import bridgemap.ingest.ImportResult;
import bridgemap.model.ProgressListener;
import bridgemap.openreferral.OpenReferralImport;
import io.javalin.http.Context;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/imports}: a bundle {@code .zip} as the request body, all or nothing, as the CLI imports it;
 * with {@code format=openreferral}, an Open Referral directory instead (a {@code .zip} of a tabular data package
 * or JSON files, or one JSON document sent as {@code application/json}), as {@code import-openreferral} does.
 *
 * <p>What an upload may cost is bounded before it is spent: a body not sent with a zip's (or, for Open Referral,
 * JSON's) {@code Content-Type} is refused unread (415; a cross-site form can only send {@code text/plain}, form or
 * multipart bodies); the body is streamed to a private folder on disk and refused as soon as it passes the upload
 * limit (413); at most one import runs and {@link UploadGate#MAX_WAITING} wait, others get 503 at once; and the zip
 * is refused from its declared sizes, before it is unpacked, when it would expand past the size limit, expand like a
 * bomb or need more memory than the heap can spare ({@link ImportMemory}; 413). Should the heap run out anyway, the
 * answer is a 503 problem, nothing is written and the server goes on serving.
 */
final class ImportRoutes {

    private static final Logger LOG = LoggerFactory.getLogger(ImportRoutes.class);
    /** The media types a zip may be sent as (openapi.json); each needs a CORS preflight from another origin. */
    private static final Set<String> ZIP_TYPES = Set.of("application/zip", "application/x-zip-compressed",
            "application/octet-stream");
    private static final String JSON_TYPE = "application/json";
    /** Seconds a client turned away because of other uploads is asked to wait. */
    private static final int RETRY_AFTER_SECONDS = 30;

    private final BridgemapApp app;
    private final long maxUploadBytes;
    private final ImportMemory.Budget memory;
    private final UploadSpool spool = UploadSpool.create();
    private final UploadGate gate = new UploadGate();

    ImportRoutes(BridgemapApp app, long maxUploadBytes, ImportMemory.Budget memory) {
        this.app = Objects.requireNonNull(app, "app");
        this.maxUploadBytes = maxUploadBytes;
        this.memory = Objects.requireNonNull(memory, "memory");
    }

    void importBundle(Context ctx) {
        String format = ctx.queryParam("format") == null || ctx.queryParam("format").isBlank() ? "bundle"
                : ctx.queryParam("format").strip();
        if (!format.equals("bundle") && !format.equals("openreferral")) {
            throw new InvalidInputException("format",
                    "unknown import format \"" + format + "\" (expected bundle or openreferral)");
        }
        String type = mediaType(ctx.contentType());
        boolean json = type.equals(JSON_TYPE);
        if (!ZIP_TYPES.contains(type) && !(json && format.equals("openreferral"))) {
            discardBody(ctx);
            unsupportedType(ctx, format, type);
            return;
        }
        String label = ctx.queryParam("name") == null ? (json ? "upload.json" : "upload.zip") : ctx.queryParam("name");
        try (UploadGate.Pass pass = gate.enter();
                UploadSpool.Upload upload = spool.receive(ctx.req().getInputStream(), ctx.req().getContentLengthLong(),
                        maxUploadBytes)) {
            if (upload.size() == 0) {
                ApiServer.problem(ctx, new ProblemDetail("about:blank", "Empty upload", 400,
                        "Send the bundle .zip as the request body (Content-Type: application/zip).", ctx.path(), "body", null));
                return;
            }
            pass.awaitTurn();
            importUpload(ctx, format, json, upload, label);
        } catch (UploadGate.BusyException e) {
            discardBody(ctx);
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            ApiServer.problem(ctx, ProblemDetail.of(503, "Busy importing", e.getMessage() + " Nothing was imported.", ctx.path()));
        } catch (UploadSpool.TooLargeException e) {
            // The rest of the body is not read: the connection is closed after this answer.
            ctx.header("Connection", "close");
            ApiServer.problem(ctx, ProblemDetail.of(413, "Upload too large", "The upload is larger than the limit of "
                    + maxUploadBytes + " bytes (serve --max-upload-mb); nothing was imported.", ctx.path()));
        } catch (IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("No space left on device")) {
                ApiServer.problem(ctx, ProblemDetail.of(507, "Not enough disk space", "The disk that holds uploads ("
                        + System.getProperty("java.io.tmpdir") + ") is full, so the upload could not be received; nothing "
                        + "was imported.", ctx.path()));
                return;
            }
            ApiServer.problem(ctx, ProblemDetail.of(400, "Upload not received",
                    "The request body could not be read (" + e.getMessage() + "); nothing was imported.", ctx.path()));
        }
    }

    private void importUpload(Context ctx, String format, boolean json, UploadSpool.Upload upload, String label) {
        try {
            if (format.equals("bundle")) {
                ImportResult result = app.imports().importZip(upload.file(), label, memory, ProgressListener.NONE);
                ctx.status(201);
                Responses.json(ctx, result);
                Responses.auditRows(ctx, result.summary().rows());
            } else {
                OpenReferralImport result = json
                        ? app.openReferral().importJson(upload.file(), label, memory, ProgressListener.NONE)
                        : app.openReferral().importZip(upload.file(), label, memory, ProgressListener.NONE);
                ctx.status(201);
                Responses.json(ctx, result);
                Responses.auditRows(ctx, result.result().summary().rows());
            }
        } catch (BundleTooLargeException e) {
            bridgemap.ingest.Problem why = e.problems().get(0);
            ApiServer.problem(ctx, new ProblemDetail("about:blank", "Upload too large", 413,
                    why.message() + "; nothing was written.", ctx.path(), "body", List.of(why.toString())));
        } catch (BundleRejectedException e) {
            List<String> errors = e.problems().stream().map(bridgemap.ingest.Problem::toString).toList();
            ApiServer.problem(ctx, new ProblemDetail("about:blank", "Bundle rejected", 400,
                    errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + " found; nothing was written.",
                    ctx.path(), "body", errors));
        } catch (OutOfMemoryError e) {
            // A last resort: the size limits and the memory estimate are meant to refuse such an upload before this.
            // What the import held is garbage once this method returns; the store rolled its transaction back.
            LOG.error("{} {} ran out of memory importing {} ({} bytes)", ctx.method(), ctx.path(), label, upload.size());
            ctx.header("Retry-After", String.valueOf(RETRY_AFTER_SECONDS));
            ApiServer.problem(ctx, ProblemDetail.of(503, "Out of memory", "The server ran out of memory importing this "
                    + "upload, so nothing was written. Import it with the command line (bridgemap import) with a "
                    + "larger -Xmx, or split it.", ctx.path()));
        }
    }

    /**
     * Drops the body of a request refused without it, unless the client waits for {@code 100 Continue} before
     * sending it (curl does for large bodies), in which case it is never sent. No more than the upload limit is read.
     */
    private void discardBody(Context ctx) {
        if (!"100-continue".equalsIgnoreCase(ctx.header("Expect"))) {
            try {
                UploadSpool.discard(ctx.req().getInputStream(), maxUploadBytes);
            } catch (IOException ignored) {
                // nothing to drop
            }
        }
    }

    /** The media type of a Content-Type header, lower case, without parameters; empty when there is none. */
    private static String mediaType(String contentType) {
        if (contentType == null) {
            return "";
        }
        int semicolon = contentType.indexOf(';');
        return (semicolon < 0 ? contentType : contentType.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
    }

    private static void unsupportedType(Context ctx, String format, String type) {
        boolean openReferral = format.equals("openreferral");
        ctx.header("Accept-Post", "application/zip, application/x-zip-compressed, application/octet-stream"
                + (openReferral ? ", application/json" : ""));
        ApiServer.problem(ctx, new ProblemDetail("about:blank", "Unsupported Content-Type", 415,
                (openReferral
                        ? "Send the Open Referral .zip with Content-Type: application/zip, or one JSON document with "
                                + "Content-Type: application/json"
                        : "Send the bundle .zip with Content-Type: application/zip")
                        + "; this request's Content-Type is " + (type.isEmpty() ? "missing" : "\"" + type + "\"")
                        + ". Nothing was imported.", ctx.path(), "Content-Type", null));
    }
}
