package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.SettingKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Change over time: the coverage summary and funding mix on a series of days, from the history. */
public final class Timeline {

    private Timeline() {}

    /**
     * One day a year, on the anniversary of {@code anchor}, from the first such day on or after
     * {@code earliest} to the last on or before {@code until}.
     */
    public static List<LocalDate> yearly(LocalDate earliest, LocalDate anchor, LocalDate until) {
        Objects.requireNonNull(earliest, "earliest");
        Objects.requireNonNull(anchor, "anchor");
        Objects.requireNonNull(until, "until");
        int firstYear = anchor.withYear(earliest.getYear()).isBefore(earliest) ? earliest.getYear() + 1 : earliest.getYear();
        List<LocalDate> days = new ArrayList<>();
        for (int year = firstYear; !anchor.withYear(year).isAfter(until); year++) {
            days.add(anchor.withYear(year));
        }
        return days;
    }

    public static TimelineResult compute(NetworkHistory history, List<LocalDate> days) {
        Objects.requireNonNull(history, "history");
        Map<String, String> funderNames = new HashMap<>();
        for (Funder f : history.funders()) {
            funderNames.put(f.id(), f.name());
        }
        List<TimelineResult.Year> years = new ArrayList<>();
        for (LocalDate day : days) {
            NetworkSnapshot structure = history.structureOn(day);
            CoverageResult coverage = CoverageAnalysis.compute(structure, null);
            Map<String, Double> amounts = new LinkedHashMap<>();
            double total = 0;
            for (Funding f : structure.funding()) {
                double amount = f.amountGbp() == null ? 0 : f.amountGbp();
                amounts.merge(f.funderId(), amount, Double::sum);
                total += amount;
            }
            List<TimelineResult.FunderShare> shares = new ArrayList<>();
            double hhi = 0;
            for (var e : amounts.entrySet()) {
                double share = total == 0 ? 0 : e.getValue() / total;
                shares.add(new TimelineResult.FunderShare(e.getKey(), funderNames.get(e.getKey()), e.getValue(), share));
                hhi += (100 * share) * (100 * share);
            }
            shares.sort(Comparator.comparingDouble(TimelineResult.FunderShare::amountGbp).reversed()
                    .thenComparing(TimelineResult.FunderShare::funderId));
            Map<SettingKind, Integer> holes = new EnumMap<>(SettingKind.class);
            for (CoverageResult.Cell cell : coverage.cells()) {
                if (cell.status() == CellStatus.HOLE) {
                    holes.merge(cell.kind(), 1, Integer::sum);
                }
            }
            var s = coverage.summary();
            years.add(new TimelineResult.Year(day, s.boroughsWithCover(), s.practitionersPlaced(), s.fte(), amounts.size(),
                    total, shares, total == 0 ? 0 : hhi, s.cells(), s.holes(), s.fragile(), holes));
        }
        LocalDate latest = java.util.stream.Stream.of(
                        history.practitioners().stream().flatMap(p -> java.util.stream.Stream.of(p.period().start(), p.period().end())),
                        history.placements().stream().flatMap(p -> java.util.stream.Stream.of(p.period().start(), p.period().end())),
                        history.funding().stream().flatMap(f -> java.util.stream.Stream.of(f.period().start(), f.period().end())))
                .flatMap(x -> x).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new TimelineResult(latest, years);
    }
}
