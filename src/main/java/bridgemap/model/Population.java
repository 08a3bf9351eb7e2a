package bridgemap.model;

/**
 * A borough's resident population in a year ({@code populations.csv}), such as the ONS mid-year estimate or a census.
 *
 * @param boroughId the borough
 * @param year the year the figure is for
 * @param people usual residents
 * @param source where the figure comes from, or null
 */
public record Population(String boroughId, int year, long people, String source) {

    public Population {
        if (people < 0) {
            throw new IllegalArgumentException("a population cannot be negative: " + people);
        }
    }
}
