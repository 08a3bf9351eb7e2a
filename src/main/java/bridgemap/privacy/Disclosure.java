package bridgemap.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Disclosure control for researcher outputs: the NHS Digital small-number rule. Counts of people and of
 * referrals between 1 and 7 become {@code "*"}; other counts are rounded to the nearest 5 (0 stays 0).
 * A rate or percentage in an object with a suppressed count is suppressed too ({@code "*"}); other rates
 * are rounded to whole percentage points (two decimals of a fraction), so exact counts cannot be worked back.
 *
 * <p>Which fields are counts of people or referrals and which are rates is fixed by name ({@link #COUNTS},
 * {@link #RATES}), across every analysis result; structural counts (settings, practitioners, and the
 * {@link #STRUCTURAL} brokerage pairs) are not about people and are left as they are.
 */
public final class Disclosure {

    /** Fields holding counts of people (cases) or of referrals. */
    public static final Set<String> COUNTS = Set.of("cases", "resolved", "resolvedCases", "deadEnds", "people",
            "peopleToHealth", "peopleDirect", "peopleThroughMainBroker", "peopleBetweenTwoStools", "peopleUnserved",
            "unmetDemand", "gain", "cumulative", "referrals", "referralsIn", "referralsOut", "accepted", "declined",
            "noResponse", "withdrawn", "pending", "total", "lost", "handOffs", "criminalJusticeToHealth");

    /** Fields holding rates or shares built on those counts (numbers, or interval objects). */
    public static final Set<String> RATES = Set.of("rate", "loss", "acceptance", "deadEndRate", "cumulativeShare",
            "referralsPerFte", "acceptanceRate", "criminalJusticeToHealthLoss", "brokeredAcceptance", "directAcceptance");

    /** Objects that count structure (pairs of nodes a broker connects), not people: left as they are. */
    public static final Set<String> STRUCTURAL = Set.of("brokerage");

    public static final String SUPPRESSED = "*";
    private static final int SMALLEST_SHOWN = 8;

    private Disclosure() {}

    /** One count under the rule: 0, "*" for 1–7, else the nearest multiple of 5 (halves round up). */
    public static JsonNode count(long value) {
        if (value == 0) {
            return com.fasterxml.jackson.databind.node.LongNode.valueOf(0);
        }
        if (value > 0 && value < SMALLEST_SHOWN) {
            return TextNode.valueOf(SUPPRESSED);
        }
        return com.fasterxml.jackson.databind.node.LongNode.valueOf(Math.floorDiv(value + 2, 5) * 5);
    }

    /** Applies the rule to every object in {@code tree}, in place, and returns it. */
    public static JsonNode apply(JsonNode tree) {
        if (tree instanceof ObjectNode object) {
            applyToObject(object);
        } else if (tree instanceof ArrayNode array) {
            array.forEach(Disclosure::apply);
        }
        return tree;
    }

    private static void applyToObject(ObjectNode object) {
        boolean suppressed = false;
        List<String> rates = new ArrayList<>();
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = object.get(name);
            if (COUNTS.contains(name) && value.isIntegralNumber()) {
                JsonNode disclosed = count(value.asLong());
                suppressed |= disclosed.isTextual();
                object.set(name, disclosed);
            } else if (RATES.contains(name)) {
                rates.add(name);
            } else if (!STRUCTURAL.contains(name)) {
                apply(value);
            }
        }
        for (String name : rates) {
            JsonNode value = object.get(name);
            if (value.isNull()) {
                continue;
            }
            object.set(name, suppressed ? TextNode.valueOf(SUPPRESSED) : rounded(value));
        }
    }

    private static JsonNode rounded(JsonNode rate) {
        if (rate.isNumber()) {
            return com.fasterxml.jackson.databind.node.DecimalNode.valueOf(
                    BigDecimal.valueOf(rate.asDouble()).setScale(2, RoundingMode.HALF_UP));
        }
        if (rate instanceof ObjectNode interval) {
            for (Iterator<String> names = interval.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (interval.get(name).isNumber()) {
                    interval.set(name, rounded(interval.get(name)));
                }
            }
        }
        return rate;
    }
}
