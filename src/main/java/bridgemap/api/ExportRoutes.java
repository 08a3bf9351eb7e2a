package bridgemap.api;

import bridgemap.app.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.app.ExportFormat;
import bridgemap.app.ExportService;
import bridgemap.app.InvalidInputException;
import bridgemap.privacy.AuditLog;
import bridgemap.privacy.Role;
import io.javalin.http.Context;

/**
 * {@code GET /api/export?format=graphml|gexf|csv|openreferral&asOf=&borough=}: what {@code bridgemap export}
 * writes, as one download (CSV sections and the Open Referral package zipped). The graph and CSV exports carry
 * exact counts, so researchers, whose outputs pass disclosure control, may download only the service directory.
 */
final class ExportRoutes {

    private final BridgemapApp app;
    private final AuditLog audit;

    ExportRoutes(BridgemapApp app, AuditLog audit) {
        this.app = app;
        this.audit = audit;
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
            Caller caller = Caller.of(ctx);
            if (caller.role() != Role.ADMIN) {
                throw new ForbiddenException("The bundle export is the whole store with case-level data: admins only.");
            }
            ExportService.ExportFile file = app.exports().file(format, null);
            audit.record(caller.id(), caller.role().code(), "GET /api/export", java.util.Map.of("format", "bundle"),
                    "200", file.content().length);
            send(ctx, format, file);
            return;
        }
        AnalysisService.Scope scope = app.analysis().scope(Params.asOf(ctx), Params.borough(ctx));
        send(ctx, format, app.exports().file(format, scope));
    }

    private static void send(Context ctx, ExportFormat format, ExportService.ExportFile file) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + file.fileName() + "\"");
        ctx.contentType(format.isManyFiles() ? file.contentType() : file.contentType() + "; charset=utf-8");
        ctx.result(file.content());
    }
}
