package bridgemap.analysis.planning;

import bridgemap.analysis.coverage.CellStatus;
import bridgemap.analysis.coverage.CoverageAnalysis;
import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.analysis.planning.TimelineResult.YearsBy;
import bridgemap.model.Funder;
import bridgemap.model.Funding;
import bridgemap.model.NetworkHistory;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.SettingKind;
import bridgemap.model.Succession;
import bridgemap.model.Successions;
import java.time.LocalDate;
import java.time.Month;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Change over time: the coverage summary and funding mix on one day a year, from the history. By default the
 * series ends at the data's end (its last dated post, placement or funding row), so that no year shows posts left
 * open-ended with their funding simply not recorded as if nobody paid for them; a later end can be asked for, and
 * its years are marked {@link TimelineResult.Year#afterData()}. Each year applies the successions in effect that day
 * ({@link NetworkHistory#structureOn}); a funder's share is named with the ones it took over from, and joined to its
 * predecessors' years by {@link TimelineResult.FunderShare#seriesId()}. O(years × the coverage analysis).
 */
public final class Timeline {

    private Timeline() {}

    /**
     * The timeline the interfaces show: one day a year counted by {@code yearsBy} — the anniversary of {@code anchor}
     * for calendar years, 31 March (a financial year's end) for financial years — from the first such day on or
     * after the history's earliest fact to {@code until}, or to the data's end when {@code until} is null.
     */
    public static TimelineResult of(NetworkHistory history, YearsBy yearsBy, LocalDate anchor, LocalDate until) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(yearsBy, "yearsBy");
        LocalDate latest = latestData(history);
        LocalDate end = until != null ? until : latest != null ? latest : anchor;
        List<LocalDate> days = yearsBy == YearsBy.FINANCIAL
                ? yearly(history.earliest(), LocalDate.of(2000, Month.MARCH, 31), end)
                : yearly(history.earliest(), anchor, end);
        return compute(history, days, yearsBy, end);
    }

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

    /** A year's heading: "2014" for a calendar year; "2013/14" for the financial year (April–March) the day falls in. */
    public static String label(YearsBy yearsBy, LocalDate day) {
        if (yearsBy == YearsBy.CALENDAR) {
            return String.valueOf(day.getYear());
        }
        int start = day.getMonthValue() >= 4 ? day.getYear() : day.getYear() - 1;
        return String.format("%d/%02d", start, (start + 1) % 100);
    }

    /** The last start or end of a post, placement or funding row, or null when none is dated. */
    public static LocalDate latestData(NetworkHistory history) {
        return Stream.of(
                        history.practitioners().stream().flatMap(p -> Stream.of(p.period().start(), p.period().end())),
                        history.placements().stream().flatMap(p -> Stream.of(p.period().start(), p.period().end())),
                        history.funding().stream().flatMap(f -> Stream.of(f.period().start(), f.period().end())))
                .flatMap(x -> x).filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }

    /** Calendar years on the given days, up to the data's end. */
    public static TimelineResult compute(NetworkHistory history, List<LocalDate> days) {
        return compute(history, days, YearsBy.CALENDAR, latestData(history));
    }

    private static TimelineResult compute(NetworkHistory history, List<LocalDate> days, YearsBy yearsBy, LocalDate end) {
        Map<String, String> funderNames = new HashMap<>();
        for (Funder f : history.funders()) {
            funderNames.put(f.id(), f.name());
        }
        LocalDate latest = latestData(history);
        Successions successions = new Successions(history.successions());
        LocalDate last = days.isEmpty() ? null : days.get(days.size() - 1);
        List<TimelineResult.Year> years = new ArrayList<>();
        for (LocalDate day : days) {
            years.add(year(history.structureOn(day), funderNames, successions, last, label(yearsBy, day),
                    latest != null && day.isAfter(latest)));
        }
        return new TimelineResult(latest, yearsBy, end, years);
    }

    /**
     * A funder's name, marked with the successions in effect on {@code day} by which it replaced others:
     * "National Probation Service (from 1 Jun 2014; before: London Probation Trust)"; the name alone when none.
     */
    public static String markedName(String funderId, Map<String, String> names, Successions successions, LocalDate day) {
        String name = names.getOrDefault(funderId, funderId);
        List<Succession> replaced = successions.inEffectBy(funderId, day);
        if (replaced.isEmpty()) {
            return name;
        }
        LocalDate from = replaced.stream().map(Succession::date).max(Comparator.naturalOrder()).orElseThrow();
        return name + " (from " + Succession.day(from) + "; before: " + String.join(", ", replaced.stream()
                .map(s -> names.getOrDefault(s.predecessorId(), s.predecessorId())).toList()) + ")";
    }

    /** The funder whose series {@code funderId}'s share belongs to on the timeline ending {@code last}. */
    private static String series(String funderId, Successions successions, LocalDate last) {
        if (last == null || successions.isEmpty()) {
            return funderId;
        }
        String heir = successions.holder(funderId, Succession.Takes.FUNDING, last);
        return heir.equals(funderId) ? successions.roleHolders(funderId, last).get(0) : heir;
    }

    private static TimelineResult.Year year(NetworkSnapshot structure, Map<String, String> funderNames,
            Successions successions, LocalDate last, String label, boolean afterData) {
        CoverageResult coverage = CoverageAnalysis.compute(structure, null);
        Map<String, Double> amounts = new LinkedHashMap<>();
        Set<String> funded = new HashSet<>();
        double total = 0;
        for (Funding f : structure.funding()) {
            double amount = f.amountGbp() == null ? 0 : f.amountGbp();
            amounts.merge(f.funderId(), amount, Double::sum);
            funded.add(f.practitionerId());
            total += amount;
        }
        int notRecorded = (int) structure.placements().stream().map(p -> p.practitionerId()).distinct()
                .filter(id -> !funded.contains(id)).count();
        List<TimelineResult.FunderShare> shares = new ArrayList<>();
        double hhi = 0;
        for (var e : amounts.entrySet()) {
            double share = total == 0 ? 0 : e.getValue() / total;
            shares.add(new TimelineResult.FunderShare(e.getKey(),
                    markedName(e.getKey(), funderNames, successions, structure.asOf()), e.getValue(), share,
                    series(e.getKey(), successions, last)));
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
        return new TimelineResult.Year(structure.asOf(), label, afterData, s.boroughsWithCover(), s.practitionersPlaced(),
                s.fte(), amounts.size(), total, notRecorded, shares, total == 0 ? 0 : hhi, s.cells(), s.holes(), s.fragile(),
                holes);
    }
}
