package bridgemap.cli;

import java.time.LocalDate;
import picocli.CommandLine.Option;

/** Options shared by the {@code analyze} commands. */
final class AnalysisOptions {

    enum Format { table, json, csv }

    @Option(names = "--as-of", paramLabel = "YYYY-MM-DD",
            description = "The day to analyse (default: the latest referral date in the store).")
    LocalDate asOf;

    @Option(names = "--borough", paramLabel = "NAME|GSS", description = "Only this borough: its name (e.g. Lambeth, \"hammersmith and fulham\") or GSS code (E09000022).")
    String borough;

    @Option(names = "--format", defaultValue = "table", description = "table (for people), json or csv (for tools). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--section", paramLabel = "NAME", description = "With --format csv: print only this table.")
    String section;

    @Option(names = "--role", paramLabel = "ROLE",
            description = "researcher: JSON under disclosure control (counts of people and referrals 1–7 as *, others rounded to 5).")
    String role;
}
