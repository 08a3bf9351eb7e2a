package bridgemap.api;

import bridgemap.app.BridgemapApp;
import bridgemap.privacy.Disclosure;
import bridgemap.privacy.Role;
import bridgemap.store.StoreStats;
import io.javalin.http.Context;
import java.util.Map;

/** {@code /api/health} and {@code /api/stats}. */
final class StoreRoutes {

    /**
     * The health answer: {@code ok} when the store answered its last background ping ({@code app.StoreHealth}, read
     * from memory: a health check never waits behind analyses or the store); {@code store} is embedded or external.
     */
    record Health(String status, String store) {}

    /** {@link StoreStats} as a researcher sees it: counts of people and referrals under disclosure control. */
    record ResearcherStats(Map<String, Object> labels, Map<String, Object> relationships) {}

    private final BridgemapApp app;

    StoreRoutes(BridgemapApp app) {
        this.app = app;
    }

    void health(Context ctx) {
        boolean up = app.health().up();
        ctx.status(up ? 200 : 503);
        Responses.json(ctx, new Health(up ? "ok" : "unavailable", app.store().isEmbedded() ? "embedded" : "external"));
    }

    void stats(Context ctx) {
        StoreStats stats = app.stats().stats();
        if (Caller.of(ctx).role() == Role.RESEARCHER) {
            Responses.json(ctx, new ResearcherStats(Disclosure.storeCounts(stats.labels(), app.disclosureKey()),
                    Disclosure.storeCounts(stats.relationships(), app.disclosureKey())));
        } else {
            Responses.json(ctx, stats);
        }
    }
}
