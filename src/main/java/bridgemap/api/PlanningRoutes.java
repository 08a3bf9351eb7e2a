package bridgemap.api;

import bridgemap.report.Json;
import bridgemap.analysis.planning.ExpansionPlanner;
import bridgemap.service.AnalysisService;
import bridgemap.app.BridgemapApp;
import bridgemap.service.InvalidInputException;
import bridgemap.service.PlanningService;
import bridgemap.ingest.ScenarioJson;
import bridgemap.model.Scenario;
import bridgemap.model.SettingKind;
import bridgemap.model.Vocabulary;
import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What-if scenarios ({@code POST /api/scenarios}, saved ones under {@code /api/scenarios/{name}}), the expansion
 * planner ({@code POST /api/plans}) and the timeline ({@code GET /api/timeline}).
 */
final class PlanningRoutes {

    private final AnalysisService analysis;
    private final PlanningService planning;

    PlanningRoutes(BridgemapApp app) {
        this.analysis = app.analysis();
        this.planning = app.planning();
    }

    private AnalysisService.Scope scope(Context ctx) {
        return analysis.scope(Params.asOf(ctx), Params.borough(ctx));
    }

    void whatIf(Context ctx) {
        boolean save = "true".equals(ctx.queryParam("save"));
        if (save && Caller.of(ctx).role() != bridgemap.privacy.Role.ADMIN) {
            throw new ForbiddenException("Saving a scenario needs an admin token; run it without save=true.");
        }
        Scenario scenario = ScenarioJson.parse(ctx.body());
        var result = planning.whatIf(scenario, scope(ctx));
        if (save) {
            planning.save(scenario);
            Responses.auditRows(ctx, 1);
            ctx.status(201).header("Location", "/api/scenarios/" + scenario.name());
        }
        Responses.json(ctx, result);
    }

    void list(Context ctx) {
        Responses.json(ctx, planning.list());
    }

    void get(Context ctx) {
        Responses.json(ctx, planning.get(ctx.pathParam("name")));
    }

    void run(Context ctx) {
        Responses.json(ctx, planning.run(ctx.pathParam("name"), scope(ctx)));
    }

    void delete(Context ctx) {
        planning.delete(ctx.pathParam("name"));
        Responses.auditRows(ctx, 1);
        ctx.status(204);
    }

    /**
     * Body: {@code {"posts": 3, "asOf": "2014-06-30", "demand": "activity", "settingKinds": [...], "includeFragile": false,
     * "scenario": "nhse-withdraws", "budgetGbp": 100000, "costPerPostGbp": "£40,000"}}; without {@code demand}, the
     * planner's default (activity when the data has activity figures, else cases); {@code scenario} is a saved
     * scenario's name or a scenario itself (as {@code POST /api/scenarios} takes it), the amounts a number or text as
     * {@code bridgemap plan --budget} takes it.
     */
    void plan(Context ctx) {
        JsonNode body;
        try {
            body = Json.mapper().readTree(ctx.body().isBlank() ? "{}" : ctx.body());
        } catch (Exception e) {
            throw new InvalidInputException("body", "the plan request is not valid JSON");
        }
        if (!body.isObject()) {
            throw new InvalidInputException("body", "the plan request is a JSON object");
        }
        JsonNode posts = body.get("posts");
        if (posts == null || !posts.canConvertToInt()) {
            throw new InvalidInputException("posts", "posts: give how many new posts (a whole number, 1–100)");
        }
        LocalDate asOf = null;
        if (body.hasNonNull("asOf")) {
            try {
                asOf = LocalDate.parse(body.get("asOf").asText());
            } catch (java.time.format.DateTimeParseException e) {
                throw new InvalidInputException("asOf", "asOf \"" + body.get("asOf").asText() + "\" is not a date (expected YYYY-MM-DD)");
            }
        }
        String demand = body.hasNonNull("demand") ? body.get("demand").asText() : null;
        ExpansionPlanner.Demand mode = demand == null ? null : switch (demand) {
            case "activity" -> ExpansionPlanner.Demand.ACTIVITY;
            case "cases" -> ExpansionPlanner.Demand.CASES;
            case "equal" -> ExpansionPlanner.Demand.EQUAL;
            default -> throw new InvalidInputException("demand", "demand \"" + demand + "\" is not activity, cases or equal");
        };
        List<SettingKind> kinds = new ArrayList<>(List.of(SettingKind.POLICE_CUSTODY, SettingKind.MAGISTRATES_COURT,
                SettingKind.CROWN_COURT, SettingKind.PROBATION_OFFICE));
        if (body.hasNonNull("settingKinds")) {
            kinds.clear();
            for (JsonNode kind : body.get("settingKinds")) {
                kinds.add(Vocabulary.parse(SettingKind.class, kind.asText()).orElseThrow(() -> new InvalidInputException(
                        "settingKinds", "unknown setting kind \"" + kind.asText() + "\"")));
            }
        }
        boolean fragile = body.hasNonNull("includeFragile") && body.get("includeFragile").asBoolean();
        Double budget = pounds(body, "budgetGbp");
        Double cost = pounds(body, "costPerPostGbp");
        Responses.json(ctx, planning.plan(asOf, posts.asInt(), mode, kinds, fragile, scenario(body), cost, budget));
    }

    /** The plan's starting scenario: a saved one by name, or one given whole; null without one. */
    private Scenario scenario(JsonNode body) {
        JsonNode given = body.get("scenario");
        if (given == null || given.isNull() || given.isTextual() && given.asText().isBlank()) {
            return null;
        }
        if (given.isTextual()) {
            return planning.savedScenario("scenario", given.asText().strip());
        }
        if (given.isObject()) {
            return ScenarioJson.parse(given.toString());
        }
        throw new InvalidInputException("scenario", "scenario: give a saved scenario's name or a scenario (a JSON object)");
    }

    /** An amount of pounds in {@code field}: a number, or text such as "£250,000" or "250k"; null when absent. */
    private static Double pounds(JsonNode body, String field) {
        JsonNode given = body.get(field);
        if (given == null || given.isNull() || given.isTextual() && given.asText().isBlank()) {
            return null;
        }
        return PlanningService.pounds(field, given.isNumber() ? given.decimalValue().toPlainString()
                : given.isTextual() ? given.asText() : given.toString());
    }

    void timeline(Context ctx) {
        Responses.json(ctx, planning.timeline(Params.yearsBy(ctx), Params.date(ctx, "until")));
    }
}
