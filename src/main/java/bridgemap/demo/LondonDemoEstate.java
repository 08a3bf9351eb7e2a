package bridgemap.demo;

import bridgemap.ingest.BundleFile;
import bridgemap.ingest.BundleRejectedException;
import bridgemap.ingest.BundleSource;
import bridgemap.ingest.BundleValidator;
import bridgemap.ingest.StoredIds;
import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Borough;
import bridgemap.model.Bundle;
import bridgemap.model.Need;
import bridgemap.model.Placement;
import bridgemap.model.Practitioner;
import bridgemap.model.Service;
import bridgemap.model.Setting;
import bridgemap.model.SettingKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The hand-curated structural files of the London demo bundle ({@code data/london-demo}: boroughs, agencies,
 * settings, needs, services, practitioners, placements, funders, funding, partnerships), read and validated as an
 * import reads them, with what {@link LondonDemoReferrals} looks up in them: each borough's local magistrates'
 * court, NHS trust, council and probation office, and who is placed where on a day.
 */
final class LondonDemoEstate {

    /** Local magistrates' court for boroughs without one of their own (choices, see README). */
    static final Map<String, String> LOCAL_COURT_FALLBACK = Map.of(
            "E09000002", "set-mc-barkingside",      // Barking and Dagenham
            "E09000007", "set-mc-highbury-corner",  // Camden
            "E09000010", "set-mc-tottenham",        // Enfield
            "E09000012", "set-mc-thames",           // Hackney
            "E09000015", "set-mc-willesden",        // Harrow
            "E09000020", "set-mc-westminster",      // Kensington and Chelsea
            "E09000021", "set-mc-wimbledon",        // Kingston upon Thames
            "E09000022", "set-mc-camberwell-green", // Lambeth
            "E09000023", "set-mc-camberwell-green", // Lewisham
            "E09000029", "set-mc-wimbledon");       // Sutton
    /** Boroughs whose people appear before a Crown Court or arrive at a prison (choices, see README). */
    static final Map<String, List<String>> CATCHMENT = Map.of(
            "set-cc-snaresbrook", List.of("E09000026", "E09000016", "E09000002", "E09000031", "E09000025", "E09000030", "E09000012"),
            "set-cc-wood-green", List.of("E09000014", "E09000010", "E09000003", "E09000019", "E09000007"),
            "set-hmp-wandsworth", List.of("E09000032", "E09000022", "E09000024", "E09000021", "E09000029", "E09000027",
                    "E09000008", "E09000028", "E09000013", "E09000018"));

    /** Borough ids, sorted. */
    final List<String> boroughs = new ArrayList<>();
    /** Settings by id, in file order. */
    final Map<String, Setting> settings = new LinkedHashMap<>();
    /** Services, in file order. */
    final List<Service> services;
    /** Practitioners by id. */
    final Map<String, Practitioner> practitioners = new TreeMap<>();
    /** Each borough's local magistrates' court: the one in the borough, else {@link #LOCAL_COURT_FALLBACK}. */
    final Map<String, String> localCourt = new TreeMap<>();
    /** The boroughs each magistrates' court is the local court of. */
    final Map<String, List<String>> courtCatchment = new TreeMap<>();
    /** Each borough's NHS trust: the agency offering its community mental-health team. */
    final Map<String, String> trustOf = new HashMap<>();
    /** Placements of community support workers, by the borough of their setting. */
    final Map<String, List<Placement>> cswPlacementsByBorough = new HashMap<>();

    private final Map<String, Agency> agencies = new HashMap<>();
    private final Map<String, List<Placement>> placements = new TreeMap<>();
    private final Map<String, List<Placement>> fmhpPlacementsByBorough = new HashMap<>();

    private LondonDemoEstate(Bundle bundle) {
        bundle.boroughs().stream().map(Borough::id).sorted().forEach(boroughs::add);
        bundle.agencies().forEach(a -> agencies.put(a.id(), a));
        bundle.settings().forEach(s -> settings.put(s.id(), s));
        Set<String> needs = new HashSet<>(bundle.needs().stream().map(Need::id).toList());
        for (Need n : Needs.vocabulary()) {
            require(needs.contains(n.id()), "need " + n.id() + " missing from needs.csv");
        }
        services = bundle.services();
        bundle.practitioners().forEach(p -> practitioners.put(p.id(), p));
        for (Placement p : bundle.placements()) {
            placements.computeIfAbsent(p.practitionerId(), k -> new ArrayList<>()).add(p);
            String role = practitioners.get(p.practitionerId()).role();
            String b = settings.get(p.settingId()).boroughId();
            if ("FMHP".equals(role)) {
                fmhpPlacementsByBorough.computeIfAbsent(b, k -> new ArrayList<>()).add(p);
            } else if ("community_support_worker".equals(role)) {
                cswPlacementsByBorough.computeIfAbsent(b, k -> new ArrayList<>()).add(p);
            }
        }
        for (Setting s : settings.values()) {
            if (s.kind() == SettingKind.MAGISTRATES_COURT) {
                localCourt.putIfAbsent(s.boroughId(), s.id());
            }
        }
        for (Map.Entry<String, String> e : LOCAL_COURT_FALLBACK.entrySet()) {
            require(settings.containsKey(e.getValue()), "unknown court " + e.getValue());
            localCourt.putIfAbsent(e.getKey(), e.getValue());
        }
        for (String b : boroughs) {
            String c = localCourt.get(b);
            if (c != null) {
                courtCatchment.computeIfAbsent(c, k -> new ArrayList<>()).add(b);
            }
        }
        for (Map.Entry<String, List<String>> e : CATCHMENT.entrySet()) {
            require(settings.containsKey(e.getKey()), "unknown setting " + e.getKey());
            for (String b : e.getValue()) {
                require(boroughs.contains(b), "unknown borough " + b);
            }
        }
        for (Service s : services) {
            Agency agency = agencies.get(s.agencyId());
            if (s.id().startsWith("svc-cmht-") && agency != null && agency.kind() == AgencyKind.NHS_TRUST) {
                for (String b : s.boroughIds()) {
                    trustOf.putIfAbsent(b, s.agencyId());
                }
            }
        }
        for (String b : boroughs) {
            require(trustOf.containsKey(b), "no NHS trust community mental-health team for " + b);
            require(agencies.containsKey("la-" + b), "no local authority la-" + b);
            require(settings.containsKey(probationOffice(b)), "no probation office for " + b);
        }
    }

    /**
     * Reads and validates the structural files in {@code dir} (its cases and referrals, if any, are not read).
     *
     * @throws IllegalStateException when they do not validate or lack what the generator needs
     */
    static LondonDemoEstate read(Path dir) throws IOException {
        Map<BundleFile, byte[]> files = new EnumMap<>(BundleFile.class);
        for (BundleFile file : BundleFile.values()) {
            Path path = dir.resolve(file.fileName());
            if (file != BundleFile.CASES && file != BundleFile.REFERRALS && Files.isRegularFile(path)) {
                files.put(file, Files.readAllBytes(path));
            }
        }
        try {
            return new LondonDemoEstate(BundleValidator.validate(BundleSource.of(dir.toString(), files), StoredIds.NONE));
        } catch (BundleRejectedException e) {
            throw new IllegalStateException("london demo bundle: " + e.getMessage(), e);
        }
    }

    private static void require(boolean ok, String msg) {
        if (!ok) {
            throw new IllegalStateException("london demo bundle: " + msg);
        }
    }

    /** The borough's probation office, or {@code ""} when it has none. */
    String probationOffice(String borough) {
        for (Setting s : settings.values()) {
            if (s.kind() == SettingKind.PROBATION_OFFICE && s.boroughId().equals(borough)) {
                return s.id();
            }
        }
        return "";
    }

    /** The practitioner's placements active on {@code d}, in file order. */
    List<Placement> activePlacements(String practitioner, LocalDate d) {
        List<Placement> out = new ArrayList<>();
        for (Placement p : placements.getOrDefault(practitioner, List.of())) {
            if (p.period().contains(d)) {
                out.add(p);
            }
        }
        return out;
    }

    /** True when the practitioner is in post and placed somewhere on {@code d}. */
    boolean placed(String practitioner, LocalDate d) {
        return practitioners.get(practitioner).period().contains(d) && !activePlacements(practitioner, d).isEmpty();
    }

    /** True when some forensic mental health practitioner is placed in the borough on {@code d}. */
    boolean fmhpPlacedIn(String borough, LocalDate d) {
        for (Placement p : fmhpPlacementsByBorough.getOrDefault(borough, List.of())) {
            if (p.period().contains(d)) {
                return true;
            }
        }
        return false;
    }

    /** True when a service active on {@code d} serves the borough and accepts the need. */
    boolean anyServiceAccepts(String borough, String need, LocalDate d) {
        for (Service s : services) {
            if (s.period().contains(d) && s.boroughIds().contains(borough) && s.accepts().contains(need)) {
                return true;
            }
        }
        return false;
    }
}
