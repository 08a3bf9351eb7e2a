package bridgemap.model;

import java.time.LocalDate;

/**
 * When a dated fact holds: from {@code start} to {@code end}, both inclusive; a null start means
 * "since before the data begins", a null end means open-ended.
 */
public record Period(LocalDate start, LocalDate end) {

    public static final Period ALWAYS = new Period(null, null);

    public Period {
        if (start != null && end != null && end.isBefore(start)) {
            throw new IllegalArgumentException("end " + end + " is before start " + start);
        }
    }

    /** True when the fact holds on day {@code day}. */
    public boolean contains(LocalDate day) {
        return (start == null || !day.isBefore(start)) && (end == null || !day.isAfter(end));
    }

    /** True when the fact has an end and it falls in (day, day + days]. */
    public boolean endsWithin(LocalDate day, int days) {
        return end != null && end.isAfter(day) && !end.isAfter(day.plusDays(days));
    }
}
