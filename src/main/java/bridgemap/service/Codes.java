package bridgemap.service;

import bridgemap.model.Sector;
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

    /** An agency (an organisation: structural, no counts of people) and its sector. */
    public record Agency(String id, String name, Sector sector) {}

    /** The agencies of the snapshot of {@code asOf}, by name ({@code GET /api/agencies}). */
    public record Agencies(LocalDate asOf, List<Agency> agencies) {
        public Agencies {
            agencies = List.copyOf(agencies);
        }
    }
}
