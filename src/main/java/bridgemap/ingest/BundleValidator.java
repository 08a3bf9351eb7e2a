package bridgemap.ingest;

import bridgemap.model.Activity;
import bridgemap.model.ActivityMeasure;
import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Case;
import bridgemap.model.Catchment;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.Funding;
import bridgemap.model.Gender;
import bridgemap.model.Need;
import bridgemap.model.Outcome;
import bridgemap.model.Partnership;
import bridgemap.model.Period;
import bridgemap.model.Placement;
import bridgemap.model.Population;
import bridgemap.model.Practitioner;
import bridgemap.model.Referral;
import bridgemap.model.Sector;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import bridgemap.model.Succession;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks every rule of the bundle contract ({@code docs/bundle-format.md}) and builds the model. All
 * problems of all files are collected; if there is any, the bundle is rejected as a whole.
 */
public final class BundleValidator {

    private static final Pattern AGE_BAND = Pattern.compile("(\\d{1,3})-(\\d{1,3})|\\d{1,3}\\+|under_18|unknown");
    private static final Pattern PNC_LIKE = Pattern.compile("\\d{2,4}/\\d{1,7}[A-Za-z]");
    private static final Pattern NHS_LIKE = Pattern.compile("\\d{3}[ -]?\\d{3}[ -]?\\d{4}");
    private static final List<NodeKind> REFERRAL_SOURCES = List.of(NodeKind.SETTING, NodeKind.AGENCY, NodeKind.PRACTITIONER);
    private static final List<NodeKind> REFERRAL_TARGETS = List.of(NodeKind.SERVICE, NodeKind.AGENCY, NodeKind.PRACTITIONER);
    private static final Map<NodeKind, BundleFile> DEFINING_FILE = Map.of(
            NodeKind.BOROUGH, BundleFile.BOROUGHS, NodeKind.AGENCY, BundleFile.AGENCIES, NodeKind.NEED, BundleFile.NEEDS,
            NodeKind.FUNDER, BundleFile.FUNDERS, NodeKind.SETTING, BundleFile.SETTINGS, NodeKind.SERVICE, BundleFile.SERVICES,
            NodeKind.PRACTITIONER, BundleFile.PRACTITIONERS, NodeKind.CASE, BundleFile.CASES, NodeKind.REFERRAL, BundleFile.REFERRALS);

    /** Where an id was defined in this bundle. */
    private record Definition(NodeKind kind, String file, int line) {}

    private final StoredIds stored;
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, Definition> defined = new HashMap<>();
    /** Kinds whose file could not be read to its end: an "unknown" reference to them would only echo that. */
    private final Set<NodeKind> unreadable = EnumSet.noneOf(NodeKind.class);
    /** The bundle's valid settings by id, for the files that depend on a setting's kind or borough. */
    private final Map<String, Setting> settings = new HashMap<>();

    private BundleValidator(StoredIds stored) {
        this.stored = Objects.requireNonNull(stored, "stored");
    }

    /** Validates {@code source} against itself and the ids already {@code stored}. */
    public static Bundle validate(BundleSource source, StoredIds stored) throws BundleRejectedException {
        return new BundleValidator(stored).run(source);
    }

    private Bundle run(BundleSource source) throws BundleRejectedException {
        Map<BundleFile, List<CsvTable.Row>> rows = new EnumMap<>(BundleFile.class);
        for (BundleFile file : BundleFile.values()) {
            byte[] bytes = source.files().get(file);
            List<CsvTable.Row> read = bytes == null ? List.of() : CsvTable.parse(file, bytes, problems);
            if (read == null) {
                DEFINING_FILE.forEach((kind, definingFile) -> {
                    if (definingFile == file) {
                        unreadable.add(kind);
                    }
                });
                read = List.of();
            }
            rows.put(file, read);
        }
        // Ids first, across every node file, so references can point forwards and across files.
        defineIds(rows.get(BundleFile.BOROUGHS), NodeKind.BOROUGH);
        defineIds(rows.get(BundleFile.AGENCIES), NodeKind.AGENCY);
        defineIds(rows.get(BundleFile.NEEDS), NodeKind.NEED);
        defineIds(rows.get(BundleFile.FUNDERS), NodeKind.FUNDER);
        defineIds(rows.get(BundleFile.SETTINGS), NodeKind.SETTING);
        defineIds(rows.get(BundleFile.SERVICES), NodeKind.SERVICE);
        defineIds(rows.get(BundleFile.PRACTITIONERS), NodeKind.PRACTITIONER);
        defineIds(rows.get(BundleFile.CASES), NodeKind.CASE);
        defineIds(rows.get(BundleFile.REFERRALS), NodeKind.REFERRAL);

        List<Setting> settingRows = each(rows.get(BundleFile.SETTINGS), this::setting);
        settingRows.forEach(setting -> settings.put(setting.id(), setting));
        Bundle bundle = new Bundle(
                each(rows.get(BundleFile.BOROUGHS), this::borough),
                each(rows.get(BundleFile.AGENCIES), this::agency),
                settingRows,
                each(rows.get(BundleFile.NEEDS), this::need),
                each(rows.get(BundleFile.SERVICES), this::service),
                each(rows.get(BundleFile.PRACTITIONERS), this::practitioner),
                eachUnique(rows.get(BundleFile.PLACEMENTS), this::placement,
                        p -> List.of(p.practitionerId(), p.settingId(), p.period().start()),
                        "practitioner", "placement of this practitioner at this setting with this start"),
                each(rows.get(BundleFile.FUNDERS), this::funder),
                eachUnique(rows.get(BundleFile.FUNDING), this::funding,
                        f -> List.of(f.funderId(), f.practitionerId(), f.period().start()),
                        "funder", "funding by this funder of this practitioner with this start"),
                eachUnique(rows.get(BundleFile.PARTNERSHIPS), this::partnership,
                        p -> java.util.Arrays.asList(p.fromId(), p.toId(), p.kind(), p.period().start()),
                        "from", "partnership of this kind between these agencies with this start"),
                each(rows.get(BundleFile.CASES), this::caseRow),
                each(rows.get(BundleFile.REFERRALS), this::referral),
                eachUnique(rows.get(BundleFile.CATCHMENTS), this::catchment, c -> List.of(c.settingId()),
                        "setting", "catchment of this setting"),
                activity(rows.get(BundleFile.ACTIVITY)),
                eachUnique(rows.get(BundleFile.POPULATIONS), this::population, p -> List.of(p.boroughId(), p.year()),
                        "year", "population of this borough for this year"),
                successions(rows.get(BundleFile.SUCCESSIONS)));
        if (!problems.isEmpty()) {
            problems.sort(Problem.ORDER);
            throw new BundleRejectedException(problems);
        }
        return bundle;
    }

    // ---- ids and references -------------------------------------------------------------------

    private void defineIds(List<CsvTable.Row> rows, NodeKind kind) {
        for (CsvTable.Row row : rows) {
            String id = row.get("id");
            if (id == null || !RowFields.isValidId(id)) {
                continue; // reported when the row itself is read
            }
            Definition earlier = defined.get(id);
            if (earlier != null) {
                problems.add(new Problem(row.file().fileName(), row.line(), "id", "duplicate id \"" + id
                        + "\" (already " + article(earlier.kind()) + " at " + earlier.file() + ":" + earlier.line()
                        + "); ids must be unique across all files"));
                continue;
            }
            var storedKind = stored.kindOf(id);
            if (storedKind.isPresent() && storedKind.get() != kind) {
                problems.add(new Problem(row.file().fileName(), row.line(), "id", "id \"" + id
                        + "\" is already stored as " + article(storedKind.get()) + "; one id must mean one thing"));
            }
            // References in this bundle are read with the bundle's meaning, so one conflict is one message.
            defined.put(id, new Definition(kind, row.file().fileName(), row.line()));
        }
    }

    private static String article(NodeKind kind) {
        return NodeKind.nouns(List.of(kind));
    }

    /** A reference to one of {@code allowed}, defined in the bundle or already stored; null when bad. */
    private String reference(RowFields fields, String column, List<NodeKind> allowed) {
        String id = fields.required(column);
        return id == null ? null : resolve(fields, column, id, allowed);
    }

    private String resolve(RowFields fields, String column, String id, List<NodeKind> allowed) {
        NodeKind kind = kindOf(id);
        if (kind == null) {
            if (allowed.stream().anyMatch(unreadable::contains)) {
                fields.invalidate(); // its file is unreadable and already reported
            } else {
                fields.problem(column, "unknown " + NodeKind.list(allowed) + " \"" + RowFields.printable(id)
                        + "\" (not in this bundle or the store)");
            }
            return null;
        }
        if (!allowed.contains(kind)) {
            fields.problem(column, "\"" + RowFields.printable(id) + "\" is " + article(kind) + "; expected "
                    + NodeKind.nouns(allowed));
            return null;
        }
        return id;
    }

    private NodeKind kindOf(String id) {
        Definition definition = defined.get(id);
        if (definition != null) {
            return definition.kind();
        }
        return stored.kindOf(id).orElse(null);
    }

    private List<String> references(RowFields fields, String column, NodeKind kind) {
        List<String> ids = new ArrayList<>();
        for (String id : fields.list(column)) {
            String resolved = resolve(fields, column, id, List.of(kind));
            if (resolved != null) {
                ids.add(resolved);
            }
        }
        return ids;
    }

    // ---- rows -----------------------------------------------------------------------------------

    private interface RowReader<T> {
        T read(RowFields fields);
    }

    private <T> List<T> each(List<CsvTable.Row> rows, RowReader<T> reader) {
        List<T> out = new ArrayList<>(rows.size());
        for (CsvTable.Row row : rows) {
            if (!row.complete()) {
                continue;
            }
            RowFields fields = new RowFields(row, problems);
            T value = reader.read(fields);
            if (fields.valid() && value != null) {
                out.add(value);
            }
        }
        return out;
    }

    /** Like {@link #each}, also reporting rows whose key repeats an earlier valid row's. */
    private <T> List<T> eachUnique(List<CsvTable.Row> rows, RowReader<T> reader,
            java.util.function.Function<T, List<?>> key, String column, String what) {
        List<T> out = new ArrayList<>(rows.size());
        Map<List<?>, Integer> firstLine = new HashMap<>();
        for (CsvTable.Row row : rows) {
            if (!row.complete()) {
                continue;
            }
            RowFields fields = new RowFields(row, problems);
            T value = reader.read(fields);
            if (!fields.valid() || value == null) {
                continue;
            }
            Integer earlier = firstLine.putIfAbsent(key.apply(value), row.line());
            if (earlier != null) {
                fields.problem(column, "duplicate " + what + " (first at line " + earlier + ")");
                continue;
            }
            out.add(value);
        }
        return out;
    }

    private Borough borough(RowFields f) {
        return new Borough(f.id("id"), f.required("name"), f.optional("region"));
    }

    private Agency agency(RowFields f) {
        return new Agency(f.id("id"), f.required("name"), f.vocabulary("sector", Sector.class, "sector", true),
                f.vocabulary("kind", AgencyKind.class, "agency kind", true), f.optional("ods_code"));
    }

    private Need need(RowFields f) {
        return new Need(f.id("id"), f.required("name"));
    }

    private Funder funder(RowFields f) {
        return new Funder(f.id("id"), f.required("name"), f.vocabulary("kind", FunderKind.class, "funder kind", true));
    }

    private Setting setting(RowFields f) {
        return new Setting(f.id("id"), f.required("name"), f.vocabulary("kind", SettingKind.class, "setting kind", true),
                reference(f, "borough", List.of(NodeKind.BOROUGH)), reference(f, "run_by", List.of(NodeKind.AGENCY)));
    }

    private Service service(RowFields f) {
        String id = f.id("id");
        String name = f.required("name");
        String agency = reference(f, "agency", List.of(NodeKind.AGENCY));
        List<String> boroughs = references(f, "boroughs", NodeKind.BOROUGH);
        if (f.optional("boroughs") == null) {
            f.problem("boroughs", "required value is empty (list the boroughs served, separated by ';')");
        }
        List<String> accepts = references(f, "accepts", NodeKind.NEED);
        List<String> excludes = references(f, "excludes", NodeKind.NEED);
        for (String need : excludes) {
            if (accepts.contains(need)) {
                f.problem("excludes", "\"" + need + "\" is both accepted and excluded");
            }
        }
        Integer capacity = f.wholeNumber("capacity_per_month", 0, 1_000_000);
        Double wait = f.number("wait_weeks", false, 0, false, 520);
        Period period = f.period(false);
        return new Service(id, name, agency, boroughs, accepts, excludes, capacity, wait, period, f.optional("kind"));
    }

    private Practitioner practitioner(RowFields f) {
        String id = f.id("id");
        String role = f.required("role");
        String employer = reference(f, "employer", List.of(NodeKind.AGENCY));
        Double fte = f.number("fte", true, 0, true, 1.5);
        Period period = f.period(true);
        return new Practitioner(id, role, f.optional("discipline"), employer, fte == null ? 0 : fte, period);
    }

    private Placement placement(RowFields f) {
        return new Placement(reference(f, "practitioner", List.of(NodeKind.PRACTITIONER)),
                reference(f, "setting", List.of(NodeKind.SETTING)), f.period(true));
    }

    private Funding funding(RowFields f) {
        return new Funding(reference(f, "funder", List.of(NodeKind.FUNDER)),
                reference(f, "practitioner", List.of(NodeKind.PRACTITIONER)),
                f.number("amount_gbp", false, 0, false, 1e9), f.period(true));
    }

    private Partnership partnership(RowFields f) {
        String from = reference(f, "from", List.of(NodeKind.AGENCY));
        String to = reference(f, "to", List.of(NodeKind.AGENCY));
        if (from != null && from.equals(to)) {
            f.problem("to", "an agency cannot partner with itself");
        }
        return new Partnership(from, to, f.required("kind"), f.period(false));
    }

    private Case caseRow(RowFields f) {
        String id = f.id("id");
        if (id != null && looksIdentifying(id)) {
            f.problem("id", "looks like an NHS or PNC number; case ids must be pseudonyms (see `bridgemap pseudonymise`)");
        }
        String borough = reference(f, "borough", List.of(NodeKind.BOROUGH));
        String ageBand = f.optional("age_band");
        if (ageBand != null && !validAgeBand(ageBand)) {
            f.problem("age_band", "\"" + RowFields.printable(ageBand)
                    + "\" is not an age band (expected e.g. 18-24, 65+, under_18 or unknown)");
        }
        Gender gender = f.vocabulary("gender", Gender.class, "gender", false);
        List<String> needs = references(f, "needs", NodeKind.NEED);
        return new Case(id, borough, ageBand, gender, needs);
    }

    private Referral referral(RowFields f) {
        String id = f.id("id");
        String caseId = reference(f, "case", List.of(NodeKind.CASE));
        LocalDate date = f.date("date", true);
        String from = reference(f, "from", REFERRAL_SOURCES);
        String to = reference(f, "to", REFERRAL_TARGETS);
        if (from != null && from.equals(to)) {
            f.problem("to", "a referral cannot go to where it came from");
        }
        Outcome outcome = f.vocabulary("outcome", Outcome.class, "outcome", true);
        return new Referral(id, caseId, date, from, to, outcome, f.optional("reason"));
    }

    /** The setting with this id, from this bundle or the store; null when unknown or not readable. */
    private Setting settingOf(String id) {
        Setting setting = settings.get(id);
        return setting != null ? setting : stored.setting(id).orElse(null);
    }

    private Catchment catchment(RowFields f) {
        String setting = reference(f, "setting", List.of(NodeKind.SETTING));
        if (f.optional("boroughs") == null) {
            f.problem("boroughs", "required value is empty (list the boroughs the setting serves, separated by ';')");
            return null;
        }
        List<String> boroughs = references(f, "boroughs", NodeKind.BOROUGH);
        Setting known = setting == null ? null : settingOf(setting);
        if (f.valid() && known != null && known.boroughId() != null && !boroughs.contains(known.boroughId())) {
            f.problem("boroughs", "does not include " + known.boroughId() + ", the borough " + known.name()
                    + " stands in; a catchment lists every borough the setting serves, its own among them");
        }
        return new Catchment(setting, boroughs, f.optional("area"));
    }

    /** The activity rows, each checked on its own, then for periods that overlap (in the bundle or the store). */
    private List<Activity> activity(List<CsvTable.Row> rows) {
        List<Activity> out = new ArrayList<>();
        Map<List<Object>, List<Map.Entry<Activity, Integer>>> bySeries = new HashMap<>();
        for (CsvTable.Row row : rows) {
            if (!row.complete()) {
                continue;
            }
            RowFields fields = new RowFields(row, problems);
            Activity value = activityRow(fields);
            if (!fields.valid() || value == null) {
                continue;
            }
            List<Map.Entry<Activity, Integer>> series = bySeries.computeIfAbsent(
                    List.of(value.settingId(), value.measure()), k -> new ArrayList<>());
            String overlap = null;
            for (Map.Entry<Activity, Integer> earlier : series) {
                if (overlaps(earlier.getKey(), value)) {
                    overlap = "line " + earlier.getValue() + "'s " + span(earlier.getKey());
                    break;
                }
            }
            for (Activity kept : stored.activity()) {
                if (overlap == null && kept.settingId().equals(value.settingId()) && kept.measure() == value.measure()
                        && !kept.period().start().equals(value.period().start()) && overlaps(kept, value)) {
                    overlap = "the stored " + span(kept) + " (a row with the same start would replace it)";
                }
            }
            if (overlap != null) {
                fields.problem("start", span(value) + " overlaps " + overlap + " of " + value.measure().code() + " at "
                        + RowFields.printable(value.settingId()) + "; one setting's periods of a measure must not overlap");
                continue;
            }
            series.add(Map.entry(value, row.line()));
            out.add(value);
        }
        return out;
    }

    private Activity activityRow(RowFields f) {
        String setting = reference(f, "setting", List.of(NodeKind.SETTING));
        LocalDate start = f.date("start", true);
        LocalDate end = f.date("end", true);
        if (start != null && end != null && end.isBefore(start)) {
            f.problem("end", end + " is before start " + start);
        }
        ActivityMeasure measure = f.vocabulary("measure", ActivityMeasure.class, "measure", true);
        Setting known = setting == null ? null : settingOf(setting);
        if (measure != null && known != null && !measure.fits(known.kind())) {
            List<String> fitting = ActivityMeasure.of(known.kind()).stream().map(ActivityMeasure::code).toList();
            f.problem("measure", "\"" + measure.code() + "\" does not fit " + known.name() + " (" + known.kind().label() + ")"
                    + (fitting.isEmpty() ? "; no measure is counted at this kind of setting"
                            : "; expected " + String.join(" or ", fitting)));
        }
        Long count = f.wholeNumber("count", true, 0, 100_000_000);
        Double share = f.number("mental_health_share", false, 0, false, 1);
        if (!f.valid()) {
            return null;
        }
        return new Activity(setting, new Period(start, end), measure, count, share, f.optional("source"));
    }

    private static boolean overlaps(Activity a, Activity b) {
        return !a.period().end().isBefore(b.period().start()) && !b.period().end().isBefore(a.period().start());
    }

    private static String span(Activity a) {
        return a.period().start() + " to " + a.period().end();
    }

    private Population population(RowFields f) {
        String borough = reference(f, "borough", List.of(NodeKind.BOROUGH));
        Long year = f.wholeNumber("year", true, 1800, 2200);
        Long people = f.wholeNumber("population", true, 0, 100_000_000);
        if (!f.valid()) {
            return null;
        }
        return new Population(borough, year.intValue(), people, f.optional("source"));
    }

    /** The succession rows, each checked on its own, then against each other and the store ({@link SuccessionRules}). */
    private List<Succession> successions(List<CsvTable.Row> rows) {
        List<SuccessionRules.Line> read = new ArrayList<>();
        for (CsvTable.Row row : rows) {
            if (!row.complete()) {
                continue;
            }
            RowFields fields = new RowFields(row, problems);
            Succession value = succession(fields);
            if (fields.valid() && value != null) {
                read.add(new SuccessionRules.Line(value, row.line()));
            }
        }
        return SuccessionRules.check(read, stored.successions(), problems);
    }

    private Succession succession(RowFields f) {
        List<NodeKind> organisations = List.of(NodeKind.AGENCY, NodeKind.FUNDER);
        String predecessor = reference(f, "predecessor", organisations);
        String successor = reference(f, "successor", organisations);
        NodeKind kind = predecessor == null ? null : kindOf(predecessor);
        if (predecessor != null && predecessor.equals(successor)) {
            f.problem("successor", "an organisation cannot succeed itself");
        } else if (kind != null && successor != null && kindOf(successor) != kind) {
            f.problem("successor", "\"" + RowFields.printable(successor) + "\" is " + article(kindOf(successor))
                    + " but \"" + RowFields.printable(predecessor) + "\" is " + article(kind)
                    + "; a succession joins two agencies or two funders");
        }
        LocalDate date = f.date("date", true);
        EnumSet<Succession.Takes> takes = EnumSet.noneOf(Succession.Takes.class);
        for (String code : f.list("takes")) {
            var part = bridgemap.model.Vocabulary.parse(Succession.Takes.class, code);
            if (part.isEmpty()) {
                f.problem("takes", "unknown part \"" + RowFields.printable(code) + "\" (expected some of: "
                        + String.join(", ", bridgemap.model.Vocabulary.codes(Succession.Takes.class))
                        + ", separated by ';'; empty means role)");
            } else {
                takes.add(part.get());
            }
        }
        // Funding on two agencies, or posts and partnerships on two funders, has no rows to move: allowed, as the
        // contract does not forbid it (an organisation that is both agency and funder may list the same parts twice).
        if (!f.valid()) {
            return null;
        }
        return new Succession(predecessor, successor, date, takes, f.optional("note"));
    }

    private static boolean validAgeBand(String value) {
        var m = AGE_BAND.matcher(value);
        if (!m.matches()) {
            return false;
        }
        return m.group(1) == null || Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2));
    }

    /** True for a valid NHS number (10 digits, modulus 11) or a PNC-style id. */
    static boolean looksIdentifying(String id) {
        if (PNC_LIKE.matcher(id).matches()) {
            return true;
        }
        if (!NHS_LIKE.matcher(id).matches()) {
            return false;
        }
        String digits = id.replaceAll("[ -]", "");
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - sum % 11;
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    /** Every id the bundle defines, for tests and summaries. */
    Set<String> definedIds() {
        return new HashSet<>(defined.keySet());
    }
}
