package bridgemap.api;

import bridgemap.app.BridgemapApp;
import io.javalin.http.Context;

/** {@code /api/health} and {@code /api/stats}. */
final class StoreRoutes {

    /** The health answer: {@code ok} when the store answers a query; {@code store} is embedded or external. */
    record Health(String status, String store) {}

    private final BridgemapApp app;

    StoreRoutes(BridgemapApp app) {
        this.app = app;
    }

    void health(Context ctx) {
        boolean up = app.store().ping();
        ctx.status(up ? 200 : 503);
        Responses.json(ctx, new Health(up ? "ok" : "unavailable", app.store().isEmbedded() ? "embedded" : "external"));
    }

    void stats(Context ctx) {
        Responses.json(ctx, app.stats().stats());
    }
}
