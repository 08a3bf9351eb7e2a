package bridgemap.cli;

import bridgemap.model.Sector;
import bridgemap.model.SettingKind;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The field's words for codes, for tables people read. */
final class Words {

    private Words() {}

    static String sector(Sector sector) {
        return sector.code().replace('_', ' ');
    }

    static String handOff(Sector from, Sector to) {
        return sector(from) + " → " + sector(to);
    }

    static String settingKind(SettingKind kind) {
        return kind.label();
    }

    /** "personality disorder + substance misuse". */
    static String needs(List<String> needs) {
        return needs.stream().map(n -> n.replace('_', ' ')).collect(Collectors.joining(" + "));
    }

    static String percent(double rate) {
        return Double.isFinite(rate) ? String.format(Locale.ROOT, "%.1f%%", rate * 100) : "–";
    }

    static String percent(bridgemap.model.Ratio rate) {
        return percent(rate.value());
    }

    /** "63.7% (61.2–66.1)". */
    static String percentWithInterval(bridgemap.analysis.outcomes.WilsonInterval interval) {
        if (!interval.defined()) {
            return "–";
        }
        return String.format(Locale.ROOT, "%.1f%% (%.1f–%.1f)", interval.estimate() * 100, interval.lower() * 100,
                interval.upper() * 100);
    }

    static String pounds(Double amount) {
        return amount == null ? "" : String.format(Locale.ROOT, "£%,.0f", amount);
    }
}
