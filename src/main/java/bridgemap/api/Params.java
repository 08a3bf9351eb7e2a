package bridgemap.api;

import bridgemap.analysis.planning.TimelineResult;
import bridgemap.service.AnalysisService;
import bridgemap.service.InvalidInputException;
import bridgemap.privacy.Disclosure;
import bridgemap.privacy.Role;
import bridgemap.model.Sector;
import bridgemap.model.Vocabulary;
import io.javalin.http.Context;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/** Query parameters, read strictly: a bad value is an {@link InvalidInputException} naming the parameter. */
final class Params {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");

    private Params() {}

    /** {@code asOf}, or null when absent (the analyses then use their default day). */
    static LocalDate asOf(Context ctx) {
        return date(ctx, "asOf");
    }

    /** The date parameter {@code name}, or null when absent. */
    static LocalDate date(Context ctx, String name) {
        String value = blankToNull(ctx.queryParam(name));
        if (value == null) {
            return null;
        }
        if (!ISO_DATE.matcher(value).matches()) {
            throw new InvalidInputException(name, name + " \"" + value + "\" is not a date (expected YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, name + " \"" + value + "\" is not a real date");
        }
    }

    /** {@code years}: calendar (the default) or financial. */
    static TimelineResult.YearsBy yearsBy(Context ctx) {
        String value = blankToNull(ctx.queryParam("years"));
        if (value == null) {
            return TimelineResult.YearsBy.CALENDAR;
        }
        return Vocabulary.parse(TimelineResult.YearsBy.class, value).orElseThrow(() -> new InvalidInputException("years",
                "years \"" + value + "\" is not calendar or financial"));
    }

    /**
     * {@code asOf} as this caller may ask for it: a researcher's day is a month end
     * ({@link Disclosure#researcherDay}), the default day included; other callers get {@link #asOf(Context)}.
     */
    static LocalDate asOf(Context ctx, AnalysisService analysis) {
        LocalDate day = asOf(ctx);
        if (Caller.of(ctx).role() != Role.RESEARCHER) {
            return day;
        }
        return Disclosure.researcherDay(day == null ? analysis.defaultAsOf() : day);
    }

    /** The analysis scope of the request: its day (as {@link #asOf(Context, AnalysisService)}) and borough. */
    static AnalysisService.Scope scope(Context ctx, AnalysisService analysis) {
        return analysis.scope(asOf(ctx, analysis), borough(ctx));
    }

    static String borough(Context ctx) {
        return blankToNull(ctx.queryParam("borough"));
    }

    static Sector sector(Context ctx) {
        String value = blankToNull(ctx.queryParam("sector"));
        if (value == null) {
            return null;
        }
        return Vocabulary.parse(Sector.class, value).orElseThrow(() -> new InvalidInputException("sector",
                "unknown sector \"" + value + "\" (expected one of: " + String.join(", ", Vocabulary.codes(Sector.class)) + ")"));
    }

    /** {@code level} of the network: node, region, borough, organisation or auto; null when absent. */
    static String level(Context ctx) {
        String value = blankToNull(ctx.queryParam("level"));
        if (value == null) {
            return null;
        }
        String code = value.toLowerCase(java.util.Locale.ROOT);
        if (!java.util.List.of("node", "auto", "region", "borough", "organisation").contains(code)) {
            throw new InvalidInputException("level", "level \"" + value
                    + "\" is not one of: node, auto, region, borough, organisation");
        }
        return code;
    }

    /** {@code region}: a region's name as {@code /api/boroughs} gives it, or null when absent. */
    static String region(Context ctx) {
        return blankToNull(ctx.queryParam("region"));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
