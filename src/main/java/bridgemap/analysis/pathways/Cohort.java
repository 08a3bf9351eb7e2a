package bridgemap.analysis.pathways;

import bridgemap.model.Case;
import bridgemap.model.Gender;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Who a pathway question is about: people whose chain entered the criminal-justice pathway between {@code from}
 * and {@code to} (inclusive), with a combination of needs, and optionally of one borough, entry setting kind, age
 * band and gender. An absent (null or empty) criterion admits everyone.
 *
 * @param needs the need combination, each need once, in the order given
 * @param match how a case's needs must meet {@code needs}: all of them, any of them, or exactly them
 * @param boroughId the case's borough (a GSS code)
 * @param entryKind the kind of setting the chain entered at
 * @param ageBand the case's age band, as recorded ("18-24")
 * @param gender the case's gender
 * @param from the first day an entry may fall on
 * @param to the last day an entry may fall on
 */
public record Cohort(List<String> needs, NeedMatch match, String boroughId, SettingKind entryKind, String ageBand,
        Gender gender, LocalDate from, LocalDate to) {

    /** How a case's needs must meet the cohort's: all of them (and maybe more), any of them, or exactly them. */
    public enum NeedMatch implements bridgemap.model.Vocabulary {
        ALL, ANY, EXACTLY;

        @Override
        public String code() {
            return bridgemap.model.Vocabulary.codeOf(this);
        }
    }

    public Cohort {
        needs = needs == null ? List.of() : List.copyOf(new LinkedHashSet<>(needs));
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the period ends (" + to + ") before it starts (" + from + ")");
        }
    }

    /** True when the case's own attributes (needs, borough, age band, gender) fit the cohort. */
    public boolean admits(Case c) {
        if (boroughId != null && !boroughId.equals(c.boroughId())) {
            return false;
        }
        if (ageBand != null && !ageBand.equals(c.ageBand())) {
            return false;
        }
        if (gender != null && gender != c.gender()) {
            return false;
        }
        if (needs.isEmpty()) {
            return true;
        }
        Set<String> held = new HashSet<>(c.needIds());
        return switch (match) {
            case ALL -> held.containsAll(needs);
            case ANY -> needs.stream().anyMatch(held::contains);
            case EXACTLY -> held.equals(new HashSet<>(needs));
        };
    }

    /** True when an entry on {@code day} at a setting of {@code kind} fits the cohort. */
    public boolean admitsEntry(LocalDate day, SettingKind kind) {
        return !day.isBefore(from) && !day.isAfter(to) && (entryKind == null || entryKind == kind);
    }
}
