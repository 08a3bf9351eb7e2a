package bridgemap.demo;

import bridgemap.model.Outcome;
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

    /** An outcome and its reason ({@code ""} when it has none). */
    record Decision(Outcome outcome, String reason) { }

    private ReferralOutcomes() {
    }

    /**
     * Outcome and reason of a referral to a service: {@code excludedNeed} is the first of the person's needs the
     * service excludes (a need code), or null when it excludes none of them.
     */
    static Decision toService(SplittableRandom rnd, String excludedNeed, boolean brokered) {
        double u = rnd.nextDouble();
        if (excludedNeed != null) {
            double accept = brokered ? 0.10 : 0.05;
            if (u < accept) {
                return new Decision(Outcome.ACCEPTED, "");
            }
            if (u < accept + (brokered ? 0.80 : 0.82)) {
                return new Decision(Outcome.DECLINED, "excludes " + needLabel(excludedNeed));
            }
            return new Decision(Outcome.NO_RESPONSE, "");
        }
        if (brokered) {
            if (u < 0.78) {
                return new Decision(Outcome.ACCEPTED, "");
            }
            if (u < 0.85) {
                return new Decision(Outcome.DECLINED, rnd.nextBoolean() ? "threshold not met" : "waiting list closed");
            }
            if (u < 0.93) {
                return new Decision(Outcome.NO_RESPONSE, "");
            }
            return new Decision(Outcome.WITHDRAWN, "person disengaged");
        }
        if (u < 0.48) {
            return new Decision(Outcome.ACCEPTED, "");
        }
        if (u < 0.64) {
            return new Decision(Outcome.DECLINED, rnd.nextBoolean() ? "insufficient information" : "threshold not met");
        }
        if (u < 0.94) {
            return new Decision(Outcome.NO_RESPONSE, "");
        }
        return new Decision(Outcome.WITHDRAWN, "person disengaged");
    }

    /** Outcome of a referral to an agency (or practitioner): accepted, declined or no response. */
    static Outcome toAgency(SplittableRandom rnd, double accept, double decline) {
        double u = rnd.nextDouble();
        return u < accept ? Outcome.ACCEPTED : u < accept + decline ? Outcome.DECLINED : Outcome.NO_RESPONSE;
    }

    /** A referral made within three weeks of the data's last day is still pending six times in ten. */
    static Outcome pendingOr(SplittableRandom rnd, LocalDate day, LocalDate last, Outcome outcome) {
        if (ChronoUnit.DAYS.between(day, last) < 21 && rnd.nextDouble() < 0.6) {
            return Outcome.PENDING;
        }
        return outcome;
    }

    /** A need code in words, as a decline reason names it: {@code mood_anxiety} → "depression or anxiety". */
    static String needLabel(String need) {
        return need.replace('_', ' ').replace("mood anxiety", "depression or anxiety").replace("women specific", "women's needs");
    }
}
