package bridgemap.demo;

import bridgemap.demo.SyntheticEstate.Authority;
import bridgemap.model.Agency;
import bridgemap.model.AgencyKind;
import bridgemap.model.Funder;
import bridgemap.model.FunderKind;
import bridgemap.model.Sector;
import bridgemap.model.Succession;
import bridgemap.model.Succession.Takes;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reorganisations of a synthetic bundle ({@code successions.csv}, issue 15), each as made up as the rest: every
 * region's probation service splits, a quarter of the way through the referral days, into a national probation
 * service (its role and partnerships) and a community rehabilitation company (its posts), which are reunified three
 * quarters of the way through into one probation service; the national probation funder follows the same two steps
 * with its funding; and half way through, the integrated care boards of each region that has several merge into one
 * (their role and funding). The successors are new agencies and funders, named as synthetic.
 *
 * <p>Drawn from nothing random: the structure of the estate and staff decides it, so the rows the seed gave before
 * stay byte-identical and only these rows are added. Valid under every rule of bundle-format.md (one day per
 * predecessor, one heir of each part, no cycle, dates increasing along each chain).
 */
final class SyntheticSuccessions {

    final List<Agency> agencies = new ArrayList<>();
    final List<Funder> funders = new ArrayList<>();
    final List<Succession> successions = new ArrayList<>();

    SyntheticSuccessions(SyntheticScale scale, SyntheticEstate estate, SyntheticStaff staff) {
        LocalDate split = scale.first().plusDays(scale.days() / 4);
        LocalDate merged = scale.first().plusDays(scale.days() / 2);
        LocalDate reunified = scale.first().plusDays(3L * scale.days() / 4);
        for (int r = 0; r < estate.probationServices.size(); r++) {
            Agency area = estate.probationServices.get(r);
            String label = estate.regionLabel(r);
            Agency nps = agency(area.id() + "-nps", "Synthetic national probation service, " + label);
            Agency crc = agency(area.id() + "-crc", "Synthetic community rehabilitation company, " + label);
            Agency ps = agency(area.id() + "-ps", "Synthetic probation service (reunified), " + label);
            succeed(area.id(), nps.id(), split, Set.of(Takes.ROLE, Takes.PARTNERSHIPS), "synthetic split");
            succeed(area.id(), crc.id(), split, Set.of(Takes.POSTS), "synthetic split");
            succeed(nps.id(), ps.id(), reunified, Set.of(Takes.ROLE, Takes.PARTNERSHIPS), "synthetic reunification");
            succeed(crc.id(), ps.id(), reunified, Set.of(Takes.ROLE, Takes.POSTS), "synthetic reunification");
        }
        String probation = staff.probationFunder.id();
        Funder npsFunder = funder(probation + "-nps", "Synthetic national probation service, as funder", FunderKind.PROBATION);
        Funder psFunder = funder(probation + "-ps", "Synthetic probation service (reunified), as funder",
                FunderKind.PROBATION);
        succeed(probation, npsFunder.id(), split, Set.of(Takes.ROLE, Takes.FUNDING), "synthetic split");
        succeed(npsFunder.id(), psFunder.id(), reunified, Set.of(Takes.ROLE, Takes.FUNDING), "synthetic reunification");

        Map<Integer, List<Funder>> icbsByRegion = new LinkedHashMap<>();
        for (Funder icb : staff.icbs) {
            String trust = "trust-" + icb.id().substring("fund-icb-".length());
            estate.authorities.stream().filter(a -> a.trust.id().equals(trust)).findFirst().map(a -> a.regionIndex)
                    .ifPresent(r -> icbsByRegion.computeIfAbsent(r, k -> new ArrayList<>()).add(icb));
        }
        icbsByRegion.forEach((r, icbs) -> {
            if (icbs.size() > 1) {
                Funder board = funder("fund-icb-region-" + (r + 1), "Synthetic integrated care board, "
                        + estate.regionLabel(r) + " (merged)", FunderKind.NHS);
                icbs.forEach(icb -> succeed(icb.id(), board.id(), merged, Set.of(Takes.ROLE, Takes.FUNDING),
                        "synthetic merger"));
            }
        });
    }

    private Agency agency(String id, String name) {
        Agency a = new Agency(id, name, Sector.CRIMINAL_JUSTICE, AgencyKind.PROBATION, null);
        agencies.add(a);
        return a;
    }

    private Funder funder(String id, String name, FunderKind kind) {
        Funder f = new Funder(id, name, kind);
        funders.add(f);
        return f;
    }

    private void succeed(String predecessor, String successor, LocalDate date, Set<Takes> takes, String note) {
        successions.add(new Succession(predecessor, successor, date, takes, note));
    }
}
