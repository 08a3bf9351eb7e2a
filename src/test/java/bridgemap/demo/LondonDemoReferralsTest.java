package bridgemap.demo;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The London demo bundle: reproducible synthetic cases/referrals and the parts of the bundle contract checkable with commons-csv. */
class LondonDemoReferralsTest {

    static final Path BUNDLE = Path.of("data", "london-demo");
    static final LocalDate D = LocalDate.of(2014, 6, 30);
    /**
     * Probation as a funder on {@code D}: London Probation Trust, and from 1 June 2014 (Transforming Rehabilitation)
     * the National Probation Service that took the partnership's probation money over (issue 15).
     */
    static final Set<String> PROBATION = Set.of("fund-lpt", "fund-nps");
    static final Set<String> OUTCOMES = Set.of("accepted", "declined", "no_response", "withdrawn", "pending");
    static final Set<String> GENDERS = Set.of("female", "male", "other", "unknown");
    static final Set<String> IDENTIFYING = Set.of("name", "first_name", "last_name", "surname", "dob", "date_of_birth",
            "nhs_number", "pnc", "pnc_number", "address", "postcode");

    static Map<String, List<CSVRecord>> files = new HashMap<>();
    static Map<String, List<String>> headers = new HashMap<>();

    @BeforeAll
    static void load() throws IOException {
        for (String f : List.of("boroughs.csv", "agencies.csv", "settings.csv", "needs.csv", "services.csv", "practitioners.csv",
                "placements.csv", "funders.csv", "funding.csv", "partnerships.csv", "cases.csv", "referrals.csv")) {
            String text = Files.readString(BUNDLE.resolve(f), StandardCharsets.UTF_8);
            try (CSVParser p = CSVParser.parse(text, CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
                headers.put(f, p.getHeaderNames());
                files.put(f, p.getRecords());
            }
        }
    }

    static Set<String> ids(String file) {
        Set<String> out = new HashSet<>();
        for (CSVRecord r : files.get(file)) {
            out.add(r.get("id"));
        }
        return out;
    }

    static LocalDate date(String v) {
        return v == null || v.isEmpty() ? null : LocalDate.parse(v);
    }

    static boolean active(String start, String end, LocalDate d) {
        return (start.isEmpty() || !d.isBefore(LocalDate.parse(start))) && (end.isEmpty() || !d.isAfter(LocalDate.parse(end)));
    }

    @Test
    void regeneratingGivesIdenticalBytes(@TempDir Path tmp) throws IOException {
        try (Stream<Path> s = Files.list(BUNDLE)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String name = p.getFileName().toString();
                if (name.endsWith(".csv") && !name.equals("cases.csv") && !name.equals("referrals.csv")) {
                    Files.copy(p, tmp.resolve(name));
                }
            }
        }
        LondonDemoReferrals.Result r = LondonDemoReferrals.generate(tmp, LondonDemoReferrals.SEED);
        assertTrue(r.cases() > 10_000 && r.referrals() > 30_000, "moderate size: " + r);
        assertArrayEquals(Files.readAllBytes(BUNDLE.resolve("cases.csv")), Files.readAllBytes(tmp.resolve("cases.csv")),
                "cases.csv differs from a fresh run with the committed seed");
        assertArrayEquals(Files.readAllBytes(BUNDLE.resolve("referrals.csv")), Files.readAllBytes(tmp.resolve("referrals.csv")),
                "referrals.csv differs from a fresh run with the committed seed");
    }

    @Test
    void idsAreUniqueAcrossNodeFiles() {
        Map<String, String> owner = new HashMap<>();
        for (String f : List.of("boroughs.csv", "agencies.csv", "settings.csv", "needs.csv", "services.csv", "practitioners.csv",
                "funders.csv", "cases.csv", "referrals.csv")) {
            for (CSVRecord r : files.get(f)) {
                String id = r.get("id");
                assertTrue(!id.isEmpty() && id.length() <= 100 && id.equals(id.strip()), f + ": bad id " + id);
                String prev = owner.put(id, f);
                assertEquals(null, prev, "id " + id + " in " + f + " and " + prev);
            }
        }
    }

    @Test
    void casesCarryNoIdentifyingData() {
        for (String h : headers.get("cases.csv")) {
            assertFalse(IDENTIFYING.contains(h.toLowerCase(Locale.ROOT)), "identifying column " + h);
        }
        assertEquals(List.of("id", "borough", "age_band", "gender", "needs"), headers.get("cases.csv"));
        Set<String> boroughs = ids("boroughs.csv");
        Set<String> needs = ids("needs.csv");
        Pattern pnc = Pattern.compile("\\d{2}/\\d{1,7}[A-Z]");
        for (CSVRecord r : files.get("cases.csv")) {
            String id = r.get("id");
            assertTrue(id.matches("c-[0-9a-f]{8}"), "case id " + id);
            assertFalse(id.matches("\\d{10}") || pnc.matcher(id).matches(), "identifying-looking id " + id);
            assertTrue(boroughs.contains(r.get("borough")), "borough " + r.get("borough"));
            assertTrue(r.get("age_band").matches("\\d\\d-\\d\\d|\\d\\d\\+|under_18|unknown"), "age band " + r.get("age_band"));
            assertTrue(GENDERS.contains(r.get("gender")), "gender " + r.get("gender"));
            String[] n = r.get("needs").split(";");
            assertTrue(n.length >= 1 && n.length <= 3, "needs " + r.get("needs"));
            for (String x : n) {
                assertTrue(needs.contains(x), "need " + x);
            }
            if (r.get("needs").contains("women_specific")) {
                assertEquals("female", r.get("gender"), "women_specific need on " + id);
            }
        }
    }

    @Test
    void referralsReferToKnownNodesOfTheRightKind() {
        Set<String> cases = ids("cases.csv");
        Set<String> settings = ids("settings.csv");
        Set<String> agencies = ids("agencies.csv");
        Set<String> practitioners = ids("practitioners.csv");
        Map<String, String[]> services = new HashMap<>();
        for (CSVRecord r : files.get("services.csv")) {
            services.put(r.get("id"), new String[] {r.get("start"), r.get("end")});
        }
        Map<String, List<String[]>> placements = new HashMap<>();
        for (CSVRecord r : files.get("placements.csv")) {
            placements.computeIfAbsent(r.get("practitioner"), k -> new ArrayList<>()).add(new String[] {r.get("start"), r.get("end")});
        }
        LocalDate prev = null;
        int n = 0;
        Set<String> casesWithReferrals = new HashSet<>();
        for (CSVRecord r : files.get("referrals.csv")) {
            n++;
            assertEquals(String.format("r-%06d", n), r.get("id"));
            assertTrue(cases.contains(r.get("case")), "unknown case " + r.get("case"));
            casesWithReferrals.add(r.get("case"));
            LocalDate d = LocalDate.parse(r.get("date"));
            assertFalse(d.isBefore(LondonDemoReferrals.FIRST) || d.isAfter(LondonDemoReferrals.LAST), "date " + d);
            assertTrue(prev == null || !d.isBefore(prev), "referral ids not in date order at " + r.get("id"));
            prev = d;
            String from = r.get("from");
            String to = r.get("to");
            assertTrue(settings.contains(from) || agencies.contains(from) || practitioners.contains(from), "from " + from);
            assertTrue(services.containsKey(to) || agencies.contains(to) || practitioners.contains(to), "to " + to);
            assertTrue(OUTCOMES.contains(r.get("outcome")), "outcome " + r.get("outcome"));
            for (String p : List.of(from, to)) {
                if (practitioners.contains(p)) {
                    assertTrue(placements.getOrDefault(p, List.of()).stream().anyMatch(x -> active(x[0], x[1], d)),
                            p + " not placed on " + d);
                }
            }
            if (services.containsKey(to)) {
                String[] se = services.get(to);
                assertTrue(active(se[0], se[1], d), to + " not active on " + d);
            }
        }
        assertEquals(cases, casesWithReferrals, "every case has at least one referral");
    }

    @Test
    void the2014FactsOfTheCaseStudyHold() {
        Map<String, CSVRecord> settings = new HashMap<>();
        for (CSVRecord r : files.get("settings.csv")) {
            settings.put(r.get("id"), r);
        }
        Set<String> fmhp = new HashSet<>();
        for (CSVRecord r : files.get("practitioners.csv")) {
            if (r.get("role").equals("FMHP") && active(r.get("start"), r.get("end"), D)) {
                fmhp.add(r.get("id"));
            }
        }
        Set<String> placed = new HashSet<>();
        Set<String> boroughs = new HashSet<>();
        Map<String, Set<String>> byKind = new HashMap<>();
        for (CSVRecord r : files.get("placements.csv")) {
            if (fmhp.contains(r.get("practitioner")) && active(r.get("start"), r.get("end"), D)) {
                placed.add(r.get("practitioner"));
                CSVRecord s = settings.get(r.get("setting"));
                boroughs.add(s.get("borough"));
                byKind.computeIfAbsent(s.get("kind"), k -> new HashSet<>()).add(s.get("id"));
            }
        }
        assertEquals(41, placed.size(), "FMHPs placed on " + D);
        assertEquals(22, boroughs.size(), "boroughs covered on " + D);
        assertEquals(10, byKind.get("magistrates_court").size(), "magistrates' courts");
        assertEquals(Set.of("set-cc-snaresbrook", "set-cc-wood-green"), byKind.get("crown_court"));
        assertEquals(5, byKind.get("police_custody").size(), "police custody suites");
        double total = 0;
        double lpt = 0;
        for (CSVRecord r : files.get("funding.csv")) {
            if (active(r.get("start"), r.get("end"), D)) {
                double a = Double.parseDouble(r.get("amount_gbp"));
                total += a;
                if (PROBATION.contains(r.get("funder"))) {
                    lpt += a;
                }
            }
        }
        double share = lpt / total;
        assertTrue(share >= 0.30 && share <= 0.37, "London Probation share " + share);
        assertTrue(total > 1_800_000 && total < 2_300_000, "about £2 million a year: " + total);
    }

    /** Issue 15: London Probation Trust ceased on 1 June 2014; no row of its funding runs past 31 May 2014. */
    @Test
    void noLondonProbationTrustFundingAfterItCeased_issue15() {
        int lptRows = 0;
        for (CSVRecord r : files.get("funding.csv")) {
            if (r.get("funder").equals("fund-lpt")) {
                lptRows++;
                assertFalse(LocalDate.parse(r.get("end")).isAfter(LocalDate.of(2014, 5, 31)), "fund-lpt row " + r.getRecordNumber());
            }
        }
        assertTrue(lptRows > 0, "the Trust's earlier funding is kept");
    }

    /** Issue 15: the successors fund in their own years: the NPS from June 2014, the CRC to June 2021, then the Probation Service; ICBs from July 2022. */
    @Test
    void successorsFundFromTheirFirstDay_issue15() {
        Map<String, LocalDate[]> span = new HashMap<>();
        for (CSVRecord r : files.get("funding.csv")) {
            LocalDate s = LocalDate.parse(r.get("start"));
            LocalDate e = LocalDate.parse(r.get("end"));
            span.merge(r.get("funder"), new LocalDate[] {s, e}, (a, b) -> new LocalDate[] {
                    a[0].isBefore(b[0]) ? a[0] : b[0], a[1].isAfter(b[1]) ? a[1] : b[1]});
        }
        assertEquals(LocalDate.of(2014, 6, 1), span.get("fund-nps")[0]);
        assertEquals(LocalDate.of(2021, 6, 25), span.get("fund-crc-london")[1]);
        assertEquals(LocalDate.of(2021, 6, 26), span.get("fund-probation-service")[0]);
        for (String icb : List.of("nwl", "ncl", "nel", "sel", "swl")) {
            assertEquals(LocalDate.of(2022, 7, 1), span.get("fund-icb-" + icb)[0], icb);
        }
        span.forEach((funder, se) -> {
            if (funder.startsWith("fund-ccg-")) {
                assertEquals(LocalDate.of(2022, 6, 30), se[1], funder);
            }
        });
    }
}
