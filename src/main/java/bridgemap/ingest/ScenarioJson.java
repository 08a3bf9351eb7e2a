package bridgemap.ingest;

import bridgemap.analysis.planning.ScenarioException;
import bridgemap.model.Scenario;
import bridgemap.model.SettingKind;
import bridgemap.model.Vocabulary;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Scenarios as JSON: {@code {"name": …, "description": …, "changes": [{"type": "withdraw_funder", "funder": …}, …]}}.
 * Change types: {@code add_post} (borough, setting or settingKind, fte, role, employer, funder or newFunder,
 * amountGbp, start, end), {@code remove_practitioner} (practitioner), {@code withdraw_funder} (funder),
 * {@code add_partnership} / {@code remove_partnership} (from, to, kind), {@code close_setting} (setting).
 * Reading is strict: unknown fields and types are problems, each named by its path.
 */
public final class ScenarioJson {

    /** Longest accepted scenario document, in characters, and deepest nesting. */
    static final int MAX_LENGTH = 1 << 20;
    static final int MAX_DEPTH = 16;
    private static final int MAX_CHANGES = 1_000;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    static {
        MAPPER.getFactory().setStreamReadConstraints(StreamReadConstraints.builder()
                .maxNestingDepth(MAX_DEPTH).maxStringLength(MAX_LENGTH).build());
    }

    private static final Map<String, Set<String>> FIELDS = Map.of(
            "add_post", Set.of("type", "borough", "setting", "settingKind", "fte", "role", "employer", "funder", "newFunder",
                    "amountGbp", "start", "end"),
            "remove_practitioner", Set.of("type", "practitioner"),
            "withdraw_funder", Set.of("type", "funder"),
            "add_partnership", Set.of("type", "from", "to", "kind"),
            "remove_partnership", Set.of("type", "from", "to", "kind"),
            "close_setting", Set.of("type", "setting"));

    private ScenarioJson() {}

    /** Reads a scenario; a {@link ScenarioException} lists every problem with its path. */
    public static Scenario parse(String json) {
        if (json == null || json.isBlank()) {
            throw new ScenarioException(List.of("(body): empty; send a scenario as JSON"));
        }
        if (json.length() > MAX_LENGTH) {
            throw new ScenarioException(List.of("(body): longer than " + MAX_LENGTH + " characters"));
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (StreamConstraintsException e) {
            throw new ScenarioException(List.of(String.valueOf(e.getOriginalMessage()).contains("nesting depth")
                    ? "(body): nested more than " + MAX_DEPTH + " levels deep; a scenario is an object holding a list of changes"
                    : "(body): a value is too large (" + e.getOriginalMessage() + ")"));
        } catch (JsonProcessingException e) {
            throw new ScenarioException(List.of("(body): not valid JSON (" + e.getOriginalMessage() + ")"));
        }
        return read(root);
    }

    static Scenario read(JsonNode root) {
        List<String> problems = new ArrayList<>();
        if (root == null || !root.isObject()) {
            throw new ScenarioException(List.of("(body): a scenario is a JSON object"));
        }
        unknownFields(root, Set.of("name", "description", "changes"), "", problems);
        String name = text(root, "name", "", problems);
        if (name != null && !name.matches("[A-Za-z0-9][A-Za-z0-9 _.-]{0,79}")) {
            problems.add("name: \"" + name + "\" is not a usable name (1–80 letters, digits, spaces, '_', '.', '-')");
        }
        String description = text(root, "description", "", problems);
        JsonNode changes = root.get("changes");
        List<Scenario.Change> parsed = new ArrayList<>();
        if (changes == null || !changes.isArray() || changes.isEmpty()) {
            problems.add("changes: give at least one change (a JSON array)");
        } else if (changes.size() > MAX_CHANGES) {
            problems.add("changes: at most " + MAX_CHANGES + " changes");
        } else {
            for (int i = 0; i < changes.size(); i++) {
                Scenario.Change change = change(changes.get(i), "changes[" + i + "]", problems);
                if (change != null) {
                    parsed.add(change);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return new Scenario(name, description, parsed);
    }

    private static Scenario.Change change(JsonNode node, String path, List<String> problems) {
        if (!node.isObject()) {
            problems.add(path + ": a change is a JSON object");
            return null;
        }
        String type = text(node, "type", path + ".", problems);
        if (type == null || !FIELDS.containsKey(type)) {
            problems.add(path + ".type: " + (type == null ? "missing" : "unknown type \"" + type + "\"")
                    + " (expected one of: " + String.join(", ", FIELDS.keySet().stream().sorted().toList()) + ")");
            return null;
        }
        int before = problems.size();
        unknownFields(node, FIELDS.get(type), path + ".", problems);
        String p = path + ".";
        Scenario.Change change = switch (type) {
            case "add_post" -> new Scenario.AddPost(text(node, "borough", p, problems), text(node, "setting", p, problems),
                    settingKind(node, p, problems), number(node, "fte", p, problems, 1.0), text(node, "role", p, problems),
                    text(node, "employer", p, problems), text(node, "funder", p, problems), text(node, "newFunder", p, problems),
                    optionalNumber(node, "amountGbp", p, problems), date(node, "start", p, problems),
                    date(node, "end", p, problems));
            case "remove_practitioner" -> new Scenario.RemovePractitioner(required(node, "practitioner", p, problems));
            case "withdraw_funder" -> new Scenario.WithdrawFunder(required(node, "funder", p, problems));
            case "add_partnership" -> new Scenario.AddPartnership(required(node, "from", p, problems),
                    required(node, "to", p, problems), required(node, "kind", p, problems));
            case "remove_partnership" -> new Scenario.RemovePartnership(required(node, "from", p, problems),
                    required(node, "to", p, problems), text(node, "kind", p, problems));
            default -> new Scenario.CloseSetting(required(node, "setting", p, problems));
        };
        return problems.size() == before ? change : null;
    }

    private static void unknownFields(JsonNode node, Set<String> known, String path, List<String> problems) {
        for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
            String field = names.next();
            if (!known.contains(field)) {
                problems.add(path + field + ": unknown field (expected: " + String.join(", ", known.stream().sorted().toList()) + ")");
            }
        }
    }

    private static String text(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual()) {
            problems.add(path + field + ": expected text");
            return null;
        }
        return value.asText().isBlank() ? null : value.asText().strip();
    }

    private static String required(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
            problems.add(path + field + ": required");
            return null;
        }
        return text(node, field, path, problems);
    }

    private static double number(JsonNode node, String field, String path, List<String> problems, double fallback) {
        Double value = optionalNumber(node, field, path, problems);
        return value == null ? fallback : value;
    }

    private static Double optionalNumber(JsonNode node, String field, String path, List<String> problems) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            problems.add(path + field + ": expected a number");
            return null;
        }
        return value.asDouble();
    }

    private static LocalDate date(JsonNode node, String field, String path, List<String> problems) {
        String value = text(node, field, path, problems);
        if (value == null) {
            return null;
        }
        try {
            if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
                throw new DateTimeParseException("format", value, 0);
            }
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(path + field + ": \"" + value + "\" is not a date (expected YYYY-MM-DD)");
            return null;
        }
    }

    private static SettingKind settingKind(JsonNode node, String path, List<String> problems) {
        String value = text(node, "settingKind", path, problems);
        if (value == null) {
            return null;
        }
        var kind = Vocabulary.parse(SettingKind.class, value);
        if (kind.isEmpty()) {
            problems.add(path + "settingKind: unknown setting kind \"" + value + "\" (expected one of: "
                    + String.join(", ", Vocabulary.codes(SettingKind.class)) + ")");
            return null;
        }
        return kind.get();
    }

    /** The scenario as JSON again, in the same form (for saving and for showing). */
    public static String write(Scenario scenario) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("name", scenario.name());
        if (scenario.description() != null) {
            root.put("description", scenario.description());
        }
        ArrayNode changes = root.putArray("changes");
        for (Scenario.Change change : scenario.changes()) {
            ObjectNode c = changes.addObject();
            if (change instanceof Scenario.AddPost a) {
                c.put("type", "add_post");
                putIfSet(c, "borough", a.boroughId());
                putIfSet(c, "setting", a.settingId());
                putIfSet(c, "settingKind", a.settingKind() == null ? null : a.settingKind().code());
                c.put("fte", a.fte());
                putIfSet(c, "role", a.role());
                putIfSet(c, "employer", a.employerId());
                putIfSet(c, "funder", a.funderId());
                putIfSet(c, "newFunder", a.newFunderName());
                if (a.amountGbp() != null) {
                    c.put("amountGbp", a.amountGbp());
                }
                putIfSet(c, "start", a.start() == null ? null : a.start().toString());
                putIfSet(c, "end", a.end() == null ? null : a.end().toString());
            } else if (change instanceof Scenario.RemovePractitioner r) {
                c.put("type", "remove_practitioner").put("practitioner", r.practitionerId());
            } else if (change instanceof Scenario.WithdrawFunder w) {
                c.put("type", "withdraw_funder").put("funder", w.funderId());
            } else if (change instanceof Scenario.AddPartnership a) {
                c.put("type", "add_partnership").put("from", a.fromId()).put("to", a.toId()).put("kind", a.kind());
            } else if (change instanceof Scenario.RemovePartnership r) {
                c.put("type", "remove_partnership").put("from", r.fromId()).put("to", r.toId());
                putIfSet(c, "kind", r.kind());
            } else if (change instanceof Scenario.CloseSetting s) {
                c.put("type", "close_setting").put("setting", s.settingId());
            }
        }
        return root.toString();
    }

    private static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }
}
