package bridgemap.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;

/**
 * The referral outcome model shared by the London demo and the synthetic generator: how often a referral is
 * accepted, declined, unanswered or withdrawn, with and without a broker, and how a need the service excludes
 * changes that. Each draw takes numbers from the caller's random source in a fixed order, so a seed still
 * fixes every outcome.
 */
final class ReferralOutcomes {

    private ReferralOutcomes() {
    }

    /**
     * Outcome and reason of a referral to a service: {@code excludedNeed} is the first of the person's needs the
     * service excludes (a need code), or null when it excludes none of them.
     */
    static String[] toService(SplittableRandom rnd, String excludedNeed, boolean brokered) {
        double u = rnd.nextDouble();
        if (excludedNeed != null) {
            double accept = brokered ? 0.10 : 0.05;
            if (u < accept) {
                return new String[] {"accepted", ""};
            }
            if (u < accept + (brokered ? 0.80 : 0.82)) {
                return new String[] {"declined", "excludes " + needLabel(excludedNeed)};
            }
            return new String[] {"no_response", ""};
        }
        if (brokered) {
            if (u < 0.78) {
                return new String[] {"accepted", ""};
            }
            if (u < 0.85) {
                return new String[] {"declined", rnd.nextBoolean() ? "threshold not met" : "waiting list closed"};
            }
            if (u < 0.93) {
                return new String[] {"no_response", ""};
            }
            return new String[] {"withdrawn", "person disengaged"};
        }
        if (u < 0.48) {
            return new String[] {"accepted", ""};
        }
        if (u < 0.64) {
            return new String[] {"declined", rnd.nextBoolean() ? "insufficient information" : "threshold not met"};
        }
        if (u < 0.94) {
            return new String[] {"no_response", ""};
        }
        return new String[] {"withdrawn", "person disengaged"};
    }

    /** Outcome of a referral to an agency (or practitioner): accepted, declined or no response. */
    static String toAgency(SplittableRandom rnd, double accept, double decline) {
        double u = rnd.nextDouble();
        return u < accept ? "accepted" : u < accept + decline ? "declined" : "no_response";
    }

    /** A referral made within three weeks of the data's last day is still pending six times in ten. */
    static String pendingOr(SplittableRandom rnd, LocalDate day, LocalDate last, String outcome) {
        if (ChronoUnit.DAYS.between(day, last) < 21 && rnd.nextDouble() < 0.6) {
            return "pending";
        }
        return outcome;
    }

    /** A need code in words, as a decline reason names it: {@code mood_anxiety} → "depression or anxiety". */
    static String needLabel(String need) {
        return need.replace('_', ' ').replace("mood anxiety", "depression or anxiety").replace("women specific", "women's needs");
    }
}
