package bridgemap.api;

import bridgemap.report.Json;
import bridgemap.analysis.planning.ScenarioException;
import bridgemap.app.BridgemapApp;
import bridgemap.ingest.ImportMemory;
import bridgemap.privacy.AuditLog;
import bridgemap.privacy.Tokens;
import bridgemap.store.DiskSpaceException;
import bridgemap.store.ReadOnlyQuery;
import io.javalin.http.UnauthorizedResponse;
import bridgemap.service.BusyException;
import bridgemap.service.InvalidInputException;
import bridgemap.service.NotFoundException;
import bridgemap.catalogue.Analyses;
import bridgemap.catalogue.Analysis;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
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

    /** How long a stop waits for requests in flight (docs/operations.md: systemd's TimeoutStopSec allows for it). */
    public static final java.time.Duration STOP_TIMEOUT = java.time.Duration.ofSeconds(20);

    private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
    /** Seconds a request that ran out of memory is asked to wait before trying again. */
    private static final int OUT_OF_MEMORY_RETRY_SECONDS = 30;

    /** How often the store is pinged in the background for {@code /api/health} ({@code app.StoreHealth}). */
    static final java.time.Duration HEALTH_INTERVAL = java.time.Duration.ofSeconds(2);

    /** Largest accepted upload (a bundle .zip), unless configured otherwise. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 256L << 20;

    private ApiServer() {}

    /**
     * How to serve: where to listen, the largest upload, the operator's tokens (none: open to local callers
     * only), the audit log, and the host names the server answers for besides localhost, IP addresses and
     * {@code host} ({@code serve --public-name}; an IllegalArgumentException if one is not a host name).
     */
    public record Options(String host, int port, long maxUploadBytes, Tokens tokens, AuditLog audit, List<String> publicNames) {

        public Options {
            Objects.requireNonNull(host, "host");
            Objects.requireNonNull(tokens, "tokens");
            Objects.requireNonNull(audit, "audit");
            publicNames = publicNames.stream().map(Perimeter::publicName).distinct().toList();
        }

        /** Without public names: the server answers for localhost, IP addresses and {@code host} only. */
        public Options(String host, int port, long maxUploadBytes, Tokens tokens, AuditLog audit) {
            this(host, port, maxUploadBytes, tokens, audit, List.of());
        }
    }

    /** An unstarted server bound to {@code host}:{@code port} (0 picks a free port), without tokens. */
    public static Javalin create(BridgemapApp app, String host, int port) {
        return create(app, host, port, DEFAULT_MAX_UPLOAD_BYTES);
    }

    /** As {@link #create(BridgemapApp, String, int)}, refusing uploads over {@code maxUploadBytes} with 413. */
    public static Javalin create(BridgemapApp app, String host, int port, long maxUploadBytes) {
        return create(app, new Options(host, port, maxUploadBytes, Tokens.NONE, app.audit()));
    }

    public static Javalin create(BridgemapApp app, Options options) {
        Objects.requireNonNull(app, "app");
        Objects.requireNonNull(options, "options");
        ObjectMapper mapper = Json.mapper();
        StoreRoutes store = new StoreRoutes(app);
        PreparedAnswers answers = new PreparedAnswers(mapper, PreparedAnswers.DEFAULT_BUDGET_BYTES,
                app.analysis()::generation);
        AnalysisRoutes analysis = new AnalysisRoutes(app, answers);
        NetworkRoutes network = new NetworkRoutes(app, LondonTiles.load(), answers);
        ImportRoutes imports = new ImportRoutes(app, options.maxUploadBytes(), ImportMemory.Budget.HEAP);
        ExportRoutes exports = new ExportRoutes(app);
        PlanningRoutes planning = new PlanningRoutes(app);
        QueryRoutes query = new QueryRoutes(app);
        ResearchRoutes research = new ResearchRoutes(app);
        OpenReferralFeedRoutes openReferralFeed = new OpenReferralFeedRoutes(app);
        LibraryFiles libraries = new LibraryFiles();
        byte[] openApi = resource("openapi.json");
        byte[] swagger = resource("web/swagger.html");
        WebPages pages = new WebPages();
        // Browsers ask for /favicon.ico whatever the page links (e.g. for a JSON answer opened directly).
        byte[] favicon = resource("web/favicon.svg");
        long maxUploadBytes = options.maxUploadBytes();
        Perimeter perimeter = new Perimeter(options.host(), options.publicNames());
        return Javalin.create(config -> {
            config.jsonMapper(new JavalinJackson(mapper, false));
            config.startup.startupWatcherEnabled = false;
            config.startup.showJavalinBanner = false;
            // Issue 17: /api/health reads a flag a background ping keeps, never the store; the watch lives with the app.
            config.events.serverStarting(() -> app.health().watch(HEALTH_INTERVAL));
            config.jetty.host = options.host();
            config.jetty.port = options.port();
            // Issue 20: a stop (SIGTERM) lets requests in flight finish, for up to STOP_TIMEOUT, before connections
            // close; Javalin puts its handlers inside this one.
            config.jetty.modifyServer(server -> {
                server.setHandler(new org.eclipse.jetty.server.handler.GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT.toMillis());
            });
            // Issue 20: idle and request-head timeouts, so slow clients cannot hold the server (SlowClients).
            config.jetty.addConnector((server, http) -> SlowClients.connector(server, http, options.host(), options.port()));
            config.http.maxRequestSize = maxUploadBytes;
            config.staticFiles.add(files -> {
                files.hostedPath = "/";
                files.directory = "/web";
                files.location = Location.CLASSPATH;
                // Pages are put together by WebPages (below); their parts are not pages of their own.
                files.skipFileFunction = request -> {
                    String path = request.getRequestURI();
                    return path.endsWith("/") || path.endsWith(".html");
                };
            });

            // Javalin answers HEAD for a GET route by itself, 200, without the route's roles reaching beforeMatched:
            // every GET route, whenever it is added, gets a HEAD twin with the same handler and roles.
            config.events.handlerAdded(route -> {
                if (route.getHttpMethod().equals(HandlerType.GET)) {
                    config.routes.head(route.getPath(), route.getHandler(), route.getRoles().toArray(RouteRole[]::new));
                }
            });
            config.routes.before(perimeter::checkHost);
            config.routes.beforeMatched(ctx -> perimeter.checkOrigin(ctx, Access.isAudited(ctx)));
            config.routes.beforeMatched(ctx -> authorise(ctx, options.tokens()));
            config.routes.beforeMatched(ctx -> {
                if (Access.hasJsonBody(ctx)) {
                    Perimeter.checkJsonBody(ctx);
                }
            });
            config.routes.beforeMatched(ctx -> AuditTrail.started(ctx, options.audit()));
            config.routes.after(ctx -> AuditTrail.finished(ctx, options.audit()));

            config.routes.get("/api/health", store::health);
            config.routes.get("/api/stats", store::stats, Access.READ);
            config.routes.get("/api/boroughs", network::boroughs, Access.READ);
            config.routes.get("/api/agencies", network::agencies, Access.READ);
            config.routes.get("/api/vocabulary", analysis::vocabulary, Access.READ);
            config.routes.get("/api/summary", analysis::headlines, Access.READ);
            // One route per analysis of the catalogue, in its order: /api/analysis/gaps, /api/analysis/bottlenecks …
            for (Analysis<?> each : Analyses.ALL) {
                config.routes.get("/api/analysis/" + each.name(), analysis.handler(each), Access.READ);
            }
            config.routes.get("/api/network", network::network, Access.READ);
            config.routes.get("/api/nodes/{id}", network::node, Access.READ);
            config.routes.get("/api/timeline", planning::timeline, Access.READ);
            config.routes.get("/api/research/pathways", research::pathways, Access.RESEARCH, Access.AUDITED);
            config.routes.get("/api/research/compare", research::compare, Access.RESEARCH, Access.AUDITED);
            config.routes.get("/api/cases/{id}/pathway", network::pathway, Access.ANALYSIS, Access.AUDITED);
            config.routes.post("/api/query", query::query, Access.ANALYSIS, Access.AUDITED, Access.JSON_BODY);
            config.routes.post("/api/scenarios", planning::whatIf, Access.ANALYSIS, Access.AUDITED, Access.JSON_BODY);
            config.routes.get("/api/scenarios", planning::list, Access.ANALYSIS);
            config.routes.get("/api/scenarios/{name}", planning::get, Access.ANALYSIS);
            config.routes.post("/api/scenarios/{name}/run", planning::run, Access.ANALYSIS);
            config.routes.delete("/api/scenarios/{name}", planning::delete, Access.ADMIN, Access.AUDITED);
            config.routes.post("/api/plans", planning::plan, Access.ANALYSIS, Access.JSON_BODY);
            config.routes.post("/api/imports", imports::importBundle, Access.ADMIN, Access.AUDITED);
            config.routes.get("/api/export", exports::export, Access.READ, ExportRoutes.AUDITED_WHEN_BUNDLE);
            // The HSDS 3.0 API, read-only, for Open Referral directories and tools (OpenReferralFeedRoutes).
            config.routes.get("/api/openreferral/v3", openReferralFeed::root, Access.READ);
            config.routes.get("/api/openreferral/v3/services", openReferralFeed::services, Access.READ);
            config.routes.get("/api/openreferral/v3/services/{id}", openReferralFeed::service, Access.READ);
            config.routes.get("/api/openreferral/v3/organizations", openReferralFeed::organizations, Access.READ);
            config.routes.get("/api/openreferral/v3/organizations/{id}", openReferralFeed::organization, Access.READ);
            config.routes.get("/api/openreferral/v3/taxonomies", openReferralFeed::taxonomies, Access.READ);
            config.routes.get("/api/openreferral/v3/taxonomies/{id}", openReferralFeed::taxonomy, Access.READ);
            config.routes.get("/api/openreferral/v3/taxonomy_terms", openReferralFeed::taxonomyTerms, Access.READ);
            config.routes.get("/api/openreferral/v3/taxonomy_terms/{id}", openReferralFeed::taxonomyTerm, Access.READ);
            config.routes.get("/openapi.json", ctx -> ctx.contentType("application/json").result(openApi));
            config.routes.get("/favicon.ico", ctx -> ctx.contentType("image/svg+xml").result(favicon));
            config.routes.get("/swagger", ctx -> ctx.contentType("text/html; charset=utf-8").result(swagger));
            pages.routes().forEach((path, html) ->
                    config.routes.get(path, ctx -> ctx.contentType("text/html; charset=utf-8").result(html)));
            config.routes.get("/lib/<path>", libraries::library);
            config.routes.get("/assets/<path>", libraries::govukAsset);

            config.routes.exception(UnauthorizedResponse.class, (e, ctx) -> {
                ctx.header("WWW-Authenticate", "Bearer realm=\"bridgemap\"");
                problem(ctx, ProblemDetail.of(401, "Token needed", e.getMessage(), ctx.path()));
            });
            config.routes.exception(Perimeter.BlockedException.class, (e, ctx) -> problem(ctx, new ProblemDetail("about:blank",
                    e.title(), e.status(), e.getMessage(), ctx.path(), e.header(), null)));
            config.routes.exception(ForbiddenException.class, (e, ctx) ->
                    problem(ctx, ProblemDetail.of(403, "Not allowed", e.getMessage(), ctx.path())));
            config.routes.exception(ReadOnlyQuery.RefusedException.class, (e, ctx) -> problem(ctx, new ProblemDetail("about:blank",
                    e.title(), e.status(), e.getMessage(), ctx.path(), "cypher", null)));
            config.routes.exception(InvalidInputException.class, (e, ctx) -> problem(ctx, new ProblemDetail("about:blank",
                    "Invalid " + e.field(), 400, e.getMessage(), ctx.path(), e.field(), List.of(e.getMessage()))));
            config.routes.exception(ScenarioException.class, (e, ctx) -> problem(ctx, new ProblemDetail("about:blank",
                    "Invalid scenario", 400, e.problems().size() + " problem" + (e.problems().size() == 1 ? "" : "s")
                            + " in the scenario; nothing was run.", ctx.path(), "body", e.problems())));
            config.routes.exception(NotFoundException.class, (e, ctx) ->
                    problem(ctx, ProblemDetail.of(404, "Not found", e.getMessage(), ctx.path())));
            config.routes.exception(HttpResponseException.class, (e, ctx) -> problem(ctx, ProblemDetail.of(e.getStatus(),
                    e.getStatus() == 413 ? "Upload too large" : "Request refused",
                    e.getStatus() == 413 ? "The upload is larger than the limit of " + maxUploadBytes + " bytes." : e.getMessage(),
                    ctx.path())));
            // Issue 20: a full disk refuses writes in plain words; reads go on being answered.
            config.routes.exception(DiskSpaceException.class, (e, ctx) -> problem(ctx, ProblemDetail.of(507,
                    "Not enough disk space", e.getMessage(), ctx.path())));
            // Issue 20: more different analyses asked for at once than the server computes at once.
            config.routes.exception(BusyException.class, (e, ctx) -> {
                ctx.header("Retry-After", String.valueOf(e.retryAfterSeconds()));
                problem(ctx, ProblemDetail.of(503, "Busy", e.getMessage(), ctx.path()));
            });
            config.routes.exception(Exception.class, (e, ctx) -> {
                if (diskFull(e)) {
                    // A write the store did not check first (the audit entry of a change) met a full disk.
                    LOG.error("{} {} refused: the disk is full ({})", ctx.method(), ctx.path(), e.getMessage());
                    problem(ctx, ProblemDetail.of(507, "Not enough disk space", "The server's disk is full, so this "
                            + "request, which has to write, was refused; nothing was changed. Requests that only read go "
                            + "on being answered. Try again once space has been freed.", ctx.path()));
                    return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                problem(ctx, ProblemDetail.of(500, "Internal error", "The request failed inside Bridgemap; the server log has details.",
                        ctx.path()));
            });
            config.router.javaLangErrorHandler((response, error) -> answerError(response, error, mapper));
            config.routes.error(404, ctx -> {
                if (ctx.path().startsWith("/api/") && !isProblem(ctx)) {
                    problem(ctx, ProblemDetail.of(404, "Not found", "No resource at " + ctx.path(), ctx.path()));
                }
            });
            config.routes.error(413, ctx -> {
                if (!isProblem(ctx)) {
                    problem(ctx, ProblemDetail.of(413, "Upload too large",
                            "The upload is larger than the limit of " + maxUploadBytes + " bytes.", ctx.path()));
                }
            });
        });
    }

    /**
     * Identifies the caller of a route that needs a role: with no tokens configured every caller is local with
     * full access (the server then listens on loopback only); otherwise a valid {@code Authorization: Bearer}
     * token is needed (401; the caller is then "anonymous" or "unrecognised", without a role) and its role must be
     * allowed (403).
     */
    private static void authorise(Context ctx, Tokens tokens) {
        List<Access> needed = Access.required(ctx.routeRoles());
        if (needed.isEmpty()) {
            return;
        }
        if (tokens.isEmpty()) {
            ctx.attribute(Caller.ATTRIBUTE, Caller.LOCAL);
            return;
        }
        String header = ctx.header("Authorization");
        String token = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7) ? header.substring(7).strip() : null;
        Tokens.Entry entry = tokens.match(token).orElse(null);
        if (entry == null) {
            ctx.attribute(Caller.ATTRIBUTE, token == null ? Caller.ANONYMOUS : Caller.UNRECOGNISED);
            throw new UnauthorizedResponse(token == null
                    ? "This needs an API token: send it as 'Authorization: Bearer <token>'."
                    : "The token is not recognised.");
        }
        Caller caller = new Caller(entry.id(), entry.role());
        ctx.attribute(Caller.ATTRIBUTE, caller);
        if (needed.stream().noneMatch(a -> a.allows(caller.role()))) {
            throw new ForbiddenException("The " + caller.role().code() + " role may not " + ctx.method() + " " + ctx.path() + ".");
        }
    }

    /**
     * Answers a request that failed with an {@link Error}. One that ran out of heap (an analysis too large for -Xmx) gets
     * 503 with {@code Retry-After} as a problem, not Javalin's plain 500 (issue 20): what it held is garbage once it
     * returns, and the server goes on serving. Any other error is a 500 problem.
     */
    static void answerError(jakarta.servlet.http.HttpServletResponse response, Error error, ObjectMapper mapper) {
        boolean memory = error instanceof OutOfMemoryError;
        if (memory) {
            LOG.error("A request ran out of memory ({} MB heap); answered 503", Runtime.getRuntime().maxMemory() >> 20);
        } else {
            LOG.error("A request failed", error);
        }
        try {
            response.setStatus(memory ? 503 : 500);
            if (memory) {
                response.setHeader("Retry-After", String.valueOf(OUT_OF_MEMORY_RETRY_SECONDS));
            }
            response.setContentType(ProblemDetail.CONTENT_TYPE);
            response.getOutputStream().write(mapper.writeValueAsBytes(memory
                    ? ProblemDetail.of(503, "Out of memory", "The server had not the memory for this request just now, so "
                            + "it was stopped; nothing was changed. Try again shortly, or ask for less (one borough); if it "
                            + "keeps happening, the server needs a larger heap (docs/operations.md).", null)
                    : ProblemDetail.of(500, "Internal error", "The request failed inside Bridgemap; the server log has "
                            + "details.", null)));
        } catch (IOException | RuntimeException writing) {
            LOG.warn("Could not answer the failed request: {}", writing.toString());
        }
    }

    /** True when {@code e} or a cause says the device is full. */
    private static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains("No space left on device")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isProblem(Context ctx) {
        String type = ctx.res().getContentType();
        return type != null && type.startsWith(ProblemDetail.CONTENT_TYPE);
    }

    static void problem(Context ctx, ProblemDetail problem) {
        ctx.status(problem.status());
        ctx.json(problem);
        ctx.contentType(ProblemDetail.CONTENT_TYPE);
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
