package bridgemap.analysis.gaps;

import bridgemap.model.NetworkNode;
import bridgemap.model.Tally;
import java.util.List;

/**
 * For each borough and each combination of needs its in-scope cases hold: can one service take the
 * person as a whole?
 *
 * @param conflicts unserved rows first, then split (those with blocked needs first), then served; each
 *     by cases (most first), then borough name, then needs
 */
public record ExclusionConflictsResult(List<ExclusionConflict> conflicts) {

    public ExclusionConflictsResult {
        conflicts = List.copyOf(conflicts);
    }

    /** People between two stools: the cases of {@code split} rows with a blocked need. */
    public Tally peopleBetweenTwoStools() {
        return conflicts.stream().filter(c -> c.status() == ConflictStatus.SPLIT && c.exclusion())
                .map(ExclusionConflict::cases).reduce(Tally.ZERO, Tally::plus);
    }

    /** People with a need no service serving their borough accepts: the cases of {@code unserved} rows. */
    public Tally peopleUnserved() {
        return conflicts.stream().filter(c -> c.status() == ConflictStatus.UNSERVED)
                .map(ExclusionConflict::cases).reduce(Tally.ZERO, Tally::plus);
    }

    /**
     * One borough and need set.
     *
     * @param needs the need set, in the order of the snapshot's need vocabulary
     * @param cases in-scope cases of the borough holding exactly this need set
     * @param blockedNeeds the needs of the set that are accepted only by services excluding a need of the
     *     set: whoever takes them turns the person away for another need ("between two stools"); empty for
     *     a {@code served} row and for a {@code split} that services could take side by side
     * @param unacceptedNeeds for {@code unserved}: the needs no service serving the borough accepts; else empty
     * @param services for {@code served}: the services that take the whole set; for {@code split} and
     *     {@code unserved}: every service serving the borough that accepts any need of the set, with the
     *     needs of the set it accepts and excludes
     */
    public record ExclusionConflict(
            String boroughId,
            String boroughName,
            List<String> needs,
            ConflictStatus status,
            Tally cases,
            List<String> blockedNeeds,
            List<String> unacceptedNeeds,
            List<ServiceStance> services) {

        public ExclusionConflict {
            needs = List.copyOf(needs);
            blockedNeeds = List.copyOf(blockedNeeds);
            unacceptedNeeds = List.copyOf(unacceptedNeeds);
            services = List.copyOf(services);
        }

        /** True when some need of the set is blocked: the person falls between two stools. */
        public boolean exclusion() {
            return !blockedNeeds.isEmpty();
        }
    }

    /**
     * What one service says to a need set.
     *
     * @param accepts the needs of the set it accepts
     * @param excludes the needs of the set it excludes
     */
    public record ServiceStance(NetworkNode service, List<String> accepts, List<String> excludes) {

        public ServiceStance {
            accepts = List.copyOf(accepts);
            excludes = List.copyOf(excludes);
        }
    }
}
