package bridgemap.api;

import bridgemap.analysis.planning.ScenarioException;
import bridgemap.app.BridgemapApp;
import bridgemap.app.InvalidInputException;
import bridgemap.app.NotFoundException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import io.javalin.json.JavalinJackson;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP API under {@code /api}, its OpenAPI description ({@code /openapi.json}, Swagger UI at
 * {@code /swagger}) and the web view ({@code web/} from the jar). Errors are RFC 9457 problem details.
 */
public final class ApiServer {

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);

    /** Largest accepted upload (a bundle .zip), unless configured otherwise. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;

    private ApiServer() {}

    /** An unstarted server bound to {@code host}:{@code port} (0 picks a free port). */
    public static Javalin create(BridgemapApp app, String host, int port) {
        return create(app, host, port, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** As {@link #create(BridgemapApp, String, int)}, refusing uploads over {@code maxUploadBytes} with 413. */
    public static Javalin create(BridgemapApp app, String host, int port, long maxUploadBytes) {
        Objects.requireNonNull(app, "app");
        ObjectMapper mapper = Json.mapper();
        StoreRoutes store = new StoreRoutes(app);
        AnalysisRoutes analysis = new AnalysisRoutes(app);
        NetworkRoutes network = new NetworkRoutes(app, LondonTiles.load());
        ImportRoutes imports = new ImportRoutes(app);
        PlanningRoutes planning = new PlanningRoutes(app);
        LibraryFiles libraries = new LibraryFiles();
        byte[] openApi = resource("openapi.json");
        byte[] swagger = resource("web/swagger.html");
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.startupWatcherEnabled = false;
            config.startup.showJavalinBanner = false;
            config.jetty.host = host;
            config.jetty.port = port;
            config.http.maxRequestSize = maxUploadBytes;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
            });

            config.routes.get("/api/health", store::health);
            config.routes.get("/api/stats", store::stats);
            config.routes.get("/api/boroughs", network::boroughs);
            config.routes.get("/api/analysis/gaps", analysis::gaps);
            config.routes.get("/api/analysis/bottlenecks", analysis::bottlenecks);
            config.routes.get("/api/analysis/coverage", analysis::coverage);
            config.routes.get("/api/analysis/outcomes", analysis::outcomes);
            config.routes.get("/api/network", network::network);
            config.routes.get("/api/nodes/{id}", network::node);
            config.routes.get("/api/cases/{id}/pathway", network::pathway);
            config.routes.post("/api/imports", imports::importBundle);
            config.routes.get("/api/analysis/funding", planning::funding);
            config.routes.post("/api/scenarios", planning::whatIf);
            config.routes.get("/api/scenarios", planning::list);
            config.routes.get("/api/scenarios/{name}", planning::get);
            config.routes.post("/api/scenarios/{name}/run", planning::run);
            config.routes.delete("/api/scenarios/{name}", planning::delete);
            config.routes.post("/api/plans", planning::plan);
            config.routes.get("/api/timeline", planning::timeline);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get("/swagger", ctx -> ctx.contentType("text/html; charset=utf-8").result(swagger));
            config.routes.get("/lib/<path>", libraries::library);
            config.routes.get("/assets/<path>", libraries::govukAsset);

            config.routes.exception(InvalidInputException.class, (e, ctx) -> problem(ctx, new Problem("about:blank",
                    "Invalid " + e.field(), 400, e.getMessage(), ctx.path(), e.field(), List.of(e.getMessage()))));
            config.routes.exception(ScenarioException.class, (e, ctx) -> problem(ctx, new Problem("about:blank",
                    "Invalid scenario", 400, e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                            + " in the scenario; nothing was run.", ctx.path(), "body", e.problems())));
            config.routes.exception(NotFoundException.class, (e, ctx) ->
                    problem(ctx, Problem.of(404, "Not found", e.getMessage(), ctx.path())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, Problem.of(e.getStatus(),
                    e.getStatus() == 413 ? "Upload too large" : "Request refused",
                    e.getStatus() == 413 ? "The upload is larger than the limit of " + maxUploadBytes + " bytes." : e.getMessage(),
                    ctx.path())));
            config.routes.exception(Exception.class, (e, ctx) -> {
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, Problem.of(500, "Internal error", "The request failed inside Bridgemap; the server log has details.",
                        ctx.path()));
            });
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && !isProblem(ctx)) {
                    problem(ctx, Problem.of(404, "Not found", "No resource at " + ctx.path(), ctx.path()));
                }
            });
            config.routes.error(413, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, Problem.of(413, "Upload too large",
                            "The upload is larger than the limit of " + maxUploadBytes + " bytes.", ctx.path()));
                }
            });
        });
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(Problem.CONTENT_TYPE);
    }

    static void problem(Context ctx, Problem problem) {
        ctx.status(problem.status());
        ctx.json(problem);
        ctx.contentType(Problem.CONTENT_TYPE);
    }

    private static byte[] resource(String name) {
        try (InputStream in = ApiServer.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + name + " on the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
