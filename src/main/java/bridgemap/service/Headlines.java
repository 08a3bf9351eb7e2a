package bridgemap.service;

import bridgemap.model.Ratio;
import bridgemap.model.Tally;
import java.time.LocalDate;

/**
 * The overview's numbers as of a day and a year before: cover, funding, people between two stools or with a
 * need no service takes, dead ends, criminal justice → health loss, and brokered against direct acceptance.
 */
public record Headlines(Numbers current, Numbers yearBefore) {

    /** One day's numbers; rates are fractions, null where undefined. */
    public record Numbers(LocalDate asOf, int boroughsWithCover, int practitionersPlaced, double fte, int holes,
            int fragile, double fundingActiveGbp, Tally peopleBetweenTwoStools, Tally peopleUnserved, Tally deadEnds,
            Tally resolved, Ratio deadEndRate, Tally criminalJusticeToHealth, Ratio criminalJusticeToHealthLoss,
            Ratio brokeredAcceptance, Ratio directAcceptance) {}
}
