package bridgemap.model;

import java.util.List;

/**
 * A pseudonymous person passing through the network: no names, dates of birth, NHS or PNC numbers.
 *
 * @param cellKey the record key disclosure control counts this case with (0–255; see {@link Tally}); 0 until
 *     the case is read for analysis
 */
public record Case(String id, String boroughId, String ageBand, Gender gender, List<String> needIds, int cellKey) {

    public Case {
        needIds = List.copyOf(needIds);
    }

    /** A case as a bundle states it, before it has a record key. */
    public Case(String id, String boroughId, String ageBand, Gender gender, List<String> needIds) {
        this(id, boroughId, ageBand, gender, needIds, 0);
    }
}
