package bridgemap.api;

import bridgemap.app.BridgemapApp;
import bridgemap.app.InvalidInputException;
import bridgemap.app.ResearchPathways;
import bridgemap.store.ReadOnlyQuery;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.time.Duration;
import java.util.Map;

/** {@code POST /api/query} (analysts' read-only Cypher) and {@code GET /api/research/pathways} (aggregated, for researchers). */
final class QueryRoutes {

    static final Duration TIMEOUT = Duration.ofSeconds(20);
    static final int ROW_LIMIT = 1_000;
    private static final ObjectMapper MAPPER = Json.mapper();

    private final BridgemapApp app;

    QueryRoutes(BridgemapApp app) {
        this.app = app;
    }

    /** Body: {@code {"cypher": "MATCH …", "parameters": {…}}}. */
    void query(Context ctx) {
        JsonNode body;
        try {
            body = MAPPER.readTree(ctx.body());
        } catch (Exception e) {
            throw new InvalidInputException("body", "send {\"cypher\": \"…\", \"parameters\": {…}} as JSON");
        }
        if (body == null || !body.isObject() || !body.path("cypher").isTextual()) {
            throw new InvalidInputException("cypher", "give the query as \"cypher\" (text)");
        }
        Map<String, Object> parameters = body.hasNonNull("parameters")
                ? MAPPER.convertValue(body.get("parameters"), new TypeReference<Map<String, Object>>() { })
                : Map.of();
        ctx.attribute("bridgemap.audit.detail", body.get("cypher").asText());
        AuditTrail.detail(ctx, "parameters", parameters);
        ReadOnlyQuery.Result result = app.query().run(body.get("cypher").asText(), parameters, TIMEOUT, ROW_LIMIT);
        Responses.auditRows(ctx, result.rows().size());
        Responses.json(ctx, result);
    }

    void pathways(Context ctx) {
        String group = ctx.queryParam("groupBy") == null ? "sector" : ctx.queryParam("groupBy");
        ResearchPathways.GroupBy groupBy = switch (group) {
            case "sector" -> ResearchPathways.GroupBy.SECTOR;
            case "kind" -> ResearchPathways.GroupBy.KIND;
            default -> throw new InvalidInputException("groupBy", "groupBy \"" + group + "\" is not sector or kind");
        };
        Integer year = null;
        if (ctx.queryParam("year") != null) {
            try {
                year = Integer.parseInt(ctx.queryParam("year"));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("year", "year \"" + ctx.queryParam("year") + "\" is not a year");
            }
        }
        Responses.json(ctx, app.research().query(new ResearchPathways.Request(groupBy,
                "true".equals(ctx.queryParam("byYear")), "true".equals(ctx.queryParam("byBorough")), year,
                Params.borough(ctx), ctx.queryParam("need"))));
    }
}
