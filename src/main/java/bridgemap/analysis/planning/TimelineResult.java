package bridgemap.analysis.planning;

import bridgemap.model.SettingKind;
import bridgemap.model.Vocabulary;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Yearly snapshots of cover and funding, oldest first, counted by {@code yearsBy}. {@code latestData} is the last
 * dated fact (post, placement or funding row); {@code end} is the last day asked for, the data's end unless a later
 * one was given, and every year after {@code latestData} is {@link Year#afterData()}: it shows only what was left
 * open-ended.
 */
public record TimelineResult(LocalDate latestData, YearsBy yearsBy, LocalDate end, List<Year> years) {

    public TimelineResult {
        years = List.copyOf(years);
    }

    /** The timeline of an empty store. */
    public static TimelineResult empty(YearsBy yearsBy) {
        return new TimelineResult(null, yearsBy, null, List.of());
    }

    /**
     * How years are counted. {@code CALENDAR}: one snapshot a year on the anniversary of the latest referral
     * (30 June in the demo, the default day of every other analysis), headed by its year ("2014").
     * {@code FINANCIAL}: one snapshot at the end of each financial year (31 March), headed "2013/14", as
     * commissioners and the case study count.
     */
    public enum YearsBy implements Vocabulary {
        CALENDAR, FINANCIAL;

        @Override
        public String code() {
            return Vocabulary.codeOf(this);
        }
    }

    /**
     * The state on {@code date}, headed {@code label} ("2014" or "2013/14"): boroughs with some cover, posts placed
     * and their FTE, distinct funders, funding active (£) and each funder's share, the Herfindahl–Hirschman index of
     * those shares (Σ (100 × share)², 0–10,000: 10,000 = one funder pays for everything), cells with no cover and
     * fragile cells, and holes per setting kind. {@code postsFundingNotRecorded} are posts in post with no funding
     * row active on the day: their funding is not recorded, which is not the same as nobody paying.
     * {@code afterData}: the day is after the data's last dated fact.
     */
    public record Year(LocalDate date, String label, boolean afterData, int boroughsWithCover, int posts, double fte,
            int funders, double fundingGbp, int postsFundingNotRecorded, List<FunderShare> fundingShares, double hhi,
            int cells, int holes, int fragile, Map<SettingKind, Integer> holesByKind) {

        public Year {
            fundingShares = List.copyOf(fundingShares);
            holesByKind = Map.copyOf(holesByKind);
        }
    }

    /**
     * One funder's part of the funding active on the day. {@code funderName} is marked when the funder replaced others
     * by then ("National Probation Service (from 1 Jun 2014; before: London Probation Trust)"). {@code seriesId} joins a
     * funder's years across successions: the funder that holds its role at the timeline's end (its funding's holder
     * first), itself when never succeeded, so a predecessor's share continues as its successor's.
     */
    public record FunderShare(String funderId, String funderName, double amountGbp, double share, String seriesId) {

        /** A share whose series is its own funder's. */
        public FunderShare(String funderId, String funderName, double amountGbp, double share) {
            this(funderId, funderName, amountGbp, share, funderId);
        }
    }
}
