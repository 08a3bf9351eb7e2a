package bridgemap.api;

import bridgemap.app.BridgemapApp;
import bridgemap.app.InvalidInputException;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.ImportResult;
import bridgemap.ingest.Problem;
import bridgemap.model.ProgressListener;
import bridgemap.openreferral.OpenReferralImport;
import io.javalin.http.Context;
import java.util.List;

/**
 * {@code POST /api/imports}: a bundle {@code .zip} as the request body, all or nothing, as the CLI imports it;
 * with {@code format=openreferral}, an Open Referral directory instead (a {@code .zip} of a tabular data package
 * or JSON files, or one JSON document sent as {@code application/json}), as {@code import-openreferral} does.
 */
final class ImportRoutes {

    private final BridgemapApp app;

    ImportRoutes(BridgemapApp app) {
        this.app = app;
    }

    void importBundle(Context ctx) {
        byte[] zip = ctx.bodyAsBytes();
        if (zip.length == 0) {
            ApiServer.problem(ctx, new bridgemap.api.Problem("about:blank", "Empty upload", 400,
                    "Send the bundle .zip as the request body (Content-Type: application/zip).", ctx.path(), "body", null));
            return;
        }
        String format = ctx.queryParam("format") == null || ctx.queryParam("format").isBlank() ? "bundle"
                : ctx.queryParam("format").strip();
        boolean json = String.valueOf(ctx.contentType()).startsWith("application/json");
        String label = ctx.queryParam("name") == null ? (json ? "upload.json" : "upload.zip") : ctx.queryParam("name");
        try {
            switch (format) {
                case "bundle" -> {
                    ImportResult result = app.imports().importZip(zip, label, ProgressListener.NONE);
                    ctx.status(201);
                    Responses.json(ctx, result);
                    Responses.auditRows(ctx, result.summary().rows());
                }
                case "openreferral" -> {
                    OpenReferralImport result = json
                            ? app.openReferral().importJson(zip, label, ProgressListener.NONE)
                            : app.openReferral().importZip(zip, label, ProgressListener.NONE);
                    ctx.status(201);
                    Responses.json(ctx, result);
                    Responses.auditRows(ctx, result.result().summary().rows());
                }
                default -> throw new InvalidInputException("format",
                        "unknown import format \"" + format + "\" (expected bundle or openreferral)");
            }
        } catch (BundleRejectedException e) {
            List<String> errors = e.problems().stream().map(Problem::toString).toList();
            ApiServer.problem(ctx, new bridgemap.api.Problem("about:blank", "Bundle rejected", 400,
                    errors.size() + " problem" + (errors.size() == 1 ? "" : "s") + " found; nothing was written.",
                    ctx.path(), "body", errors));
        }
    }
}
