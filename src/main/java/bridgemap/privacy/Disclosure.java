package bridgemap.privacy;

import bridgemap.analysis.outcomes.Proportion;
import bridgemap.analysis.outcomes.ProportionDifference;
import bridgemap.analysis.outcomes.WilsonInterval;
import bridgemap.model.PerUnit;
import bridgemap.model.Quartiles;
import bridgemap.model.Ratio;
import bridgemap.model.Tally;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.DecimalNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Disclosure control for everything a researcher sees. Three layers, each from a published method:
 * <ol>
 *   <li><b>Cell-key perturbation</b> (the ONS method used for Census 2021): every count of people or referrals is
 *       a {@link Tally} that carries its cell key — the sum modulo 256 of the record keys of the cases or referrals
 *       it counts ({@link DisclosureKey}). A positive count v is shown as v + p, where the perturbation p ∈ [−3, 3]
 *       is read from a fixed table by the cell key alone ({@link #perturbation}), and never below 1. The same set
 *       of records always gets the same noise, whichever analysis, filter, format or day counts it; a set that
 *       differs by even one record gets unrelated noise, so a total minus its parts, or one view minus another,
 *       gives the sum of unrelated noise, not a hidden count. Zeros are not perturbed.</li>
 *   <li><b>The NHS Digital small-number rule</b> (HES analysis guide; OpenSAFELY's "redact ≤ 7, round to 5"), on the
 *       perturbed count: 1–7 are shown as {@code "*"}, other counts rounded to the nearest 5.</li>
 *   <li><b>Everything derived is derived from the controlled counts</b>: a rate ({@link Ratio}) is the controlled
 *       numerator over the controlled denominator (at most 1), an interval ({@link Proportion}) is the Wilson
 *       interval of the controlled counts, a load ({@link PerUnit}) the controlled count over its units; where a
 *       part is suppressed the rate is {@code "*"}. Measures that cannot be recomputed from controlled counts
 *       (Burt's constraint and effective size, weighted by exact referral counts) are withheld: every number in a
 *       researcher's answer must be a controlled count, a rate of controlled counts, or on the list of structural
 *       measures ({@link ResearcherView#STRUCTURAL}) — any other number is shown as {@code "*"}.</li>
 * </ol>
 * Secondary suppression: in a row where any count is suppressed, its zeros are suppressed too (a 0 beside a
 * {@code "*"} would tell, say, that everyone on that edge was declined). Rows ordered by exact counts are put in
 * order of their shown values instead ({@link ResearcherView}), so their order reveals nothing the values do not.
 * Researchers' days are the last day of a month ({@link #researcherDay}), so a rolling year cannot be moved one
 * day at a time to difference single records in and out.
 *
 * <p>Known limits (README, "Disclosure control"): two different sets of records of the same size get independent
 * noise, so repeating a question over many month-ends in which a small group kept its size but changed its members
 * gives several draws of the same value — rounding to 5 and suppression ≤ 7 remain; a node or category that appears
 * at all had at least one referral; the choice of a "main broker" follows exact counts.
 */
public final class Disclosure {

    /** Shown in place of a suppressed count, and of a rate or measure that would reveal one. */
    public static final String SUPPRESSED = "*";

    /** Counts from 1 to 7 are suppressed (NHS Digital). */
    static final int SMALLEST_SHOWN = 8;

    /** Other counts are rounded to a multiple of this. */
    static final int ROUNDING = 5;

    /**
     * The perturbation table: for cell keys 0–255 in order, how many keys give each perturbation −3 … +3
     * (13, 25, 51, 78, 51, 25, 13 of 256: about 5%, 10%, 20%, 30%, 20%, 10%, 5%; symmetric, so no bias on average).
     */
    private static final int[] KEYS_PER_PERTURBATION = {13, 25, 51, 78, 51, 25, 13};
    private static final int[] PERTURBATION = new int[Tally.KEYS];

    static {
        int key = 0;
        for (int i = 0; i < KEYS_PER_PERTURBATION.length; i++) {
            for (int n = 0; n < KEYS_PER_PERTURBATION[i]; n++) {
                PERTURBATION[key++] = i - 3;
            }
        }
        if (key != Tally.KEYS) {
            throw new IllegalStateException("the perturbation table must cover every cell key");
        }
    }

    private Disclosure() {}

    /** The noise added to a positive count whose cell key is {@code cellKey}. */
    static int perturbation(int cellKey) {
        return PERTURBATION[Math.floorMod(cellKey, Tally.KEYS)];
    }

    /** The count as shown: null when suppressed, else 0 or a multiple of 5. */
    static Long shown(Tally tally) {
        if (tally.value() == 0) {
            return 0L;
        }
        long perturbed = Math.max(1, tally.value() + perturbation(tally.key()));
        if (perturbed < SMALLEST_SHOWN) {
            return null;
        }
        return Math.floorDiv(perturbed + ROUNDING / 2, ROUNDING) * ROUNDING;
    }

    /** True when the count is shown as {@code "*"}. */
    public static boolean suppressed(Tally tally) {
        return shown(tally) == null;
    }

    /** The count as shown, with {@code "*"} as 0: for ordering by what is shown. */
    public static long shownOrZero(Tally tally) {
        Long shown = shown(tally);
        return shown == null ? 0 : shown;
    }

    /** One count under control, as JSON: 0, {@code "*"}, or a multiple of 5. */
    public static JsonNode count(Tally tally) {
        Long shown = shown(tally);
        return shown == null ? TextNode.valueOf(SUPPRESSED) : LongNode.valueOf(shown);
    }

    /** Labels and relationship types of the store that count structure, not people: their counts are shown as they are. */
    public static final java.util.Set<String> STRUCTURAL_LABELS = java.util.Set.of("Borough", "Agency", "Setting", "Need",
            "Service", "Practitioner", "Funder", "IN", "RUN_BY", "OPERATES_IN", "OFFERED_BY", "SERVES", "ACCEPTS",
            "EXCLUDES", "EMPLOYED_BY", "PLACED_AT", "FUNDS", "PARTNERS_WITH");

    /**
     * Counts per label or relationship type as a researcher may see them: structural ones as they are, every
     * other (cases, referrals, and what links them) as a {@link Tally} for {@link #control}, its cell key drawn
     * from the name and the value — the one view of these counts, so no other view can be set against it.
     */
    public static Map<String, Object> storeCounts(Map<String, Long> counts, DisclosureKey key) {
        Map<String, Object> shown = new java.util.LinkedHashMap<>();
        counts.forEach((name, value) -> shown.put(name, STRUCTURAL_LABELS.contains(name) ? value
                : new Tally(value, key.recordKey("store-count", name + "=" + value))));
        return shown;
    }

    /**
     * The day a researcher's question is answered for: the last day of {@code day}'s month when {@code day} is
     * that day, else the last day of the month before.
     */
    public static LocalDate researcherDay(LocalDate day) {
        Objects.requireNonNull(day, "day");
        LocalDate monthEnd = day.with(TemporalAdjusters.lastDayOfMonth());
        return day.equals(monthEnd) ? day : day.withDayOfMonth(1).minusDays(1);
    }

    /**
     * {@code result} as a researcher may see it: written with {@code mapper} (the one JSON configuration), then
     * every count, rate, interval and load controlled, unlisted numbers withheld, rows put in order of what they show.
     */
    public static JsonNode control(ObjectMapper mapper, Object result) {
        JsonNode tree = mapper.copy().registerModule(MARKED).valueToTree(result);
        return new ResearcherView().control(tree);
    }

    /** Writes each controlled type as itself, embedded in the tree, for {@link ResearcherView} to replace. */
    private static final SimpleModule MARKED = new SimpleModule("bridgemap-disclosure");

    static {
        JsonSerializer<Object> embed = new JsonSerializer<>() {
            @Override
            public void serialize(Object value, JsonGenerator gen, SerializerProvider provider) throws IOException {
                gen.writeEmbeddedObject(value);
            }
        };
        for (Class<?> type : List.of(Tally.class, Ratio.class, PerUnit.class, Proportion.class, ProportionDifference.class,
                Quartiles.class)) {
            @SuppressWarnings("unchecked")
            Class<Object> t = (Class<Object>) type;
            MARKED.addSerializer(t, embed);
        }
    }

    /** A rate of controlled counts: no value when the whole is 0, {@code "*"} when a part is suppressed. */
    static JsonNode ratio(Ratio ratio) {
        if (ratio.denominator().value() == 0) {
            return NullNode.instance;
        }
        Long part = shown(ratio.numerator());
        Long whole = shown(ratio.denominator());
        if (part == null || whole == null || whole == 0) {
            return TextNode.valueOf(SUPPRESSED);
        }
        return decimal(Math.min(1.0, (double) part / whole), 4);
    }

    /** A Wilson interval of controlled counts, or {@code "*"}. */
    static JsonNode proportion(Proportion proportion) {
        if (proportion.trials().value() == 0) {
            return interval(null, null, null);
        }
        WilsonInterval w = shownInterval(proportion);
        return w == null ? TextNode.valueOf(SUPPRESSED) : interval(w.estimate(), w.lower(), w.upper());
    }

    /** The Wilson interval of a proportion's shown counts; null when a count is suppressed. */
    private static WilsonInterval shownInterval(Proportion proportion) {
        Long successes = shown(proportion.successes());
        Long trials = shown(proportion.trials());
        if (successes == null || trials == null || trials == 0) {
            return null;
        }
        return WilsonInterval.of(Math.toIntExact(Math.min(successes, trials)), Math.toIntExact(trials));
    }

    /** Newcombe's interval of the difference of two proportions' shown counts, or {@code "*"}. */
    static JsonNode difference(ProportionDifference difference) {
        if (difference.a().trials().value() == 0 || difference.b().trials().value() == 0) {
            return interval(null, null, null);
        }
        WilsonInterval a = shownInterval(difference.a());
        WilsonInterval b = shownInterval(difference.b());
        if (a == null || b == null) {
            return TextNode.valueOf(SUPPRESSED);
        }
        ProportionDifference.Interval d = ProportionDifference.of(a, b);
        return interval(d.estimate(), d.lower(), d.upper());
    }

    /** Groups whose spread of days is shown: at least this many people shown (NHS Digital shows statistics of 8 or more). */
    static final int SMALLEST_SPREAD = 10;

    /** Quartiles of days over a group shown at least {@value #SMALLEST_SPREAD} people, in whole days; else {@code "*"}. */
    static JsonNode quartiles(Quartiles quartiles) {
        Long people = shown(quartiles.people());
        if (people != null && people == 0) {
            ObjectNode none = JsonNodeFactory.instance.objectNode();
            none.put("people", 0);
            none.putNull("lower");
            none.putNull("median");
            none.putNull("upper");
            return none;
        }
        if (people == null || people < SMALLEST_SPREAD || quartiles.median() == null) {
            return TextNode.valueOf(SUPPRESSED);
        }
        ObjectNode shown = JsonNodeFactory.instance.objectNode();
        shown.put("people", people);
        shown.put("lower", Math.round(quartiles.lower()));
        shown.put("median", Math.round(quartiles.median()));
        shown.put("upper", Math.round(quartiles.upper()));
        return shown;
    }

    private static ObjectNode interval(Double estimate, Double lower, Double upper) {
        ObjectNode interval = JsonNodeFactory.instance.objectNode();
        for (var limit : List.of(java.util.Map.entry("estimate", java.util.Optional.ofNullable(estimate)),
                java.util.Map.entry("lower", java.util.Optional.ofNullable(lower)),
                java.util.Map.entry("upper", java.util.Optional.ofNullable(upper)))) {
            if (limit.getValue().isPresent()) {
                interval.set(limit.getKey(), decimal(limit.getValue().get(), 4));
            } else {
                interval.putNull(limit.getKey());
            }
        }
        return interval;
    }

    /** A controlled count per unit, or {@code "*"}. */
    static JsonNode perUnit(PerUnit load) {
        Long count = shown(load.count());
        return count == null ? TextNode.valueOf(SUPPRESSED) : decimal(count / load.units(), 2);
    }

    private static JsonNode decimal(double value, int places) {
        return DecimalNode.valueOf(BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_UP));
    }

    /**
     * Walks a marked tree: replaces the embedded counts, rates, intervals and loads, withholds unlisted numbers,
     * applies secondary suppression per row and orders rows by what they show.
     */
    static final class ResearcherView {

        /**
         * Numbers that describe structure or money, not people: shown as they are. A name applies wherever it
         * stands; {@code parent.name} only inside an object under {@code parent}; {@code parent.*} to every number
         * inside it.
         */
        static final java.util.Set<String> STRUCTURAL = java.util.Set.of(
                // the referral graph and its measures (from its edges, which researchers see)
                "betweenness", "graph.nodes", "graph.edges", "brokerage", "brokerage.*", "nodeCount", "edgeCount",
                "directEdges", "criminalJusticeNodes", "healthNodes", "unreachableCount", "needs",
                // cover, posts and money
                "boroughsWithCover", "cells", "holes", "fragile", "covered", "practitionersPlaced", "practitioners",
                "settings", "fte", "fundingActiveGbp", "fundingGbp", "amountGbp", "funders", "posts", "postsFundingNotRecorded", "hhi", "share",
                "holesByKind.*", "capacityPerMonth", "waitWeeks", "year",
                // the London tile map, and the store's structural counts (Disclosure#storeCounts)
                "tile.*", "labels.Borough", "labels.Agency", "labels.Setting", "labels.Need", "labels.Service",
                "labels.Practitioner", "labels.Funder", "relationships.IN", "relationships.RUN_BY",
                "relationships.OPERATES_IN", "relationships.OFFERED_BY", "relationships.SERVES", "relationships.ACCEPTS",
                "relationships.EXCLUDES", "relationships.EMPLOYED_BY", "relationships.PLACED_AT", "relationships.FUNDS",
                "relationships.PARTNERS_WITH",
                // the pages of a long list (api/ListPages, added after control): row counts of lists researchers see
                "pages.total", "pages.offset", "pages.returned", "pages.leftOut", "rowsBy.*", "rowsWith.*");

        /** How rows of an array are ordered for researchers, by the array's path (field names from the root). */
        private static final Map<String, Order> ORDERS = Map.ofEntries(
                Map.entry("exclusionConflicts.conflicts", Order.grouped(
                        row -> row.path("status").asText() + "/" + row.path("blockedNeeds").isEmpty(), "/cases")),
                Map.entry("deadEnds.byBorough", Order.descending("/rate", "/deadEnds", "/cases")),
                Map.entry("deadEnds.byHandOff", Order.grouped(
                        row -> String.valueOf(row.path("from").equals(row.path("to"))), "/deadEnds", "/rate")),
                Map.entry("deadEnds.endpoints", Order.descending("/deadEnds")),
                Map.entry("handOffLoss.handOffs", Order.grouped(
                        row -> row.path("crossSector").asText(), "/loss", "/total")),
                Map.entry("referredBy", Order.descending("/referrals")),
                Map.entry("referredTo", Order.descending("/referrals")),
                Map.entry("elements.nodes", Order.byText("/data/id")),
                Map.entry("elements.edges", Order.byText("/data/id")),
                // research pathways: the service already ordered them by what they show, "other pathways" last
                Map.entry("pathways", Order.grouped(row -> String.valueOf(row.path("steps").toString()
                        .equals("[\"" + "other pathways" + "\"]")), "/people")),
                // services over capacity, then long waits, then the rest (bottlenecks' capacity), each by shown load
                Map.entry("capacity.services", Order.grouped(
                        row -> row.path("overCapacity").asText() + "/" + row.path("longWait").asText(), "/load", "/accepted")),
                // single points of failure: most people depending first (their first count, said outright)
                Map.entry("points", Order.descending("/people")),
                // ordered by structure (betweenness, status, sector order): kept
                Map.entry("nodes", Order.KEEP),
                Map.entry("entryRoutes", Order.KEEP),
                Map.entry("pairs", Order.KEEP));

        JsonNode control(JsonNode tree) {
            visit(tree, "", "");
            return tree;
        }

        private void visit(JsonNode node, String path, String name) {
            if (node instanceof ObjectNode object) {
                controlObject(object, path, name);
            } else if (node instanceof ArrayNode array) {
                controlArray(array, path, name);
            }
        }

        private void controlObject(ObjectNode object, String path, String name) {
            List<String> counts = new ArrayList<>();
            boolean suppressed = false;
            List<String> fields = new ArrayList<>();
            object.fieldNames().forEachRemaining(fields::add);
            for (String field : fields) {
                JsonNode value = object.get(field);
                if (value instanceof POJONode pojo) {
                    JsonNode controlled = embedded(pojo.getPojo());
                    object.set(field, controlled);
                    if (pojo.getPojo() instanceof Tally) {
                        counts.add(field);
                        suppressed |= controlled.isTextual();
                    }
                } else if (value.isContainerNode()) {
                    visit(value, path.isEmpty() ? field : path + "." + field, field);
                } else if (value.isNumber() && !structural(name, field)) {
                    object.put(field, SUPPRESSED);
                }
            }
            if (suppressed) {
                for (String field : counts) {
                    if (object.get(field).isNumber() && object.get(field).asLong() == 0) {
                        object.put(field, SUPPRESSED);
                    }
                }
            }
        }

        private static JsonNode embedded(Object value) {
            if (value instanceof Tally tally) {
                return count(tally);
            }
            if (value instanceof Ratio ratio) {
                return ratio(ratio);
            }
            if (value instanceof Proportion proportion) {
                return proportion(proportion);
            }
            if (value instanceof PerUnit load) {
                return perUnit(load);
            }
            if (value instanceof ProportionDifference difference) {
                return difference(difference);
            }
            if (value instanceof Quartiles days) {
                return quartiles(days);
            }
            return TextNode.valueOf(SUPPRESSED);
        }

        private static boolean structural(String parent, String field) {
            return STRUCTURAL.contains(field) || STRUCTURAL.contains(parent + "." + field)
                    || STRUCTURAL.contains(parent + ".*");
        }

        private void controlArray(ArrayNode array, String path, String name) {
            boolean counted = false;
            for (JsonNode element : array) {
                counted |= holdsCounts(element);
            }
            for (int i = 0; i < array.size(); i++) {
                JsonNode element = array.get(i);
                if (element instanceof POJONode pojo) {
                    array.set(i, embedded(pojo.getPojo()));
                } else if (element.isNumber() && !STRUCTURAL.contains(name)) {
                    array.set(i, TextNode.valueOf(SUPPRESSED));
                } else {
                    // An array's elements are rows of the array's field: their numbers belong to it.
                    visit(element, path, name);
                }
            }
            if (counted) {
                ORDERS.getOrDefault(path, Order.DEFAULT).sort(array);
            }
        }

        private static boolean holdsCounts(JsonNode node) {
            if (node instanceof POJONode pojo) {
                return pojo.getPojo() instanceof Tally;
            }
            for (JsonNode child : node) {
                if (holdsCounts(child)) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * An order of rows that uses only what a researcher sees: optional groups (kept in the order the analysis
     * gave them, which is by structure), then shown values, largest first ({@code "*"} between 0 and the smallest
     * shown count, no value last), then text, then the whole row's text.
     */
    record Order(java.util.function.Function<JsonNode, String> group, List<String> descending, List<String> text,
            boolean keep) {

        static final Order KEEP = new Order(null, List.of(), List.of(), true);
        /** For rows no order is listed for: their first shown count, largest first. */
        static final Order DEFAULT = new Order(null, List.of(), List.of(), false);

        static Order grouped(java.util.function.Function<JsonNode, String> group, String... descending) {
            return new Order(group, List.of(descending), List.of(), false);
        }

        static Order descending(String... pointers) {
            return new Order(null, List.of(pointers), List.of(), false);
        }

        static Order byText(String... pointers) {
            return new Order(null, List.of(), List.of(pointers), false);
        }

        void sort(ArrayNode array) {
            if (keep) {
                return;
            }
            List<JsonNode> rows = new ArrayList<>();
            array.forEach(rows::add);
            Map<String, Integer> groupRank = new HashMap<>();
            if (group != null) {
                for (JsonNode row : rows) {
                    groupRank.putIfAbsent(group.apply(row), groupRank.size());
                }
            }
            List<String> keys = descending.isEmpty() && text.isEmpty() ? firstCount(rows) : descending;
            Comparator<JsonNode> order = Comparator.comparingInt(row -> group == null ? 0 : groupRank.get(group.apply(row)));
            for (String pointer : keys) {
                order = order.thenComparing(Comparator.comparingDouble((JsonNode row) -> rank(row.at(pointer))).reversed());
            }
            for (String pointer : text) {
                order = order.thenComparing(row -> row.at(pointer).asText());
            }
            order = order.thenComparing(JsonNode::toString);
            rows.sort(order);
            array.removeAll();
            rows.forEach(array::add);
        }

        /** The first field of the first row that shows a count (a number or "*"), as a pointer. */
        private static List<String> firstCount(List<JsonNode> rows) {
            if (rows.isEmpty() || !rows.get(0).isObject()) {
                return List.of();
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = rows.get(0).fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNumber() || SUPPRESSED.equals(field.getValue().textValue())) {
                    return List.of("/" + field.getKey());
                }
            }
            return List.of();
        }

        /** A shown value's rank: its number; "*" (1–7 people, before noise) just above 0; no value below all. */
        private static double rank(JsonNode value) {
            if (value.isNumber()) {
                return value.asDouble();
            }
            if (SUPPRESSED.equals(value.textValue())) {
                return 1e-9;
            }
            return -1;
        }
    }
}
