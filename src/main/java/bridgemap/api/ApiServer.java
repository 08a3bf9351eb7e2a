package bridgemap.api;

import bridgemap.app.BridgemapApp;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.json.JavalinJackson;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the HTTP API and web view over a running {@link BridgemapApp}. */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    private ApiServer() {}

    /** An unstarted server bound to {@code host}:{@code port} (0 picks a free port). */
    public static Javalin create(BridgemapApp app, String host, int port) {
        Objects.requireNonNull(app, "app");
        ObjectMapper mapper = Json.mapper();
        StoreRoutes store = new StoreRoutes(app);
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.startupWatcherEnabled = false;
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.routes.get("/api/health", store::health);
            config.routes.get("/api/stats", store::stats);
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, 500, "Internal error", "The request failed inside Bridgemap; the server log has details.");
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/")) {
                    problem(ctx, 404, "Not found", "No resource at " + ctx.path());
                }
            });
        });
    }

    static void problem(Context ctx, int status, String title, String detail) {
        ctx.status(status);
        ctx.json(Problem.of(status, title, detail, ctx.path()));
        ctx.contentType(Problem.CONTENT_TYPE);
    }
}
