package bridgemap.model;

/** A funder paying for a practitioner's post over a period; {@code amountGbp} is for the whole period. */
public record Funding(String funderId, String practitionerId, Double amountGbp, Period period) {}
