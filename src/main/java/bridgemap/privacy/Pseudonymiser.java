package bridgemap.privacy;

import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.CsvRecords;
import bridgemap.ingest.Problem;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Prepares a bundle for sharing without identifiers. In {@code cases.csv} the {@code id}, and in {@code referrals.csv}
 * the {@code case} and {@code id}, are replaced by keyed pseudonyms ({@link PseudonymKey}): {@code c-} and {@code r-}
 * followed by 16 hex digits, the same in both files and in every run with the same key. {@code cases.csv} keeps only
 * the contract's columns — identifying ones ({@link BundleFile#IDENTIFYING_COLUMNS}) and anything else that might
 * identify someone are dropped, each with a note; {@code referrals.csv} drops identifying columns. Other bundle files
 * are passed on byte for byte.
 *
 * <p>Referral ids are replaced too: partners' referral numbers (an NHS e-Referral UBRN, a case-management system's
 * reference) are keys into systems that name the person, so they identify as surely as a case id does.
 *
 * <p>Nothing this class reports — notes, problems, exceptions — ever contains a value from the files: only file names,
 * line numbers and column names.
 */
public final class Pseudonymiser {

    /** The prepared bundle, the notes for the person running it, and how many ids of each kind were replaced. */
    public record Result(Map<BundleFile, byte[]> files, List<String> notes, int cases, int referrals) {

        public Result {
            files = java.util.Collections.unmodifiableMap(new EnumMap<>(files));
            notes = List.copyOf(notes);
        }
    }

    /** Two different ids of one kind that share a pseudonym under this key; never names either id. */
    public static final class ClashException extends RuntimeException {
        ClashException(String kind) {
            super("two different " + kind + " ids have the same pseudonym under this key (a chance of about n²/2⁶⁵ "
                    + "for n ids); nothing was written. Make a new key and pseudonymise every bundle again.");
        }
    }

    private static final CSVFormat WRITE = CSVFormat.RFC4180.builder().setRecordSeparator('\n').get();
    static final String CASE_PREFIX = "c-";
    static final String REFERRAL_PREFIX = "r-";

    private final PseudonymKey key;
    private final List<String> notes = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();
    private final Map<String, String> caseSources = new HashMap<>();
    private final Map<String, String> referralSources = new HashMap<>();

    private Pseudonymiser(PseudonymKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    /** Pseudonymises {@code source} with {@code key}; a file that cannot be read is a {@link BundleRejectedException}. */
    public static Result pseudonymise(BundleSource source, PseudonymKey key) throws BundleRejectedException {
        return new Pseudonymiser(key).run(source);
    }

    private Result run(BundleSource source) throws BundleRejectedException {
        Map<BundleFile, byte[]> out = new EnumMap<>(BundleFile.class);
        for (var entry : source.files().entrySet()) {
            BundleFile file = entry.getKey();
            byte[] bytes = switch (file) {
                case CASES -> rewrite(file, entry.getValue());
                case REFERRALS -> rewrite(file, entry.getValue());
                default -> entry.getValue();
            };
            if (bytes != null) {
                out.put(file, bytes);
            }
        }
        if (!problems.isEmpty()) {
            problems.sort(Problem.ORDER);
            throw new BundleRejectedException(problems);
        }
        return new Result(out, notes, caseSources.size(), referralSources.size());
    }

    /** The file with its ids replaced and its identifying columns dropped; null (and problems) when unreadable. */
    private byte[] rewrite(BundleFile spec, byte[] bytes) {
        String file = spec.fileName();
        CsvRecords records = CsvRecords.open(file, bytes, (char) 0, problems);
        if (records == null) {
            return null;
        }
        if (records.header().isEmpty()) {
            return bytes;
        }
        int before = problems.size();
        List<String> header = records.header().stream().map(Pseudonymiser::columnName).toList();
        int[] keep = keptColumns(spec, header);
        if (problems.size() > before) {
            return null;
        }
        int idColumn = header.indexOf("id");
        int caseColumn = spec == BundleFile.REFERRALS ? header.indexOf("case") : -1;
        int reasonColumn = spec == BundleFile.REFERRALS ? header.indexOf("reason") : -1;
        StringWriter written = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(written, WRITE)) {
            List<String> row = new ArrayList<>(keep.length);
            for (int column : keep) {
                row.add(header.get(column));
            }
            printer.printRecord(row);
            boolean[] freeText = {false};
            boolean whole = records.forEach((line, record) -> {
                if (record.size() != header.size()) {
                    problems.add(new Problem(file, line, "(csv)",
                            "row has " + record.size() + " fields; the header has " + header.size()));
                    return;
                }
                row.clear();
                for (int column : keep) {
                    String value = record.get(column);
                    if (column == idColumn) {
                        value = spec == BundleFile.CASES ? pseudonym("case", value) : pseudonym("referral", value);
                    } else if (column == caseColumn) {
                        value = pseudonym("case", value);
                    } else if (column == reasonColumn && !value.isBlank()) {
                        freeText[0] = true;
                    }
                    row.add(value);
                }
                try {
                    printer.printRecord(row);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }, problems);
            if (!whole) {
                return null;
            }
            if (freeText[0]) {
                notes.add(file + ": the reason column is free text and is copied as it is: check that it names nobody");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems.size() > before ? null : written.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * The columns to keep, by position: in {@code cases.csv} only the contract's, in {@code referrals.csv} all but
     * identifying ones. Each dropped column gets a note; a file without an {@code id} column is a problem.
     */
    private int[] keptColumns(BundleFile spec, List<String> header) {
        String file = spec.fileName();
        List<Integer> keep = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < header.size(); i++) {
            String column = header.get(i);
            if (!seen.add(column)) {
                problems.add(new Problem(file, 1, column.isEmpty() ? "(header)" : column, "column appears twice in the header"));
            } else if (BundleFile.isIdentifying(column)) {
                notes.add(file + ": dropped identifying column \"" + column + "\"");
            } else if (spec == BundleFile.CASES && !spec.allColumns().contains(column)) {
                notes.add(file + ": dropped column \"" + column + "\": not a " + file + " column ("
                        + String.join(", ", spec.allColumns()) + "), and it might identify someone");
            } else {
                keep.add(i);
            }
        }
        List<String> required = spec == BundleFile.CASES ? List.of("id") : List.of("id", "case");
        for (String column : required) {
            if (!seen.contains(column)) {
                problems.add(new Problem(file, 1, column, "required column missing"));
            }
        }
        return keep.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The pseudonym of one id; an empty cell stays empty (the import reports it). */
    private String pseudonym(String kind, String raw) {
        String id = raw.strip();
        if (id.isEmpty()) {
            return raw;
        }
        boolean isCase = kind.equals("case");
        String pseudonym = key.pseudonym(isCase ? CASE_PREFIX : REFERRAL_PREFIX, kind, id);
        String earlier = (isCase ? caseSources : referralSources).putIfAbsent(pseudonym, id);
        if (earlier != null && !earlier.equals(id)) {
            throw new ClashException(kind);
        }
        return pseudonym;
    }

    /** A header cell as the import reads it, and with spaces and hyphens as underscores ("NHS Number" → nhs_number). */
    static String columnName(String raw) {
        return raw.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
    }
}
