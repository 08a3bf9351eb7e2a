package bridgemap.openreferral;

import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.Problem;
import bridgemap.model.AgencyKind;
import bridgemap.model.Sector;
import bridgemap.model.Vocabulary;
import bridgemap.openreferral.Directory.Term;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The user-editable mapping from an Open Referral directory's vocabulary to Bridgemap's
 * ({@code data/openreferral/needs-map.csv} by default): one rule a row, {@code map,on,match,to,effect,name}.
 * <ul>
 *   <li>{@code need}: a taxonomy term ({@code on=term}: its id, code or name, whole, any case) or words in a
 *       service's name, description or eligibility text ({@code on=text}: whole words, any case) → the need
 *       {@code to}, which the service {@code accepts} or {@code excludes}; {@code name} names a need the store
 *       does not hold yet;</li>
 *   <li>{@code area}: words in a service area's name or description → the boroughs {@code to} (GSS codes, ';'-separated);</li>
 *   <li>{@code agency}: an organisation's {@code id}, {@code identifier_scheme} (e.g. GB-CHC), taxonomy {@code term} or
 *       words in its name ({@code text}) → {@code sector/kind}.</li>
 * </ul>
 * Lines starting with {@code #} are comments.
 */
final class MappingRules {

    /** The mapping shipped with Bridgemap, on the classpath. */
    static final String DEFAULT_RESOURCE = "data/openreferral/needs-map.csv";
    static final Pattern GSS_CODE = Pattern.compile("[ENSW]\\d{8}");

    enum Target { NEED, AREA, AGENCY }

    enum On { TERM, TEXT, IDENTIFIER_SCHEME, ID }

    /** One rule; {@code origin} is its row in the mapping file; {@code words} the compiled text match. */
    record Rule(Target map, On on, String match, String to, boolean excludes, String name, Origin origin, Pattern words) {

        /** True when {@code text} holds the rule's words as whole words (any case). */
        boolean matchesText(String text) {
            return text != null && words != null && words.matcher(text).find();
        }

        /** True when the term's id, code or name is the rule's match (any case). */
        boolean matchesTerm(Term term) {
            return equalsIgnoreCase(match, term.id()) || equalsIgnoreCase(match, term.term())
                    || equalsIgnoreCase(match, term.name());
        }

        /** How the report explains a mapping: 'text "anxiety"' (needs-map.csv:12). */
        String because() {
            String what = switch (on) {
                case TERM -> "term \"" + match + "\"";
                case TEXT -> "text \"" + match + "\"";
                case IDENTIFIER_SCHEME -> "identifier scheme " + match;
                case ID -> "organisation id " + match;
            };
            return what + " (" + origin.describe() + ")";
        }

        /** For agency rules: the sector of {@code sector/kind}. */
        Sector sector() {
            return Vocabulary.parse(Sector.class, to.substring(0, to.indexOf('/'))).orElseThrow();
        }

        /** For agency rules: the kind of {@code sector/kind}. */
        AgencyKind kind() {
            return Vocabulary.parse(AgencyKind.class, to.substring(to.indexOf('/') + 1)).orElseThrow();
        }

        /** For area rules: the GSS codes. */
        List<String> boroughs() {
            return Arrays.stream(to.split(";")).map(String::strip).toList();
        }

        private static boolean equalsIgnoreCase(String a, String b) {
            return b != null && a.equalsIgnoreCase(b.strip());
        }
    }

    private final String file;
    private final List<Rule> rules;

    private MappingRules(String file, List<Rule> rules) {
        this.file = file;
        this.rules = List.copyOf(rules);
    }

    /** The mapping file's name, for the report. */
    String file() {
        return file;
    }

    List<Rule> rules(Target map, On on) {
        return rules.stream().filter(r -> r.map() == map && r.on() == on).toList();
    }

    List<Rule> rules() {
        return rules;
    }

    /** The mapping shipped with Bridgemap. */
    static MappingRules defaults() {
        try (InputStream in = MappingRules.class.getClassLoader().getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing " + DEFAULT_RESOURCE + " on the classpath");
            }
            return parse("needs-map.csv", in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (BundleRejectedException e) {
            throw new IllegalStateException("The shipped mapping is invalid: " + e.getMessage(), e);
        }
    }

    /** Reads a mapping file; every bad row is reported as {@code file:line: column: message}. */
    static MappingRules parse(String file, byte[] bytes) throws BundleRejectedException {
        List<Problem> problems = new ArrayList<>();
        List<CsvRows.Row> rows = CsvRows.parse(file, bytes, '#', List.of("map", "on", "match", "to"), problems);
        List<Rule> rules = new ArrayList<>();
        if (rows != null) {
            for (CsvRows.Row row : rows) {
                Rule rule = rule(row, problems);
                if (rule != null) {
                    rules.add(rule);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new BundleRejectedException(problems);
        }
        return new MappingRules(file, rules);
    }

    private static Rule rule(CsvRows.Row row, List<Problem> problems) {
        Origin at = row.origin();
        int before = problems.size();
        Target map = parse(Target.class, row.get("map"), "map", at, problems);
        On on = parse(On.class, row.get("on"), "on", at, problems);
        String match = row.get("match");
        String to = row.get("to");
        String effect = row.get("effect");
        if (match == null) {
            problems.add(at.problem("match", "required value is empty"));
        }
        if (to == null) {
            problems.add(at.problem("to", "required value is empty"));
        }
        if (map != null && on != null) {
            List<On> allowed = switch (map) {
                case NEED -> List.of(On.TERM, On.TEXT);
                case AREA -> List.of(On.TEXT);
                case AGENCY -> List.of(On.ID, On.IDENTIFIER_SCHEME, On.TERM, On.TEXT);
            };
            if (!allowed.contains(on)) {
                problems.add(at.problem("on", "a " + code(map) + " rule matches on " + String.join(" or ",
                        allowed.stream().map(MappingRules::code).toList()) + ", not " + code(on)));
            }
        }
        if (map != null && to != null) {
            switch (map) {
                case NEED -> {
                    if (to.length() > 100 || to.contains(";") || to.chars().anyMatch(Character::isISOControl)) {
                        problems.add(at.problem("to", "\"" + to + "\" is not a usable need id"));
                    }
                    if (!"accepts".equals(effect) && !"excludes".equals(effect)) {
                        problems.add(at.problem("effect", effect == null ? "required for a need rule: accepts or excludes"
                                : "\"" + effect + "\" is not accepts or excludes"));
                    }
                }
                case AREA -> {
                    for (String code : to.split(";")) {
                        if (!GSS_CODE.matcher(code.strip()).matches()) {
                            problems.add(at.problem("to", "\"" + code.strip() + "\" is not a GSS code (e.g. E09000019)"));
                        }
                    }
                }
                case AGENCY -> {
                    int slash = to.indexOf('/');
                    String sector = slash < 0 ? to : to.substring(0, slash);
                    String kind = slash < 0 ? "" : to.substring(slash + 1);
                    if (slash < 0 || Vocabulary.parse(Sector.class, sector).isEmpty()
                            || Vocabulary.parse(AgencyKind.class, kind).isEmpty()) {
                        problems.add(at.problem("to", "\"" + to + "\" is not sector/kind (sectors: "
                                + String.join(", ", Vocabulary.codes(Sector.class)) + "; kinds: "
                                + String.join(", ", Vocabulary.codes(AgencyKind.class)) + ")"));
                    }
                }
            }
            if (map != Target.NEED && effect != null) {
                problems.add(at.problem("effect", "only need rules have an effect"));
            }
        }
        if (problems.size() > before) {
            return null;
        }
        return new Rule(map, on, match, to, "excludes".equals(effect), row.get("name"), at,
                on == On.TEXT ? wordPattern(match) : null);
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value, String column, Origin at, List<Problem> problems) {
        if (value == null) {
            problems.add(at.problem(column, "required value is empty"));
            return null;
        }
        for (E constant : type.getEnumConstants()) {
            if (code(constant).equals(value.toLowerCase(Locale.ROOT))) {
                return constant;
            }
        }
        problems.add(at.problem(column, "\"" + value + "\" is not one of " + String.join(", ",
                Arrays.stream(type.getEnumConstants()).map(MappingRules::code).toList())));
        return null;
    }

    private static String code(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }

    /** Matches {@code words} as whole words, any case; spaces in {@code words} match any run of white space. */
    static Pattern wordPattern(String words) {
        String[] parts = Objects.requireNonNull(words, "words").strip().split("\\s+");
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        for (int i = 0; i < parts.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(parts[i]));
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }
}
