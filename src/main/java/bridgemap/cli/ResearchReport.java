package bridgemap.cli;

import bridgemap.analysis.pathways.ComparisonResult;
import bridgemap.report.Names;
import bridgemap.report.TextTable;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * Research answers as tables for people, drawn from the answer's JSON — the same JSON (controlled for a researcher)
 * that the API sends, so the command line and the API say the same.
 */
final class ResearchReport {

    private ResearchReport() {}

    static void pathways(PrintWriter out, JsonNode answer, Names names) {
        out.printf("Pathways of %s, entering %s to %s (steps by %s; data to %s)%n", cohort(answer.path("cohort"), names),
                answer.path("cohort").path("from").asText(), answer.path("cohort").path("to").asText(),
                answer.path("level").asText(), answer.path("dataEnd").asText());
        out.printf("%s people: %s engaged, %s dead ends, %s still open. Days from entry to the last referral: %s.%n%n",
                count(answer.path("people")), count(answer.path("engaged")), count(answer.path("deadEnds")),
                count(answer.path("open")), days(answer.path("daysToLastReferral")));
        TextTable t = new TextTable(TextTable.Column.text("pathway", 90), TextTable.Column.text("people", 7),
                TextTable.Column.text("engaged", 7), TextTable.Column.text("dead ends", 9), TextTable.Column.text("open", 6),
                TextTable.Column.text("days per step (median, quartiles)", 60));
        for (JsonNode type : answer.path("pathways")) {
            List<String> steps = new ArrayList<>();
            type.path("steps").forEach(s -> steps.add(s.asText()));
            List<String> times = new ArrayList<>();
            type.path("stepDays").forEach(s -> times.add(s.path("to").asText() + " " + days(s.path("days"))));
            t.row(String.join(" → ", steps), count(type.path("people")), count(type.path("engaged")),
                    count(type.path("deadEnds")), count(type.path("open")), String.join("; ", times));
        }
        t.printIndented(out);
        out.println();
        out.println("  A step's days run from the referral into the step before it to the referral into it. Chains are "
                + "defined in docs/analysis.md (\"Pathways\").");
    }

    static void comparison(PrintWriter out, JsonNode answer, Names names) {
        out.println(ComparisonResult.CAVEAT);
        TextTable t = new TextTable(TextTable.Column.text("cohort", 60), TextTable.Column.text("entry", 9),
                TextTable.Column.text("people", 7), TextTable.Column.text("engaged", 7), TextTable.Column.text("dead ends", 9),
                TextTable.Column.text("open", 6), TextTable.Column.text("engagement (95% CI)", 24),
                TextTable.Column.text("dead-end rate (95% CI)", 24));
        for (String side : List.of("first", "second")) {
            JsonNode outcomes = answer.path(side);
            for (String route : List.of("all", "brokered", "direct")) {
                JsonNode o = outcomes.path(route);
                t.row(route.equals("all") ? cohort(outcomes.path("cohort"), names) : "", route, count(o.path("people")),
                        count(o.path("engaged")), count(o.path("deadEnds")), count(o.path("open")),
                        interval(o.path("engagement")), interval(o.path("deadEndRate")));
            }
        }
        t.printIndented(out);
        out.printf("%nDifference, first − second: engagement %s; dead-end rate %s (Newcombe's 95%% interval).%n",
                interval(answer.path("engagement")), interval(answer.path("deadEnds")));
        out.printf("Brokered − direct entry, engagement: first %s; second %s.%n",
                interval(answer.path("first").path("brokeredMinusDirect")),
                interval(answer.path("second").path("brokeredMinusDirect")));
    }

    /** "people with psychosis and substance misuse, of Lambeth, entering at police custody …". */
    static String cohort(JsonNode cohort, Names names) {
        List<String> needs = new ArrayList<>();
        cohort.path("needs").forEach(n -> needs.add(names.need(n.asText())));
        StringBuilder text = new StringBuilder("people");
        if (!needs.isEmpty()) {
            String joiner = switch (cohort.path("match").asText()) {
                case "any" -> " or ";
                default -> " and ";
            };
            text.append(cohort.path("match").asText().equals("exactly") ? " with exactly " : " with ")
                    .append(String.join(joiner, needs));
        }
        for (var field : List.of("boroughId", "entryKind", "ageBand", "gender")) {
            if (!cohort.path(field).isMissingNode() && !cohort.path(field).isNull()) {
                String value = cohort.path(field).asText();
                text.append(", ").append(field.equals("entryKind") ? "entering at " : field.equals("boroughId") ? "of " : "")
                        .append(field.equals("boroughId") ? names.borough(value) : value.replace('_', ' '));
            }
        }
        return text.toString();
    }

    private static String count(JsonNode value) {
        return value.isNumber() ? String.format("%,d", value.asLong()) : value.asText("–");
    }

    private static String days(JsonNode quartiles) {
        if (!quartiles.isObject() || quartiles.path("median").isNull() || quartiles.path("median").isMissingNode()) {
            return quartiles.isTextual() ? quartiles.asText() + " (too few people)" : "–";
        }
        return fmt(quartiles.path("median")) + " (" + fmt(quartiles.path("lower")) + "–" + fmt(quartiles.path("upper")) + ")";
    }

    private static String interval(JsonNode interval) {
        if (!interval.isObject()) {
            return interval.isTextual() ? interval.asText() : "–";
        }
        if (interval.path("estimate").isNull()) {
            return "–";
        }
        return String.format("%.1f%% (%.1f to %.1f)", 100 * interval.path("estimate").asDouble(),
                100 * interval.path("lower").asDouble(), 100 * interval.path("upper").asDouble());
    }

    private static String fmt(JsonNode number) {
        double d = number.asDouble();
        return d == Math.rint(d) ? Long.toString((long) d) : String.format("%.1f", d);
    }
}
