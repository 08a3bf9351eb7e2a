package bridgemap.api;

import bridgemap.app.InvalidInputException;
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
        String value = blankToNull(ctx.queryParam("asOf"));
        if (value == null) {
            return null;
        }
        if (!ISO_DATE.matcher(value).matches()) {
            throw new InvalidInputException("asOf", "asOf \"" + value + "\" is not a date (expected YYYY-MM-DD)");
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidInputException("asOf", "asOf \"" + value + "\" is not a real date");
        }
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

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
