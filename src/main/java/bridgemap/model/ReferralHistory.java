package bridgemap.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The referrals dated in a span of days (after {@link #after()}, up to and including {@link #through()}), with
 * the cases they belong to and what they refer from and to: the input of the pathway analyses, which follow a
 * person's referrals from entry onwards across more than one snapshot's year.
 *
 * @param after referrals dated after this day count
 * @param through … up to and including this day
 * @param dataEnd the latest referral date in the store (chains that may still go on are judged against it)
 * @param boroughs every borough
 * @param needs the need vocabulary
 * @param nodes every setting, agency, practitioner and service, by id
 * @param services every service, active or not (for its kind)
 * @param cases the cases with a referral in the span
 * @param referrals those referrals, in date order (ties by id)
 */
public record ReferralHistory(
        LocalDate after,
        LocalDate through,
        LocalDate dataEnd,
        List<Borough> boroughs,
        List<Need> needs,
        Map<String, NetworkNode> nodes,
        List<Service> services,
        List<Case> cases,
        List<Referral> referrals) {

    public ReferralHistory {
        Objects.requireNonNull(after, "after");
        Objects.requireNonNull(through, "through");
        Objects.requireNonNull(dataEnd, "dataEnd");
        boroughs = List.copyOf(boroughs);
        needs = List.copyOf(needs);
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        services = List.copyOf(services);
        cases = List.copyOf(cases);
        referrals = List.copyOf(referrals);
    }

    /** The node with this id; throws when unknown. */
    public NetworkNode node(String id) {
        NetworkNode node = nodes.get(id);
        if (node == null) {
            throw new IllegalArgumentException("no node " + id + " in the history");
        }
        return node;
    }
}
