package bridgemap.report;

import bridgemap.analysis.coverage.CoverageResult;
import bridgemap.model.Borough;
import bridgemap.model.Need;
import bridgemap.model.NetworkSnapshot;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The names people read for the codes results keep: needs as the bundle's {@code needs.csv} names them
 * ("depression and anxiety", not {@code mood_anxiety}) and boroughs by name, for tables and headings. A code
 * with no stored name is written as its words ({@code mood anxiety}).
 */
public record Names(Map<String, String> needs, Map<String, String> boroughs, Map<String, List<String>> places) {

    /** No stored names: codes as words. */
    public static final Names CODES = new Names(Map.of(), Map.of(), Map.of());

    public Names {
        needs = Map.copyOf(needs);
        boroughs = Map.copyOf(boroughs);
        places = Map.copyOf(places);
    }

    public Names(Map<String, String> needs, Map<String, String> boroughs) {
        this(needs, boroughs, Map.of());
    }

    /** The needs and boroughs of {@code snapshot}, and the settings that make each place (borough × setting kind). */
    public static Names of(NetworkSnapshot snapshot) {
        Names base = of(snapshot.needs(), snapshot.boroughs());
        Map<String, List<String>> places = new HashMap<>();
        Map<String, List<String>> served = snapshot.boroughsServed();
        for (Setting setting : snapshot.settings()) {
            for (String borough : served.getOrDefault(setting.id(), List.of())) {
                places.computeIfAbsent(placeKey(borough, setting.kind()), k -> new ArrayList<>()).add(setting.name());
            }
        }
        return new Names(base.needs(), base.boroughs(), places);
    }

    public static Names of(List<Need> needs, List<Borough> boroughs) {
        Map<String, String> needNames = new HashMap<>();
        needs.stream().filter(n -> n.name() != null && !n.name().isBlank())
                .forEach(n -> needNames.putIfAbsent(n.id(), inText(n.name())));
        Map<String, String> boroughNames = new HashMap<>();
        boroughs.forEach(b -> boroughNames.putIfAbsent(b.id(), b.name()));
        return new Names(needNames, boroughNames);
    }

    /**
     * A need's name as it reads mid-sentence, as the web pages write it ({@code format.js}): a first capital before
     * a lower-case letter becomes lower case ("Depression and anxiety" → "depression and anxiety"; "HIV" stays).
     */
    public static String inText(String name) {
        return name.length() > 1 && Character.isUpperCase(name.charAt(0)) && !Character.isUpperCase(name.charAt(1))
                ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    /** "depression and anxiety" for {@code mood_anxiety}. */
    public String need(String id) {
        return needs.getOrDefault(id, id.replace('_', ' '));
    }

    /** "personality disorder + substance (drug) misuse". */
    public String needs(List<String> ids) {
        return ids.stream().map(this::need).collect(Collectors.joining(" + "));
    }

    /** "Lambeth" for {@code E09000022}; the code when no name is stored. */
    public String borough(String id) {
        return boroughs.getOrDefault(id, id);
    }

    /**
     * A place as people know it: by its real settings and the borough it serves — "Wood Green Crown Court (Haringey)",
     * "Camberwell Green Magistrates' Court (Lambeth)" — never a setting named after its borough; "Haringey: Crown Court"
     * when its settings are not known.
     */
    public String place(String boroughId, String boroughName, SettingKind kind) {
        return CoverageResult.placeName(places.getOrDefault(placeKey(boroughId, kind), List.of()), boroughName, kind);
    }

    private static String placeKey(String boroughId, SettingKind kind) {
        return boroughId + "/" + kind.code();
    }

    /** " in Lambeth" for a borough, "" for none: the end of a heading. */
    public String inBorough(String id) {
        return id == null ? "" : " in " + borough(id);
    }
}
