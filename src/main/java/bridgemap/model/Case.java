package bridgemap.model;

import java.util.List;

/** A pseudonymous person passing through the network: no names, dates of birth, NHS or PNC numbers. */
public record Case(String id, String boroughId, String ageBand, Gender gender, List<String> needIds) {

    public Case {
        needIds = List.copyOf(needIds);
    }
}
