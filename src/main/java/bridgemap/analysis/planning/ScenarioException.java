package bridgemap.analysis.planning;

import java.util.List;

/** A scenario that cannot be applied: each problem names the change and field, e.g. {@code changes[2].funder: …}. */
public final class ScenarioException extends IllegalArgumentException {

    private final transient List<String> problems;

    public ScenarioException(List<String> problems) {
        super(problems.size() == 1 ? problems.get(0) : problems.size() + " problems; first: " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems() {
        return problems;
    }
}
