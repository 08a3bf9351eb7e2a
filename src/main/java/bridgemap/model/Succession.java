package bridgemap.model;

import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One organisation taking over another's role from a day ({@code successions.csv}): two agencies, or two funders.
 * The predecessor's last day is the day before {@code date}. What passes to the successor besides the role is
 * {@code takes}; {@link Successions} applies it to the rows of a day.
 *
 * @param predecessorId the agency or funder replaced
 * @param successorId the agency or funder of the same kind that replaces it
 * @param date the first day the successor holds the role
 * @param takes what passes over, never empty ({@link Takes#ROLE} when the file says nothing), iterated in declaration order
 * @param note free text, e.g. the Act or order; null when not given
 */
public record Succession(String predecessorId, String successorId, LocalDate date, Set<Takes> takes, String note) {

    /** What a successor takes over. */
    public enum Takes implements Vocabulary {
        /** The predecessor's place in the network: timelines and what-ifs follow it to the successor. */
        ROLE,
        /** The predecessor's funding rows (a funder's): those running on the date are the successor's from then. */
        FUNDING,
        /** The practitioners the predecessor (an agency) employs: those in post on the date are the successor's. */
        POSTS,
        /** The predecessor's (an agency's) partnerships running on the date are the successor's from then. */
        PARTNERSHIPS;

        @Override
        public String code() {
            return Vocabulary.codeOf(this);
        }
    }

    public Succession {
        Objects.requireNonNull(predecessorId, "predecessorId");
        Objects.requireNonNull(successorId, "successorId");
        Objects.requireNonNull(date, "date");
        takes = Collections.unmodifiableSet(takes == null || takes.isEmpty() ? EnumSet.of(Takes.ROLE) : EnumSet.copyOf(takes));
        if (predecessorId.equals(successorId)) {
            throw new IllegalArgumentException(predecessorId + " cannot succeed itself");
        }
    }

    private static final java.time.format.DateTimeFormatter DAY =
            java.time.format.DateTimeFormatter.ofPattern("d MMM yyyy", java.util.Locale.ENGLISH);

    /** A day as successions are told in words: "1 Jun 2014". */
    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    /** The predecessor's last day: the day before {@link #date()}. */
    public LocalDate lastDay() {
        return date.minusDays(1);
    }

    /** True when {@code what} passes to the successor. */
    public boolean takes(Takes what) {
        return takes.contains(what);
    }

    /** True from {@link #date()} on: the successor holds what it takes on {@code day}. */
    public boolean inEffectOn(LocalDate day) {
        return !day.isBefore(date);
    }
}
