package bridgemap.openreferral;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Checks CSV tables against the resources of a Frictionless tabular data package descriptor (here HSDS 3.0's own
 * {@code datapackage.json}), as {@code frictionless validate} does for the specification's example, so far as HSDS
 * uses Table Schema: there is no Table Schema validator for Java on Maven Central. Per file: it is the {@code path}
 * of a resource; valid UTF-8 and RFC 4180 CSV; its header names fields of the resource's schema, each once, in the
 * schema's order, and every required field; every row has as many cells as the header. Per cell (an empty cell is a
 * missing value, Table Schema's default {@code missingValues}): required values present; the value of the field's
 * type and format — {@code string} ({@code uuid}: 8-4-4-4-12 hex digits; {@code email}; {@code uri}: an absolute
 * URI), {@code number}, {@code integer}, {@code boolean}, {@code date} (YYYY-MM-DD), {@code datetime} (ISO 8601),
 * {@code time} —; {@code enum} and {@code unique} constraints. Per package: primary keys unique and present, and every
 * foreign key's value found in the referenced resource (which must then be in the package). A type or format it does
 * not know is itself reported, so a descriptor it cannot fully check never passes silently.
 */
final class TableSchemaChecker {

    static final Path HSDS = Path.of("src/test/resources/openreferral/hsds-3.0");

    private static final Pattern UUID = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "1");
    private static final Set<String> FALSE = Set.of("false", "False", "FALSE", "0");

    private final Map<String, JsonNode> resourcesByPath = new LinkedHashMap<>();
    private final Map<String, JsonNode> resourcesByName = new HashMap<>();

    TableSchemaChecker(JsonNode datapackage) {
        for (JsonNode resource : datapackage.path("resources")) {
            resourcesByPath.put(resource.path("path").asText(), resource);
            resourcesByName.put(resource.path("name").asText(), resource);
        }
    }

    /** The checker for HSDS 3.0's descriptor, kept in the test resources with its source and licence. */
    static TableSchemaChecker hsds30() {
        try {
            return new TableSchemaChecker(new ObjectMapper().readTree(HSDS.resolve("datapackage.json").toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code .csv} files of a folder, by name. */
    static Map<String, byte[]> csvFiles(Path folder) {
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(folder)) {
            for (Path p : list.filter(p -> p.getFileName().toString().endsWith(".csv")).toList()) {
                files.put(p.getFileName().toString(), Files.readAllBytes(p));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    /** One table as read: its resource, header and rows (line numbers from 2). */
    private record Table(String file, JsonNode resource, List<String> header, List<CSVRecord> rows) {

        List<String> values(String field) {
            int column = header.indexOf(field);
            List<String> values = new ArrayList<>();
            if (column >= 0) {
                rows.forEach(r -> values.add(column < r.size() ? r.get(column) : ""));
            }
            return values;
        }
    }

    /** Every problem with the {@code .csv} files among {@code files}, as {@code file:line: column: message}. */
    List<String> check(Map<String, byte[]> files) {
        List<String> problems = new ArrayList<>();
        Map<String, Table> tables = new LinkedHashMap<>();
        files.forEach((file, bytes) -> {
            if (!file.endsWith(".csv")) {
                return;
            }
            JsonNode resource = resourcesByPath.get(file);
            if (resource == null) {
                problems.add(file + ":0: (file): not the path of any resource of the descriptor");
                return;
            }
            Table table = read(file, bytes, resource, problems);
            if (table != null) {
                tables.put(resource.path("name").asText(), table);
            }
        });
        for (Table table : tables.values()) {
            checkHeader(table, problems);
            checkCells(table, problems);
            checkPrimaryKey(table, problems);
            checkForeignKeys(table, tables, problems);
        }
        return problems;
    }

    private static Table read(String file, byte[] bytes, JsonNode resource, List<String> problems) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            problems.add(file + ":0: (file): not UTF-8");
            return null;
        }
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            if (records.isEmpty()) {
                problems.add(file + ":1: (header): no header");
                return null;
            }
            List<String> header = records.get(0).toList();
            return new Table(file, resource, header, records.subList(1, records.size()));
        } catch (IOException | UncheckedIOException e) {
            problems.add(file + ":0: (csv): not RFC 4180 CSV: " + e.getMessage());
            return null;
        }
    }

    private static List<JsonNode> fields(Table table) {
        List<JsonNode> fields = new ArrayList<>();
        table.resource().path("schema").path("fields").forEach(fields::add);
        return fields;
    }

    private static void checkHeader(Table table, List<String> problems) {
        List<String> names = fields(table).stream().map(f -> f.path("name").asText()).toList();
        Set<String> seen = new HashSet<>();
        int last = -1;
        for (String column : table.header()) {
            if (!seen.add(column)) {
                problems.add(table.file() + ":1: " + column + ": column appears twice");
            }
            int index = names.indexOf(column);
            if (index < 0) {
                problems.add(table.file() + ":1: " + column + ": not a field of resource " + table.resource().path("name").asText());
                continue;
            }
            if (index < last) {
                problems.add(table.file() + ":1: " + column + ": out of the schema's order (it comes before " + names.get(last) + ")");
            }
            last = Math.max(last, index);
        }
        for (JsonNode field : fields(table)) {
            if (field.path("constraints").path("required").asBoolean() && !table.header().contains(field.path("name").asText())) {
                problems.add(table.file() + ":1: " + field.path("name").asText() + ": required field missing from the header");
            }
        }
    }

    private static void checkCells(Table table, List<String> problems) {
        Map<String, JsonNode> byName = new HashMap<>();
        fields(table).forEach(f -> byName.put(f.path("name").asText(), f));
        Map<String, Map<String, Long>> uniques = new HashMap<>();
        for (CSVRecord row : table.rows()) {
            String at = table.file() + ":" + (row.getRecordNumber());
            if (row.size() != table.header().size()) {
                problems.add(at + ": (row): " + row.size() + " cells; the header has " + table.header().size());
                continue;
            }
            for (int i = 0; i < table.header().size(); i++) {
                String column = table.header().get(i);
                JsonNode field = byName.get(column);
                if (field == null) {
                    continue;
                }
                String value = row.get(i);
                JsonNode constraints = field.path("constraints");
                if (value.isEmpty()) {
                    if (constraints.path("required").asBoolean()) {
                        problems.add(at + ": " + column + ": required value missing");
                    }
                    continue;
                }
                String typeProblem = typeProblem(field, value);
                if (typeProblem != null) {
                    problems.add(at + ": " + column + ": \"" + value + "\" " + typeProblem);
                }
                if (constraints.has("enum")) {
                    List<String> allowed = new ArrayList<>();
                    constraints.get("enum").forEach(v -> allowed.add(v.asText()));
                    if (!allowed.contains(value)) {
                        problems.add(at + ": " + column + ": \"" + value + "\" is not one of " + allowed);
                    }
                }
                if (constraints.path("unique").asBoolean()
                        && uniques.computeIfAbsent(column, c -> new HashMap<>()).merge(value, 1L, Long::sum) == 2) {
                    problems.add(at + ": " + column + ": \"" + value + "\" is not unique");
                }
            }
        }
    }

    /** Why {@code value} is not of the field's type and format, or null when it is. */
    private static String typeProblem(JsonNode field, String value) {
        String type = field.path("type").asText("string");
        String format = field.path("format").asText("default");
        try {
            switch (type) {
                case "string" -> {
                    return switch (format) {
                        case "default" -> null;
                        case "uuid" -> UUID.matcher(value).matches() ? null : "is not a UUID";
                        case "email" -> EMAIL.matcher(value).matches() ? null : "is not an email address";
                        case "uri" -> new URI(value).isAbsolute() ? null : "is not an absolute URI";
                        default -> "has format " + format + ", which this checker does not know";
                    };
                }
                case "number" -> new BigDecimal(value);
                case "integer" -> new BigInteger(value);
                case "boolean" -> {
                    return TRUE.contains(value) || FALSE.contains(value) ? null : "is not a boolean";
                }
                case "date" -> LocalDate.parse(value);
                case "time" -> LocalTime.parse(value);
                case "datetime" -> {
                    try {
                        OffsetDateTime.parse(value);
                    } catch (DateTimeParseException e) {
                        LocalDateTime.parse(value);
                    }
                }
                default -> {
                    return "has type " + type + ", which this checker does not know";
                }
            }
            return null;
        } catch (NumberFormatException | DateTimeParseException | URISyntaxException e) {
            return "is not a " + type + (format.equals("default") ? "" : " (" + format + ")");
        }
    }

    private static List<String> keyFields(JsonNode key) {
        List<String> fields = new ArrayList<>();
        if (key.isArray()) {
            key.forEach(k -> fields.add(k.asText()));
        } else if (!key.isMissingNode()) {
            fields.add(key.asText());
        }
        return fields;
    }

    private static void checkPrimaryKey(Table table, List<String> problems) {
        for (String field : keyFields(table.resource().path("schema").path("primaryKey"))) {
            Set<String> seen = new HashSet<>();
            List<String> values = table.values(field);
            for (int i = 0; i < values.size(); i++) {
                String at = table.file() + ":" + table.rows().get(i).getRecordNumber() + ": " + field + ": ";
                if (values.get(i).isEmpty()) {
                    problems.add(at + "primary key missing");
                } else if (!seen.add(values.get(i))) {
                    problems.add(at + "primary key \"" + values.get(i) + "\" is not unique");
                }
            }
        }
    }

    private void checkForeignKeys(Table table, Map<String, Table> tables, List<String> problems) {
        for (JsonNode key : table.resource().path("schema").path("foreignKeys")) {
            List<String> fields = keyFields(key.path("fields"));
            List<String> targetFields = keyFields(key.path("reference").path("fields"));
            String target = key.path("reference").path("resource").asText();
            if (fields.size() != 1 || targetFields.size() != 1) {
                problems.add(table.file() + ":0: (schema): composite foreign keys are not checked by this checker");
                continue;
            }
            List<String> values = table.values(fields.get(0));
            Table referenced = tables.get(target);
            Set<String> known = referenced == null ? Set.of() : new HashSet<>(referenced.values(targetFields.get(0)));
            for (int i = 0; i < values.size(); i++) {
                String value = values.get(i);
                if (!value.isEmpty() && !known.contains(value)) {
                    String where = referenced == null ? " (the package has no " + resourcesByName.get(target).path("path").asText()
                            + ")" : "";
                    problems.add(table.file() + ":" + table.rows().get(i).getRecordNumber() + ": " + fields.get(0) + ": \"" + value
                            + "\" is not the " + targetFields.get(0) + " of any " + target + where);
                }
            }
        }
    }
}
