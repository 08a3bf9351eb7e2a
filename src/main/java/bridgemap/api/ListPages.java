package bridgemap.api;

import bridgemap.service.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * The long lists of an answer sent a page at a time (issue 17: answers sized for people). Each paged list has a name;
 * in the answer it keeps its place (or, for a view, a new place beside its source) holding only the requested page, and
 * the answer's {@code pages} array says, for each list by name ({@code list}), where it is ({@code path}), its
 * {@code total} rows, the {@code offset} of the first row sent, how many were {@code returned} and {@code leftOut},
 * and the opaque {@code next} and {@code previous} cursors (null at either end). A view is a filter of another list
 * (the gaps page's "between two stools" rows of the need combinations); an entry can also carry the {@code sum} of a
 * count over every row, the rows by a field's value ({@code rowsBy}), and how many rows have a field
 * ({@code rowsWith}), so a page can say "327 people in 150 combinations" from the first page. (An array, so that
 * disclosure control knows its numbers by one name: {@code pages.total} …, row counts of lists a researcher sees.)
 *
 * <p>A request takes {@code limit} (rows per list, {@value #DEFAULT_LIMIT} by default, at most {@value #MAX_LIMIT})
 * and any number of {@code cursor}s, at most one per list; a list without a cursor starts at its first row. A cursor
 * names its list, its offset and a check of the list's content, so it gives the same rows for as long as the cached
 * result lasts and is refused (400, naming {@code cursor}) once a new import changed the rows.
 */
final class ListPages {

    static final int DEFAULT_LIMIT = 100;
    static final int MAX_LIMIT = 1000;

    private static final Pattern DIGITS = Pattern.compile("\\d{1,9}");
    private static final Pattern CURSOR = Pattern.compile("[A-Za-z0-9_-]{1,200}");

    /**
     * One paged list: {@code name} in {@code pages}, the dotted {@code source} path of the rows in the full answer,
     * the dotted path {@code into} which the page goes (the source itself, or a new field beside it for a view),
     * the rows kept ({@code filter}, null for all), and what to say about every row: the {@code sumOf} a count
     * field, the {@code countBy} a field's value, and how many rows have each field in {@code present}.
     */
    record PagedList(String name, String source, String into, Predicate<JsonNode> filter, String sumOf,
            String countBy, List<String> present) {

        PagedList {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(source, "source");
            Objects.requireNonNull(into, "into");
            present = List.copyOf(present);
        }

        /** The list at {@code path} paged in place. */
        static PagedList of(String name, String path) {
            return new PagedList(name, path, path, null, null, null, List.of());
        }

        /** The rows of {@code source} that pass {@code filter}, paged at {@code into}. */
        static PagedList view(String name, String source, String into, Predicate<JsonNode> filter) {
            return new PagedList(name, source, into, filter, null, null, List.of());
        }

        PagedList summing(String field) {
            return new PagedList(name, source, into, filter, field, countBy, present);
        }

        PagedList countingBy(String field) {
            return new PagedList(name, source, into, filter, sumOf, field, present);
        }

        PagedList presence(String... fields) {
            return new PagedList(name, source, into, filter, sumOf, countBy, List.of(fields));
        }
    }

    /** What one request asks for: rows per list, and the offset of each list given a cursor. */
    record Request(int limit, Map<String, Position> positions) {

        /** The first page of every list. */
        static final Request FIRST = new Request(DEFAULT_LIMIT, Map.of());

        /** A key of this request for the prepared answers (the same for equal requests). */
        String key() {
            StringBuilder key = new StringBuilder("limit=").append(limit);
            new TreeMap<>(positions).forEach((name, at) -> key.append('&').append(name).append('=').append(at.offset())
                    .append('/').append(at.check()));
            return key.toString();
        }
    }

    /** Where a cursor points: a row of a list, and the check of that list's content when the cursor was made. */
    record Position(int offset, String check) {}

    /** Gaps: the need combinations (and the page's three views of them) and where chains dead-end. */
    static final ListPages GAPS = new ListPages(List.of(
            PagedList.of("conflicts", "exclusionConflicts.conflicts").summing("cases"),
            PagedList.view("betweenTwoStools", "exclusionConflicts.conflicts", "exclusionConflicts.betweenTwoStools",
                    row -> row.path("status").asText().equals("split") && !row.path("blockedNeeds").isEmpty())
                    .summing("cases"),
            PagedList.view("unserved", "exclusionConflicts.conflicts", "exclusionConflicts.unserved",
                    row -> row.path("status").asText().equals("unserved")).summing("cases"),
            PagedList.view("served", "exclusionConflicts.conflicts", "exclusionConflicts.served",
                    row -> row.path("status").asText().equals("served")).summing("cases"),
            PagedList.of("deadEndTargets", "deadEnds.endpoints")));

    /** Bottlenecks: every node's measures, the bridges and the services by load (with those over it or waiting long). */
    static final ListPages BOTTLENECKS = new ListPages(List.of(
            PagedList.of("nodes", "nodes"),
            PagedList.of("bridges", "bridges"),
            PagedList.of("services", "capacity.services").presence("capacityPerMonth", "waitWeeks"),
            PagedList.view("overCapacity", "capacity.services", "capacity.servicesOverCapacity",
                    row -> row.path("overCapacity").asBoolean(false)),
            PagedList.view("longWait", "capacity.services", "capacity.servicesWaitingLong",
                    row -> row.path("longWait").asBoolean(false))));

    /** Points of failure: the points, counted by type, and those that are cut vertices. */
    static final ListPages POINTS_OF_FAILURE = new ListPages(List.of(
            PagedList.of("points", "points").countingBy("type"),
            PagedList.view("cutVertices", "points", "cutVertices", row -> {
                for (JsonNode reason : row.path("reasons")) {
                    if (reason.path("code").asText().equals("cut_vertex")) {
                        return true;
                    }
                }
                return false;
            })));

    /** The paged lists of the analysis {@code name}, if its answer has long lists. */
    static java.util.Optional<ListPages> forAnalysis(String name) {
        return switch (name) {
            case "gaps" -> java.util.Optional.of(GAPS);
            case "bottlenecks" -> java.util.Optional.of(BOTTLENECKS);
            case "points-of-failure" -> java.util.Optional.of(POINTS_OF_FAILURE);
            default -> java.util.Optional.empty();
        };
    }

    private final List<PagedList> lists;

    ListPages(List<PagedList> lists) {
        this.lists = List.copyOf(lists);
        if (lists.stream().map(PagedList::name).distinct().count() != lists.size()) {
            throw new IllegalArgumentException("two paged lists share a name");
        }
    }

    List<PagedList> lists() {
        return lists;
    }

    /**
     * Reads {@code limit} and {@code cursor} strictly: a limit that is not a whole number from 1 to
     * {@value #MAX_LIMIT}, or a cursor that is not one this server made for a list of this answer, is an
     * {@link InvalidInputException} naming the parameter.
     */
    Request request(String limit, List<String> cursors) {
        int rows = DEFAULT_LIMIT;
        if (limit != null && !limit.isBlank()) {
            String value = limit.strip();
            if (!DIGITS.matcher(value).matches() || Integer.parseInt(value) < 1 || Integer.parseInt(value) > MAX_LIMIT) {
                throw new InvalidInputException("limit", "limit \"" + value + "\" is not a whole number from 1 to "
                        + MAX_LIMIT + " (rows per list)");
            }
            rows = Integer.parseInt(value);
        }
        Map<String, Position> positions = new LinkedHashMap<>();
        for (String cursor : cursors) {
            if (cursor == null || cursor.isBlank()) {
                continue;
            }
            String[] parts = decode(cursor.strip());
            String name = parts[0];
            if (lists.stream().noneMatch(l -> l.name().equals(name))) {
                throw badCursor("it is for a list (" + name + ") this answer does not have");
            }
            if (positions.put(name, new Position(Integer.parseInt(parts[1]), parts[2])) != null) {
                throw badCursor("two cursors are for the same list (" + name + ")");
            }
        }
        return new Request(rows, Map.copyOf(positions));
    }

    /**
     * A copy of {@code full} (the whole answer as a tree, not changed) with each paged list cut to the requested page,
     * and the {@code pages} array that describes them.
     */
    ObjectNode page(JsonNode full, Request request) {
        if (!(full instanceof ObjectNode whole)) {
            throw new IllegalArgumentException("a paged answer is a JSON object");
        }
        java.util.Set<String> inPlace = new java.util.HashSet<>();
        lists.stream().filter(l -> l.source().equals(l.into())).forEach(l -> inPlace.add(l.source()));
        ObjectNode answer = copyWithout(whole, "", inPlace);
        ArrayNode pages = JsonNodeFactory.instance.arrayNode();
        for (PagedList list : lists) {
            if (!(at(whole, list.source()) instanceof ArrayNode all)) {
                continue; // the answer has no such list (e.g. an empty network leaves a part out)
            }
            if (!list.source().equals(list.into()) && at(whole, list.into()) != null) {
                throw new IllegalStateException("the view " + list.name() + " would replace " + list.into());
            }
            List<JsonNode> rows = new ArrayList<>(all.size());
            all.forEach(row -> {
                if (list.filter() == null || list.filter().test(row)) {
                    rows.add(row);
                }
            });
            String check = check(rows);
            Position position = request.positions().get(list.name());
            int offset = 0;
            if (position != null) {
                if (!position.check().equals(check)) {
                    throw badCursor("the rows of " + list.name() + " have changed since it was made (a new import?); "
                            + "start again from the first page");
                }
                if (position.offset() > rows.size() || (position.offset() == rows.size() && !rows.isEmpty())) {
                    throw badCursor("it points past the last row of " + list.name());
                }
                offset = position.offset();
            }
            int end = Math.min(rows.size(), offset + request.limit());
            ArrayNode page = JsonNodeFactory.instance.arrayNode(end - offset);
            rows.subList(offset, end).forEach(page::add);
            parentOf(answer, list.into()).set(leaf(list.into()), page);

            ObjectNode about = pages.addObject();
            about.put("list", list.name());
            about.put("path", list.into());
            about.put("total", rows.size());
            about.put("offset", offset);
            about.put("returned", end - offset);
            about.put("leftOut", rows.size() - (end - offset));
            if (end < rows.size()) {
                about.put("next", encode(list.name(), end, check));
            } else {
                about.putNull("next");
            }
            if (offset > 0) {
                about.put("previous", encode(list.name(), Math.max(0, offset - request.limit()), check));
            } else {
                about.putNull("previous");
            }
            describe(list, rows, about);
        }
        answer.set("pages", pages);
        return answer;
    }

    private static void describe(PagedList list, List<JsonNode> rows, ObjectNode about) {
        if (list.sumOf() != null) {
            long sum = 0;
            boolean hidden = false;
            for (JsonNode row : rows) {
                JsonNode value = row.path(list.sumOf());
                if (value.isIntegralNumber()) {
                    sum += value.asLong();
                } else if (value.isTextual()) {
                    hidden = true; // a count under disclosure control ("*"): the sum is then a lower bound
                }
            }
            ObjectNode sums = about.putObject("sum");
            sums.put(list.sumOf(), sum);
            if (hidden) {
                sums.put("atLeast", true);
            }
        }
        if (list.countBy() != null) {
            Map<String, Integer> counts = new TreeMap<>();
            rows.forEach(row -> counts.merge(row.path(list.countBy()).asText(""), 1, Integer::sum));
            ObjectNode byValue = about.putObject("rowsBy");
            counts.forEach(byValue::put);
        }
        if (!list.present().isEmpty()) {
            ObjectNode present = about.putObject("rowsWith");
            for (String field : list.present()) {
                present.put(field, rows.stream().filter(row -> row.hasNonNull(field)).count());
            }
        }
    }

    /** A check of a list's rows, the same for the same rows (Jackson's tree hash: content, not identity). */
    private static String check(List<JsonNode> rows) {
        return Integer.toString(rows.hashCode() ^ rows.size(), 36).replace('-', 'm');
    }

    static String encode(String name, int offset, String check) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((name + ":" + offset + ":" + check).getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor: list name, offset (digits), check. */
    private static String[] decode(String cursor) {
        if (!CURSOR.matcher(cursor).matches()) {
            throw badCursor("it is not one Bridgemap gave (use the next or previous value of pages)");
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw badCursor("it is not one Bridgemap gave (use the next or previous value of pages)");
        }
        String[] parts = text.split(":", -1);
        if (parts.length != 3 || parts[0].isEmpty() || !DIGITS.matcher(parts[1]).matches() || parts[2].isEmpty()) {
            throw badCursor("it is not one Bridgemap gave (use the next or previous value of pages)");
        }
        return parts;
    }

    private static InvalidInputException badCursor(String why) {
        return new InvalidInputException("cursor", "cursor refused: " + why);
    }

    /** A deep copy of {@code node} whose arrays at the paths in {@code skipped} are left empty (their pages go there). */
    private static ObjectNode copyWithout(ObjectNode node, String prefix, java.util.Set<String> skipped) {
        ObjectNode copy = JsonNodeFactory.instance.objectNode();
        node.fields().forEachRemaining(field -> {
            String path = prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey();
            JsonNode value = field.getValue();
            if (skipped.contains(path) && value.isArray()) {
                copy.set(field.getKey(), JsonNodeFactory.instance.arrayNode());
            } else if (value instanceof ObjectNode child) {
                copy.set(field.getKey(), copyWithout(child, path, skipped));
            } else {
                copy.set(field.getKey(), value.deepCopy());
            }
        });
        return copy;
    }

    private static JsonNode at(JsonNode root, String dotted) {
        JsonNode node = root;
        for (String step : dotted.split("\\.")) {
            node = node == null ? null : node.get(step);
        }
        return node;
    }

    private static ObjectNode parentOf(ObjectNode root, String dotted) {
        int cut = dotted.lastIndexOf('.');
        if (cut < 0) {
            return root;
        }
        if (at(root, dotted.substring(0, cut)) instanceof ObjectNode parent) {
            return parent;
        }
        throw new IllegalStateException("no object at " + dotted.substring(0, cut) + " to hold " + dotted);
    }

    private static String leaf(String dotted) {
        return dotted.substring(dotted.lastIndexOf('.') + 1);
    }
}
