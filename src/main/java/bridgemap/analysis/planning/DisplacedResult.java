package bridgemap.analysis.planning;

import bridgemap.model.NetworkNode;
import bridgemap.model.Tally;
import java.util.List;

/**
 * The people a what-if displaces ({@link Displacement}) and the pressure that moves onto the services that remain,
 * as {@code docs/analysis.md} ("Displaced people", "Pressure moved") defines them.
 *
 * @param people displaced people: in-scope cases (of the borough, under a borough filter) with a referral to or
 *     from a practitioner who leaves or a setting that closes
 * @param withoutRoute those of them with no other route to health
 * @param postsEnding practitioners who leave or whose post ends
 * @param settingsClosing settings that close
 * @param byEntry by entry setting: most people first, then name
 * @param byBorough by the person's borough: most people first, then name
 * @param byNeed by need (a person counts under each of their needs): most people first, then name
 * @param pressure services whose accepted referrals a month change: the largest rise first
 * @param sentence the whole in words ("433 people were seen by posts that end: …")
 */
public record DisplacedResult(Tally people, Tally withoutRoute, int postsEnding, int settingsClosing,
        List<Group> byEntry, List<Group> byBorough, List<Group> byNeed, List<ServiceLoad> pressure, String sentence) {

    public DisplacedResult {
        byEntry = List.copyOf(byEntry);
        byBorough = List.copyOf(byBorough);
        byNeed = List.copyOf(byNeed);
        pressure = List.copyOf(pressure);
    }

    /**
     * Displaced people of one entry setting, borough or need.
     *
     * @param id the setting's id, the borough's GSS code or the need's id
     * @param name its name
     * @param boroughName for an entry setting, its borough's name; else null
     */
    public record Group(String id, String name, String boroughName, Tally people, Tally withoutRoute) {}

    /**
     * One service's accepted referrals before and after, against its stated capacity.
     *
     * @param acceptedBefore referrals into the service accepted in the year before the change
     * @param acceptedAfter the same after it: without those that went through what was removed
     * @param arriving displaced people whose likely next service this is: one accepted referral each
     * @param perMonthBefore acceptedBefore a month (÷ 12)
     * @param perMonthAfter (acceptedAfter + arriving) a month
     * @param capacityPerMonth as the bundle states it, or null
     * @param waitWeeks as the bundle states it, or null
     * @param sentence the change in words
     */
    public record ServiceLoad(NetworkNode service, Tally acceptedBefore, Tally acceptedAfter, Tally arriving,
            double perMonthBefore, double perMonthAfter, Integer capacityPerMonth, Double waitWeeks, String sentence) {

        /** True when the service would accept more a month after the change than its stated capacity. */
        public boolean overCapacity() {
            return capacityPerMonth != null && perMonthAfter > capacityPerMonth;
        }
    }
}
