package bridgemap.analysis.pathways;

import bridgemap.model.NetworkNode;
import bridgemap.model.SettingKind;
import bridgemap.model.Vocabulary;
import java.util.Map;

/**
 * How finely the steps of a pathway are named: by {@code SECTOR} ("criminal justice → voluntary → health"), by
 * {@code KIND} (the setting kind, the practitioner's role, the agency's kind, the service's kind: "magistrates'
 * court → FMHP → community mental health team"), or by {@code SERVICE} (services and settings by name, others by
 * kind; analysts only, as a named service of a small borough can point at few people).
 */
public enum PathwayLevel implements Vocabulary {
    SECTOR, KIND, SERVICE;

    @Override
    public String code() {
        return Vocabulary.codeOf(this);
    }

    /** The step's name at this level; {@code serviceKinds} gives each service's kind where its bundle states one. */
    public String label(NetworkNode node, Map<String, String> serviceKinds) {
        if (this == SECTOR) {
            return words(node.sector().code());
        }
        if (this == SERVICE && (node.type() == bridgemap.model.NodeType.SERVICE || node.type() == bridgemap.model.NodeType.SETTING)) {
            return node.name();
        }
        return switch (node.type()) {
            case SETTING -> Vocabulary.parse(SettingKind.class, node.kind()).map(SettingKind::label).orElse(words(node.kind()));
            case PRACTITIONER -> node.kind();
            case AGENCY -> words(node.kind());
            case SERVICE -> {
                String kind = serviceKinds.get(node.id());
                yield kind != null ? kind : words(node.sector().code()) + " service";
            }
        };
    }

    private static String words(String code) {
        return code.replace('_', ' ');
    }
}
