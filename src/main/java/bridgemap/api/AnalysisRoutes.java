package bridgemap.api;

import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.catalogue.Analysis;
import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * {@code GET /api/analysis/NAME?asOf=&borough=} for each analysis of the catalogue (the CLI's JSON; researchers get it
 * under disclosure control), the overview's headline numbers and the vocabulary.
 */
final class AnalysisRoutes {

    private final AnalysisService analysis;
    private final PreparedAnswers answers;

    AnalysisRoutes(BridgemapApp app, PreparedAnswers answers) {
        this.analysis = app.analysis();
        this.answers = answers;
    }

    private AnalysisService.Scope scope(Context ctx) {
        return Params.scope(ctx, analysis);
    }

    /**
     * The route of one analysis: its result over the request's scope, its long lists a page at a time
     * ({@link ListPages#forAnalysis}).
     */
    Handler handler(Analysis<?> each) {
        var paged = ListPages.forAnalysis(each.name());
        if (paged.isPresent()) {
            ListPages lists = paged.get();
            return ctx -> {
                ListPages.Request request = Responses.pageRequest(ctx, lists);
                Responses.paged(ctx, answers, analysis.result(each, scope(ctx)), lists, request);
            };
        }
        return ctx -> Responses.cached(ctx, answers, analysis.result(each, scope(ctx)));
    }

    void headlines(Context ctx) {
        Responses.cached(ctx, answers, analysis.headlines(scope(ctx)));
    }

    void vocabulary(Context ctx) {
        Responses.cached(ctx, answers, analysis.vocabulary());
    }
}
