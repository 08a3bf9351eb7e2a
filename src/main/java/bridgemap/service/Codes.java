package bridgemap.service;

import java.time.LocalDate;
import java.util.List;

/** The codes the API uses, with their names, and the span of the stored data. */
public record Codes(List<Named> needs, List<String> sectors, List<Named> settingKinds, List<String> outcomes,
        LocalDate earliest, LocalDate latest) {

    public Codes {
        needs = List.copyOf(needs);
        sectors = List.copyOf(sectors);
        settingKinds = List.copyOf(settingKinds);
        outcomes = List.copyOf(outcomes);
    }

    /** A code and its name. */
    public record Named(String id, String name) {}
}
