package bridgemap.ingest;

import bridgemap.model.Period;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** Typed access to one row's cells; each bad cell adds a {@link Problem} naming file, line and column. */
final class RowFields {

    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final int MAX_ID_LENGTH = 100;

    private final CsvTable.Row row;
    private final List<Problem> problems;
    private boolean valid = true;

    RowFields(CsvTable.Row row, List<Problem> problems) {
        this.row = row;
        this.problems = problems;
    }

    /** False once any cell of this row was reported. */
    boolean valid() {
        return valid;
    }

    int line() {
        return row.line();
    }

    String file() {
        return row.file().fileName();
    }

    /** Marks the row bad without a message of its own (the cause is reported elsewhere). */
    void invalidate() {
        valid = false;
    }

    void problem(String column, String message) {
        problems.add(new Problem(file(), row.line(), column, message));
        valid = false;
    }

    /** A required text cell; null (and a problem) when empty. */
    String required(String column) {
        String value = row.get(column);
        if (value == null) {
            problem(column, "required value is empty");
        }
        return value;
    }

    String optional(String column) {
        return row.get(column);
    }

    /** A required id: 1–100 characters, no control characters and no ';' (the list separator). */
    String id(String column) {
        String value = required(column);
        if (value != null && !isValidId(value)) {
            problem(column, "\"" + printable(value) + "\" is not a usable id (1–" + MAX_ID_LENGTH
                    + " characters, no control characters, no ';')");
            return null;
        }
        return value;
    }

    static boolean isValidId(String value) {
        return !value.isEmpty() && value.length() <= MAX_ID_LENGTH && value.indexOf(';') < 0
                && value.chars().noneMatch(Character::isISOControl);
    }

    LocalDate date(String column, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        if (!ISO_DATE.matcher(value).matches()) {
            problem(column, "\"" + printable(value) + "\" is not a date (expected YYYY-MM-DD)");
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problem(column, "\"" + value + "\" is not a real date");
            return null;
        }
    }

    /** {@code start}/{@code end} columns as a period; end before start is a problem. */
    Period period(boolean startRequired) {
        LocalDate start = date("start", startRequired);
        LocalDate end = date("end", false);
        if (start != null && end != null && end.isBefore(start)) {
            problem("end", end + " is before start " + start);
            return null;
        }
        return new Period(start, end);
    }

    <E extends Enum<E> & Vocabulary> E vocabulary(String column, Class<E> type, String what, boolean required) {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        Optional<E> parsed = Vocabulary.parse(type, value);
        if (parsed.isEmpty()) {
            problem(column, "unknown " + what + " \"" + printable(value) + "\" (expected one of: "
                    + String.join(", ", Vocabulary.codes(type)) + ")");
            return null;
        }
        return parsed.get();
    }

    /** A decimal number in [min, max] (or (min, max] when {@code minExclusive}). */
    Double number(String column, boolean required, double min, boolean minExclusive, double max) {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        double parsed;
        try {
            parsed = Double.parseDouble(value);
        } catch (NumberFormatException e) {
            problem(column, "\"" + printable(value) + "\" is not a number");
            return null;
        }
        if (!Double.isFinite(parsed) || (minExclusive ? parsed <= min : parsed < min) || parsed > max) {
            problem(column, value + " is out of range (" + (minExclusive ? "more than " : "at least ")
                    + trim(min) + ", at most " + trim(max) + ")");
            return null;
        }
        return parsed;
    }

    Integer wholeNumber(String column, int min, int max) {
        Long parsed = wholeNumber(column, false, min, max);
        return parsed == null ? null : parsed.intValue();
    }

    /** A whole number in [min, max]; null (and a problem when {@code required}) when empty. */
    Long wholeNumber(String column, boolean required, long min, long max) {
        String value = required ? required(column) : optional(column);
        if (value == null) {
            return null;
        }
        long parsed;
        try {
            parsed = Long.parseLong(value);
        } catch (NumberFormatException e) {
            problem(column, "\"" + printable(value) + "\" is not a whole number");
            return null;
        }
        if (parsed < min || parsed > max) {
            problem(column, value + " is out of range (" + min + " to " + max + ")");
            return null;
        }
        return parsed;
    }

    /** A ';'-separated list; empty items and repeats are problems. */
    List<String> list(String column) {
        String value = optional(column);
        if (value == null) {
            return List.of();
        }
        List<String> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String raw : value.split(";", -1)) {
            String item = raw.strip();
            if (item.isEmpty()) {
                problem(column, "empty item in list \"" + printable(value) + "\" (items are separated by ';')");
                continue;
            }
            if (!seen.add(item)) {
                problem(column, "\"" + printable(item) + "\" is listed twice");
                continue;
            }
            items.add(item);
        }
        return items;
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    /** The value as it may safely appear in a message: control characters escaped, long values cut. */
    static String printable(String value) {
        StringBuilder out = new StringBuilder();
        value.codePoints().limit(80).forEach(c -> {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", c));
            } else {
                out.appendCodePoint(c);
            }
        });
        if (value.codePointCount(0, value.length()) > 80) {
            out.append('…');
        }
        return out.toString();
    }
}
