package bridgemap.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** The files a bundle may hold, in the order they are validated and written, with their columns. */
public enum BundleFile {
    BOROUGHS("boroughs.csv", List.of("id", "name"), List.of("region")),
    AGENCIES("agencies.csv", List.of("id", "name", "sector", "kind"), List.of("ods_code")),
    NEEDS("needs.csv", List.of("id", "name"), List.of()),
    FUNDERS("funders.csv", List.of("id", "name", "kind"), List.of()),
    SETTINGS("settings.csv", List.of("id", "name", "kind", "borough", "run_by"), List.of()),
    SERVICES("services.csv", List.of("id", "name", "agency", "boroughs"),
            List.of("accepts", "excludes", "capacity_per_month", "wait_weeks", "start", "end", "kind")),
    PRACTITIONERS("practitioners.csv", List.of("id", "role", "employer", "fte", "start"), List.of("discipline", "end")),
    PLACEMENTS("placements.csv", List.of("practitioner", "setting", "start"), List.of("end")),
    FUNDING("funding.csv", List.of("funder", "practitioner", "start"), List.of("amount_gbp", "end")),
    PARTNERSHIPS("partnerships.csv", List.of("from", "to", "kind"), List.of("start", "end")),
    CASES("cases.csv", List.of("id", "borough"), List.of("age_band", "gender", "needs")),
    REFERRALS("referrals.csv", List.of("id", "case", "date", "from", "to", "outcome"), List.of("reason")),
    CATCHMENTS("catchments.csv", List.of("setting", "boroughs"), List.of("area")),
    ACTIVITY("activity.csv", List.of("setting", "start", "end", "measure", "count"), List.of("mental_health_share", "source")),
    POPULATIONS("populations.csv", List.of("borough", "year", "population"), List.of("source")),
    SUCCESSIONS("successions.csv", List.of("predecessor", "successor", "date"), List.of("takes", "note"));

    /** Files a backup writes only when they have rows, so a store without them keeps the fingerprint it had before. */
    public static final Set<BundleFile> WRITTEN_WHEN_NOT_EMPTY = java.util.EnumSet.of(CATCHMENTS, ACTIVITY, POPULATIONS,
            SUCCESSIONS);

    /** Columns that would identify a person; never accepted in {@code cases.csv}. */
    public static final Set<String> IDENTIFYING_COLUMNS = Set.of(
            "name", "first_name", "firstname", "forename", "last_name", "lastname", "surname", "full_name",
            "dob", "date_of_birth", "birth_date", "nhs_number", "nhs_no", "nhs", "pnc", "pnc_number", "pnc_id",
            "address", "postcode", "phone", "email");

    /**
     * True when {@code column} names an identifying column, however it is spelt: case, spaces, hyphens and dots do
     * not matter ("NHS Number", "Date-of-birth" and "D.O.B." are all identifying).
     */
    public static boolean isIdentifying(String column) {
        String name = column.strip().toLowerCase(java.util.Locale.ROOT);
        return IDENTIFYING_COLUMNS.contains(name) || IDENTIFYING_COLUMNS.contains(name.replaceAll("[\\s-]+", "_"))
                || IDENTIFYING_COLUMNS.contains(name.replaceAll("[\\s._-]+", ""));
    }

    private final String fileName;
    private final List<String> required;
    private final List<String> optional;

    BundleFile(String fileName, List<String> required, List<String> optional) {
        this.fileName = fileName;
        this.required = required;
        this.optional = optional;
    }

    public String fileName() {
        return fileName;
    }

    public List<String> requiredColumns() {
        return required;
    }

    public List<String> optionalColumns() {
        return optional;
    }

    /** Required then optional columns, as the contract lists them. */
    public List<String> allColumns() {
        return java.util.stream.Stream.concat(required.stream(), optional.stream()).toList();
    }

    public static Optional<BundleFile> byName(String fileName) {
        return Arrays.stream(values()).filter(f -> f.fileName.equals(fileName)).findFirst();
    }

    /** Position of {@code fileName} in the bundle order; unknown names sort last. */
    static int order(String fileName) {
        return byName(fileName).map(Enum::ordinal).orElse(values().length);
    }

    /** The file names, in order, for messages. */
    public static String expectedNames() {
        return String.join(", ", Arrays.stream(values()).map(BundleFile::fileName).toList());
    }
}
