package bridgemap.cli;

import bridgemap.openreferral.OpenReferralReport;
import bridgemap.openreferral.OpenReferralReport.Match;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** What an Open Referral import mapped, and on what grounds, in words. */
final class OpenReferralSummary {

    private OpenReferralSummary() {}

    /** Agencies and services listed one by one; beyond this many, only counted. */
    static final int LISTED = 20;

    static void print(PrintWriter out, OpenReferralReport r) {
        out.printf("Open Referral %s %s, mapped with %s: %d organisation%s, %d service%s.%n", r.serialisation(),
                r.directory(), r.mapping(), r.agencies().size(), r.agencies().size() == 1 ? "" : "s",
                r.services().size(), r.services().size() == 1 ? "" : "s");
        for (var a : r.agencies().subList(0, Math.min(LISTED, r.agencies().size()))) {
            out.printf("  agency  %s (%s): %s/%s — %s%n", a.name(), a.id(), a.sector(), a.kind(), a.because());
        }
        long unmatched = r.agencies().stream().filter(a -> a.because().contains("no rule matched")).count();
        if (r.agencies().size() > LISTED) {
            out.printf("  … and %d more agencies (--report FILE lists every one); %d agencies in all matched no rule.%n",
                    r.agencies().size() - LISTED, unmatched);
        }
        for (var s : r.services().subList(0, Math.min(LISTED, r.services().size()))) {
            out.printf("  service %s (%s) of %s%n", s.name(), s.id(), s.agency());
            out.printf("          serves %s%n", matches(s.boroughs()));
            out.printf("          accepts %s%n", s.accepts().isEmpty() ? "no need the mapping names" : matches(s.accepts()));
            if (!s.excludes().isEmpty()) {
                out.printf("          excludes %s%n", matches(s.excludes()));
            }
            if (s.end() != null) {
                out.printf("          ended %s%n", s.end());
            }
        }
        if (r.services().size() > LISTED) {
            out.printf("  … and %d more services (--report FILE lists every one).%n", r.services().size() - LISTED);
        }
        for (var s : r.skipped()) {
            out.printf("  skipped %s (%s): %s%n", s.name(), s.id(), s.reason());
        }
        if (!r.unmappedTerms().isEmpty()) {
            out.printf("  taxonomy terms no rule maps (add need or agency rules to use them): %s%n", r.unmappedTerms().stream()
                    .map(t -> "\"" + (t.name() != null ? t.name() : t.id()) + "\"" + (t.taxonomy() == null ? "" : " in " + t.taxonomy())
                            + " ×" + t.links())
                    .collect(Collectors.joining(", ")));
        }
        if (!r.newBoroughs().isEmpty()) {
            out.printf("  boroughs added from the reference list: %s%n", String.join(", ", r.newBoroughs()));
        }
        if (!r.newNeeds().isEmpty()) {
            out.printf("  needs added: %s%n", String.join(", ", r.newNeeds()));
        }
        for (String note : r.notes()) {
            out.printf("  note: %s%n", note);
        }
    }

    private static String matches(List<Match> matches) {
        return matches.stream().map(m -> m.id() + " (" + m.because() + ")").collect(Collectors.joining(", "));
    }
}
