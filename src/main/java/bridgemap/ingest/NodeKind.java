package bridgemap.ingest;

import java.util.Arrays;
import java.util.Collection;
import java.util.Optional;

/** The node labels of the model, with the noun used for them in messages. */
public enum NodeKind {
    BOROUGH("Borough", "borough"),
    AGENCY("Agency", "agency"),
    SETTING("Setting", "setting"),
    NEED("Need", "need"),
    SERVICE("Service", "service"),
    PRACTITIONER("Practitioner", "practitioner"),
    FUNDER("Funder", "funder"),
    CASE("Case", "case"),
    REFERRAL("Referral", "referral");

    private final String label;
    private final String noun;

    NodeKind(String label, String noun) {
        this.label = label;
        this.noun = noun;
    }

    public String label() {
        return label;
    }

    public String noun() {
        return noun;
    }

    public static Optional<NodeKind> byLabel(String label) {
        return Arrays.stream(values()).filter(k -> k.label.equals(label)).findFirst();
    }

    /** "a setting, agency or practitioner". */
    static String nouns(Collection<NodeKind> kinds) {
        String joined = list(kinds);
        return (joined.matches("^[aeiou].*") ? "an " : "a ") + joined;
    }

    /** "setting, agency or practitioner". */
    static String list(Collection<NodeKind> kinds) {
        var nouns = kinds.stream().map(NodeKind::noun).toList();
        return nouns.size() == 1 ? nouns.get(0)
                : String.join(", ", nouns.subList(0, nouns.size() - 1)) + " or " + nouns.get(nouns.size() - 1);
    }
}
