package bridgemap.service;

import bridgemap.analysis.pathways.Cohort;
import bridgemap.analysis.pathways.ComparisonResult;
import bridgemap.analysis.pathways.Episodes;
import bridgemap.analysis.pathways.PathwayAnalysis;
import bridgemap.analysis.pathways.PathwayLevel;
import bridgemap.analysis.pathways.PathwaysResult;
import bridgemap.analysis.pathways.PathwaysResult.PathwayType;
import bridgemap.model.Gender;
import bridgemap.model.ReferralHistory;
import bridgemap.model.SettingKind;
import bridgemap.model.Vocabulary;
import bridgemap.privacy.Disclosure;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Researchers' pathways as the command line and the API ask for them: cohorts read from request fields (every
 * bad value an {@link InvalidInputException} naming its field), the referral history their chains need (read once
 * per span until the next import), the analyses of {@code analysis.pathways}, and the answer condensed to its top
 * pathway types — for researchers by what disclosure control shows, so that which types are shown one by one,
 * and in what order, follows only shown figures.
 */
public final class ResearchService {

    /** Most pathway types shown one by one. */
    public static final int MOST_TYPES = 50;

    /** Pathway types shown one by one unless asked otherwise. */
    public static final int DEFAULT_TYPES = 10;

    private static final Pattern FINANCIAL_YEAR = Pattern.compile("(\\d{4})[/-](\\d{2}|\\d{4})");

    private final AnalysisService analysis;
    private final Memo<Episodes.Span, ReferralHistory> histories = new Memo<>(4);

    public ResearchService(AnalysisService analysis) {
        this.analysis = Objects.requireNonNull(analysis, "analysis");
    }

    /**
     * A cohort question as it arrives, every field text or null: needs (codes), how they must match (all, any,
     * exactly), borough (GSS code), entry setting kind, age band, gender, and the period of entry — a financial
     * year ("2013/14"), a calendar year ("2013"), or from/to days; without any, the last financial year the data
     * reaches.
     */
    public record CohortRequest(List<String> needs, String match, String borough, String entry, String ageBand,
            String gender, String financialYear, String year, String from, String to) {

        public CohortRequest {
            needs = needs == null ? List.of() : List.copyOf(needs);
        }

        /** This request with {@code other}'s fields where it names them (a comparison's second cohort). */
        public CohortRequest overriddenBy(CohortRequest other) {
            boolean period = other.financialYear != null || other.year != null || other.from != null || other.to != null;
            return new CohortRequest(other.needs.isEmpty() ? needs : other.needs, or(other.match, match),
                    or(other.borough, borough), or(other.entry, entry), or(other.ageBand, ageBand), or(other.gender, gender),
                    period ? other.financialYear : financialYear, period ? other.year : year,
                    period ? other.from : from, period ? other.to : to);
        }

        private static String or(String value, String fallback) {
            return value != null ? value : fallback;
        }
    }

    /** The cohort {@code request} describes; {@code prefix} is put before field names in errors ("versus."). */
    public Cohort cohort(CohortRequest request, String prefix) {
        Set<String> needs = new LinkedHashSet<>();
        var vocabulary = analysis.vocabulary();
        for (String need : request.needs()) {
            for (String code : need.split(",")) {
                String id = code.strip();
                if (id.isEmpty()) {
                    continue;
                }
                if (vocabulary.needs().stream().noneMatch(n -> n.id().equals(id))) {
                    throw new InvalidInputException(prefix + "need", "unknown need \"" + id + "\" (expected one of: "
                            + String.join(", ", vocabulary.needs().stream().map(n -> n.id()).toList()) + ")");
                }
                needs.add(id);
            }
        }
        Cohort.NeedMatch match = request.match() == null ? Cohort.NeedMatch.ALL
                : Vocabulary.parse(Cohort.NeedMatch.class, request.match()).orElseThrow(() -> new InvalidInputException(
                        prefix + "match", "match \"" + request.match() + "\" is not all, any or exactly"));
        String borough = request.borough() == null ? null : analysis.boroughId(null, request.borough(), prefix + "borough");
        SettingKind entry = request.entry() == null ? null : Vocabulary.parse(SettingKind.class, request.entry())
                .filter(kind -> kind != SettingKind.COMMUNITY)
                .orElseThrow(() -> new InvalidInputException(prefix + "entry", "entry \"" + request.entry()
                        + "\" is not an entry setting kind (police_custody, magistrates_court, crown_court, "
                        + "probation_office, prison)"));
        Gender gender = request.gender() == null ? null : Vocabulary.parse(Gender.class, request.gender())
                .orElseThrow(() -> new InvalidInputException(prefix + "gender", "gender \"" + request.gender()
                        + "\" is not one of " + String.join(", ", Vocabulary.codes(Gender.class))));
        LocalDate[] period = period(request, prefix);
        List<String> inVocabularyOrder = vocabulary.needs().stream().map(n -> n.id()).filter(needs::contains).toList();
        try {
            return new Cohort(inVocabularyOrder, match, borough, entry, request.ageBand(), gender, period[0], period[1]);
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(prefix + "to", e.getMessage());
        }
    }

    private LocalDate[] period(CohortRequest request, String prefix) {
        if (request.financialYear() != null) {
            Matcher m = FINANCIAL_YEAR.matcher(request.financialYear().strip());
            int start = m.matches() ? Integer.parseInt(m.group(1)) : -1;
            int end = m.matches() ? Integer.parseInt(m.group(2)) : -1;
            if (start < 0 || (end != (start + 1) % 100 && end != start + 1)) {
                throw new InvalidInputException(prefix + "financialYear", "financial year \"" + request.financialYear()
                        + "\" is not a year and the next, such as 2013/14 (1 April 2013 to 31 March 2014)");
            }
            return financialYear(start);
        }
        if (request.year() != null) {
            try {
                int year = Integer.parseInt(request.year().strip());
                return new LocalDate[] {LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31)};
            } catch (RuntimeException e) {
                throw new InvalidInputException(prefix + "year", "year \"" + request.year() + "\" is not a year");
            }
        }
        if (request.from() != null || request.to() != null) {
            if (request.from() == null || request.to() == null) {
                throw new InvalidInputException(prefix + (request.from() == null ? "from" : "to"),
                        "give both from and to (YYYY-MM-DD), or a financial year");
            }
            return new LocalDate[] {day(request.from(), prefix + "from"), day(request.to(), prefix + "to")};
        }
        LocalDate end = analysis.defaultAsOf();
        return financialYear(end.getMonthValue() >= 4 ? end.getYear() - 1 : end.getYear() - 2);
    }

    /** The financial year from 1 April of {@code startYear} to 31 March after it. */
    static LocalDate[] financialYear(int startYear) {
        return new LocalDate[] {LocalDate.of(startYear, 4, 1), LocalDate.of(startYear + 1, 3, 31)};
    }

    private static LocalDate day(String text, String field) {
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, field + " \"" + text + "\" is not a date (expected YYYY-MM-DD)");
        }
    }

    /** How finely to name steps: sector, kind or service (a name, analysts only — checked by the caller). */
    public static PathwayLevel level(String text) {
        return text == null ? PathwayLevel.KIND : Vocabulary.parse(PathwayLevel.class, text).orElseThrow(() ->
                new InvalidInputException("level", "level \"" + text + "\" is not sector, kind or service"));
    }

    /** How many pathway types to show one by one, 1 to {@value #MOST_TYPES}. */
    public static int top(String text) {
        if (text == null) {
            return DEFAULT_TYPES;
        }
        try {
            int top = Integer.parseInt(text.strip());
            if (top >= 1 && top <= MOST_TYPES) {
                return top;
            }
        } catch (NumberFormatException e) {
            // said below
        }
        throw new InvalidInputException("top", "top \"" + text + "\" is not a whole number from 1 to " + MOST_TYPES);
    }

    /**
     * The cohort's pathway types at {@code level}, the {@code top} types with most people shown one by one and the
     * rest as "other pathways". Under disclosure control, types whose people would show as "*" are never shown one
     * by one, and the top types are chosen and ordered by the people they show.
     */
    public PathwaysResult pathways(Cohort cohort, PathwayLevel level, int top, boolean disclosureControl) {
        PathwaysResult all = PathwayAnalysis.pathways(history(Episodes.span(cohort)), cohort, level);
        Comparator<PathwayType> bySteps = Comparator.comparing(type -> String.join(" → ", type.steps()));
        if (!disclosureControl) {
            return all.condensed(top, Comparator.comparing(PathwayType::people, Comparator.reverseOrder()).thenComparing(bySteps),
                    type -> true);
        }
        return all.condensed(top, Comparator.comparingLong((PathwayType type) -> Disclosure.shownOrZero(type.people()))
                .reversed().thenComparing(bySteps), type -> !Disclosure.suppressed(type.people()));
    }

    /** One cohort against another (first − second). */
    public ComparisonResult compare(Cohort first, Cohort second) {
        return PathwayAnalysis.compare(history(Episodes.span(first).union(Episodes.span(second))), first, second);
    }

    private ReferralHistory history(Episodes.Span span) {
        return histories.get(span, () -> analysis.referralHistory(span.after(), span.through()));
    }

    /** Forgets histories read before an import. */
    public void invalidate() {
        histories.clear();
    }

    /** Every financial year the data covers, latest first ("2014/15", "2013/14" …), for forms. */
    public List<String> financialYears() {
        var vocabulary = analysis.vocabulary();
        List<String> years = new ArrayList<>();
        if (vocabulary.latest() == null || vocabulary.earliest() == null) {
            return years;
        }
        LocalDate last = vocabulary.latest();
        int end = last.getMonthValue() >= 4 ? last.getYear() : last.getYear() - 1;
        LocalDate first = vocabulary.earliest();
        int start = first.getMonthValue() >= 4 ? first.getYear() : first.getYear() - 1;
        for (int y = end; y >= start; y--) {
            years.add(y + "/" + String.format("%02d", (y + 1) % 100));
        }
        return years;
    }
}
