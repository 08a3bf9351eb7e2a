package bridgemap.report;

import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The field's words for codes, for tables people read. */
public final class Words {

    private Words() {}

    public static String sector(Sector sector) {
        return sector.code().replace('_', ' ');
    }

    public static String handOff(Sector from, Sector to) {
        return sector(from) + " → " + sector(to);
    }

    public static String settingKind(SettingKind kind) {
        return kind.label();
    }

    /** Below this many people (or referrals) a rate can swing widely: it is shown with a caution. */
    public static final int FEW = 10;

    /** " (only 6 people: caution)" when a rate rests on fewer than {@link #FEW} (and some), else "". */
    public static String caution(long base, String unit) {
        return base > 0 && base < FEW ? " (only " + base + " " + unit + ": caution)" : "";
    }

    public static String percent(double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%.1f%%", rate * 100) : "–";
    }

    public static String percent(bridgemap.model.Ratio rate) {
        return percent(rate.value());
    }

    /** "63.7% (61.2–66.1)". */
    public static String percentWithInterval(bridgemap.analysis.outcomes.WilsonInterval interval) {
        if (!interval.defined()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f)", interval.estimate() * 100, interval.lower() * 100,
                interval.upper() * 100);
    }

    public static String pounds(Double amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "£%,.0f", amount);
    }
}
