package bridgemap.ingest;

import java.util.List;

/** An import refused because of bad input; nothing was written. Carries every problem found. */
public class BundleRejectedException extends Exception {

    private final transient List<Problem> problems;

    public BundleRejectedException(List<Problem> problems) {
        super(summary(problems));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }

    private static String summary(List<Problem> problems) {
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a rejected bundle needs at least one problem");
        }
        return problems.size() == 1
                ? "bundle rejected: " + problems.get(0)
                : "bundle rejected with " + problems.size() + " problems; first: " + problems.get(0);
    }
}
