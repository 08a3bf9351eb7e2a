package bridgemap.api;

import bridgemap.report.Json;
import bridgemap.analysis.pathways.Cohort;
import bridgemap.analysis.pathways.PathwayLevel;
import bridgemap.app.BridgemapApp;
import bridgemap.service.ExportService;
import bridgemap.service.InvalidInputException;
import bridgemap.service.ResearchService;
import bridgemap.service.ResearchService.CohortRequest;
import bridgemap.privacy.Disclosure;
import bridgemap.privacy.Role;
import bridgemap.report.CsvSections;
import bridgemap.report.PathwayFiles;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code GET /api/research/pathways} and {@code GET /api/research/compare}: a cohort's pathways, and one cohort
 * against another, as JSON, or with {@code format=csv} (a .zip of CSV tables) or {@code format=graphml} (the pathway
 * graph). Researchers get every form under disclosure control, made from the same controlled answer; named
 * services ({@code level=service}) are for analysts.
 */
final class ResearchRoutes {

    private static final ObjectMapper MAPPER = Json.mapper();

    private final ResearchService research;

    ResearchRoutes(BridgemapApp app) {
        this.research = app.research();
    }

    void pathways(Context ctx) {
        PathwayLevel level = ResearchService.level(blank(ctx.queryParam("level")));
        boolean controlled = Caller.of(ctx).role() == Role.RESEARCHER;
        if (level == PathwayLevel.SERVICE && controlled) {
            throw new ForbiddenException("Named services are for analysts: a service of a small borough can point at few "
                    + "people. The researcher role may group pathways by sector or kind.");
        }
        Cohort cohort = research.cohort(cohort(ctx, ""), "");
        var answer = research.pathways(cohort, level, ResearchService.top(blank(ctx.queryParam("top"))), controlled);
        send(ctx, answer, "pathways");
    }

    void compare(Context ctx) {
        CohortRequest first = cohort(ctx, "");
        CohortRequest second = first.overriddenBy(cohort(ctx, "versus."));
        if (second.equals(first)) {
            throw new InvalidInputException("versus.need", "say how the second cohort differs: versus.need, versus.match, "
                    + "versus.borough, versus.entry, versus.ageBand, versus.gender or a versus. period");
        }
        send(ctx, research.compare(research.cohort(first, ""), research.cohort(second, "versus.")), "compare");
    }

    /** The cohort fields of the request, each named {@code prefix + name}. */
    private static CohortRequest cohort(Context ctx, String prefix) {
        List<String> needs = new ArrayList<>(ctx.queryParams(prefix + "need"));
        needs.addAll(ctx.queryParams(prefix + "needs"));
        return new CohortRequest(needs, blank(ctx.queryParam(prefix + "match")), blank(ctx.queryParam(prefix + "borough")),
                blank(ctx.queryParam(prefix + "entry")), blank(ctx.queryParam(prefix + "ageBand")),
                blank(ctx.queryParam(prefix + "gender")), blank(ctx.queryParam(prefix + "financialYear")),
                blank(ctx.queryParam(prefix + "year")), blank(ctx.queryParam(prefix + "from")),
                blank(ctx.queryParam(prefix + "to")));
    }

    /** The answer as JSON, or as the CSV tables or GraphML made from that same JSON. */
    private static void send(Context ctx, Object answer, String name) {
        String format = blank(ctx.queryParam("format"));
        JsonNode tree = Caller.of(ctx).role() == Role.RESEARCHER ? Disclosure.control(MAPPER, answer) : MAPPER.valueToTree(answer);
        if (format == null || format.equals("json")) {
            ctx.json(tree);
            return;
        }
        switch (format) {
            case "csv" -> {
                CsvSections csv = name.equals("pathways") ? PathwayFiles.pathways(tree) : PathwayFiles.comparison(tree);
                ctx.header("Content-Disposition", "attachment; filename=\"bridgemap-research-" + name + ".zip\"");
                ctx.contentType("application/zip");
                ctx.result(ExportService.zip(csv.files(name + "-")));
            }
            case "graphml" -> {
                if (!name.equals("pathways")) {
                    throw new InvalidInputException("format", "a comparison has no graph: use format=json or csv");
                }
                ctx.header("Content-Disposition", "attachment; filename=\"bridgemap-research-pathways.graphml\"");
                ctx.contentType("application/graphml+xml; charset=utf-8");
                ctx.result(PathwayFiles.graphml(tree).getBytes(StandardCharsets.UTF_8));
            }
            default -> throw new InvalidInputException("format", "format \"" + format + "\" is not json, csv or graphml");
        }
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
