package bridgemap.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every post, placement and funding row ever recorded, undated by any as-of day, and every succession: the input
 * of the timeline. {@link #structureOn(LocalDate)} gives the snapshot of structure (no cases, no referrals) on a day.
 */
public record NetworkHistory(
        LocalDate earliest,
        List<Borough> boroughs,
        List<Need> needs,
        Map<String, NetworkNode> nodes,
        List<Setting> settings,
        List<Practitioner> practitioners,
        List<Placement> placements,
        List<Funder> funders,
        List<Funding> funding,
        List<Succession> successions) {

    /** A history without successions. */
    public NetworkHistory(LocalDate earliest, List<Borough> boroughs, List<Need> needs, Map<String, NetworkNode> nodes,
            List<Setting> settings, List<Practitioner> practitioners, List<Placement> placements, List<Funder> funders,
            List<Funding> funding) {
        this(earliest, boroughs, needs, nodes, settings, practitioners, placements, funders, funding, List.of());
    }

    public NetworkHistory {
        boroughs = List.copyOf(boroughs);
        needs = List.copyOf(needs);
        nodes = Collections.unmodifiableMap(new LinkedHashMap<>(nodes));
        settings = List.copyOf(settings);
        practitioners = List.copyOf(practitioners);
        placements = List.copyOf(placements);
        funders = List.copyOf(funders);
        funding = List.copyOf(funding);
        successions = List.copyOf(successions);
    }

    /**
     * Posts, placements of posts in post, and funding active on {@code day}, with the successions in effect that day
     * applied ({@link Successions#applyTo}); no services, cases or referrals.
     */
    public NetworkSnapshot structureOn(LocalDate day) {
        List<Practitioner> inPost = practitioners.stream().filter(p -> p.period().contains(day)).toList();
        java.util.Set<String> ids = new java.util.HashSet<>();
        inPost.forEach(p -> ids.add(p.id()));
        return new Successions(successions).applyTo(new NetworkSnapshot(day, boroughs, needs, nodes, settings, List.of(),
                inPost, placements.stream().filter(p -> ids.contains(p.practitionerId()) && p.period().contains(day)).toList(),
                funders, funding.stream().filter(f -> f.period().contains(day)).toList(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), successions));
    }
}
