package bridgemap.api;

import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.service.ExportFormat;
import bridgemap.service.ExportService;
import bridgemap.service.InvalidInputException;
import bridgemap.privacy.Role;
import io.javalin.http.Context;
import java.util.Map;

/**
 * {@code GET /api/export?format=graphml|gexf|csv|openreferral&asOf=&borough=}: what {@code bridgemap export}
 * writes, as one download (CSV sections and the Open Referral package zipped). The graph and CSV exports carry
 * exact counts, so researchers, whose outputs pass disclosure control, may download only the service directory.
 */
final class ExportRoutes {

    /** The bundle is case-level data: its every call is audited, including those refused before the handler runs. */
    static final Access.AuditedWhen AUDITED_WHEN_BUNDLE = new Access.AuditedWhen(ExportRoutes::asksForBundle);

    private final BridgemapApp app;

    ExportRoutes(BridgemapApp app) {
        this.app = app;
    }

    void export(Context ctx) {
        String code = ctx.queryParam("format");
        if (code == null || code.isBlank()) {
            throw new InvalidInputException("format", "format is required: one of " + ExportFormat.codes());
        }
        ExportFormat format = ExportFormat.parse(code.strip()).orElseThrow(() -> new InvalidInputException("format",
                "unknown format \"" + code.strip() + "\" (expected one of: " + ExportFormat.codes() + ")"));
        if (format != ExportFormat.OPENREFERRAL && Caller.of(ctx).role() == Role.RESEARCHER) {
            throw new ForbiddenException("The " + format.code() + " export carries exact counts of people and referrals; "
                    + "the researcher role gets them under disclosure control from /api/analysis/… and /api/network.");
        }
        if (format == ExportFormat.BUNDLE) {
            // Case-level data: every call is audited, refused ones too (AUDITED_WHEN_BUNDLE, on the route).
            if (Caller.of(ctx).role() != Role.ADMIN) {
                throw new ForbiddenException("The bundle export is the whole store with case-level data: admins only.");
            }
            Map<String, byte[]> files = app.exports().bundleFiles();
            Responses.auditRows(ctx, ExportService.dataRows(files));
            send(ctx, format, app.exports().bundleFile(files));
            return;
        }
        AnalysisService.Scope scope = app.analysis().scope(Params.asOf(ctx), Params.borough(ctx));
        send(ctx, format, app.exports().file(format, scope));
    }

    private static boolean asksForBundle(Context ctx) {
        String code = ctx.queryParam("format");
        return code != null && ExportFormat.parse(code.strip()).filter(f -> f == ExportFormat.BUNDLE).isPresent();
    }

    private static void send(Context ctx, ExportFormat format, ExportService.ExportFile file) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        ctx.contentType(format.isManyFiles() ? file.contentType() : file.contentType() + "; charset=utf-8");
        ctx.result(file.content());
    }
}
