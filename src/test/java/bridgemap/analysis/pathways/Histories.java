package bridgemap.analysis.pathways;

import bridgemap.model.Borough;
import bridgemap.model.Case;
import bridgemap.model.Gender;
import bridgemap.model.NetworkNode;
import bridgemap.model.NodeType;
import bridgemap.model.Outcome;
import bridgemap.model.Period;
import bridgemap.model.Referral;
import bridgemap.model.ReferralHistory;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Referral histories written in code for the pathway tests: settings, a broker, services with kinds, people and
 * their referrals, read back as a {@link ReferralHistory}. Record keys are 0, so counts are tallies with key 0.
 */
final class Histories {

    private final Map<String, NetworkNode> nodes = new LinkedHashMap<>();
    private final List<Service> services = new ArrayList<>();
    private final List<Case> cases = new ArrayList<>();
    private final List<Referral> referrals = new ArrayList<>();

    /** The London-like network every test starts from: two courts, custody, probation, an FMHP and four services. */
    static Histories network() {
        return new Histories()
                .setting("court", "magistrates_court").setting("crown", "crown_court").setting("custody", "police_custody")
                .setting("probation", "probation_office")
                .node("fmhp", NodeType.PRACTITIONER, Sector.VOLUNTARY, "FMHP")
                .service("cmht", Sector.HEALTH, "community mental health team")
                .service("drugs", Sector.SUBSTANCE_MISUSE, "drug and alcohol service")
                .service("dual", Sector.HEALTH, "dual diagnosis service")
                .service("housing", Sector.HOUSING, null);
    }

    Histories setting(String id, String kind) {
        return node(id, NodeType.SETTING, Sector.CRIMINAL_JUSTICE, kind);
    }

    Histories node(String id, NodeType type, Sector sector, String kind) {
        nodes.put(id, new NetworkNode(id, type, id + " name", sector, kind, null));
        return this;
    }

    Histories service(String id, Sector sector, String kind) {
        node(id, NodeType.SERVICE, sector, "service");
        services.add(new Service(id, id + " name", "agency", List.of("B1"), List.of(), List.of(), null, null,
                new Period(null, null), kind));
        return this;
    }

    Histories person(String id, String borough, String ageBand, Gender gender, String... needs) {
        cases.add(new Case(id, borough, ageBand, gender, List.of(needs)));
        return this;
    }

    Histories person(String id, String... needs) {
        return person(id, "B1", "25-34", Gender.MALE, needs);
    }

    Histories referral(String caseId, LocalDate date, String from, String to, Outcome outcome) {
        referrals.add(new Referral("r" + (referrals.size() + 1000), caseId, date, from, to, outcome, null));
        return this;
    }

    ReferralHistory build(LocalDate after, LocalDate through, LocalDate dataEnd) {
        List<Referral> inSpan = referrals.stream()
                .filter(r -> r.date().isAfter(after) && !r.date().isAfter(through))
                .sorted(Comparator.comparing(Referral::date).thenComparing(Referral::id)).toList();
        List<String> withReferrals = inSpan.stream().map(Referral::caseId).distinct().toList();
        return new ReferralHistory(after, through, dataEnd, List.of(new Borough("B1", "Islington", null),
                new Borough("B2", "Sutton", null)), List.of(), nodes, services,
                cases.stream().filter(c -> withReferrals.contains(c.id())).toList(), inSpan);
    }
}
