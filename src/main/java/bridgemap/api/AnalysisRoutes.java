package bridgemap.api;

import bridgemap.app.AnalysisService;
import bridgemap.app.BridgemapApp;
import io.javalin.http.Context;

/** {@code GET /api/analysis/gaps|bottlenecks|coverage|outcomes?asOf=&borough=}: the CLI's JSON. */
final class AnalysisRoutes {

    private final AnalysisService analysis;

    AnalysisRoutes(BridgemapApp app) {
        this.analysis = app.analysis();
    }

    private AnalysisService.Scope scope(Context ctx) {
        return Params.scope(ctx, analysis);
    }

    void gaps(Context ctx) {
        Responses.json(ctx, analysis.gaps(scope(ctx)));
    }

    void bottlenecks(Context ctx) {
        Responses.json(ctx, analysis.bottlenecks(scope(ctx)));
    }

    void coverage(Context ctx) {
        Responses.json(ctx, analysis.coverage(scope(ctx)));
    }

    void headlines(Context ctx) {
        Responses.json(ctx, analysis.headlines(scope(ctx)));
    }

    void vocabulary(Context ctx) {
        Responses.json(ctx, analysis.vocabulary());
    }

    void outcomes(Context ctx) {
        Responses.json(ctx, analysis.outcomes(scope(ctx)));
    }
}
