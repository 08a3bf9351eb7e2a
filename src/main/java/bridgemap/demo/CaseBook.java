package bridgemap.demo;

import bridgemap.ingest.BundleCsv;
import bridgemap.ingest.BundleFile;
import bridgemap.model.Case;
import bridgemap.model.Outcome;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The cases and referrals a generator has made, and how they are written: {@code cases.csv} in order of each
 * case's first referral and {@code referrals.csv} by date, so that neither a case's pseudonym nor a referral's id
 * says anything about the person. Both generators keep their cases here.
 *
 * <p>A generator draws a case's pseudonym ({@link #newCaseId}), builds its chain of referrals — model
 * {@link Referral}s without ids (null), which are numbered in date order only when every case is known — and
 * {@link #commit}s it. Referrals are held once, in commit order; a stable sort by date then gives the order
 * (date, case, place in the chain) without a second copy. Memory: one {@link Case} per case and one
 * {@link Referral} per referral, about a million at the England scale.
 */
final class CaseBook {

    private final LocalDate last;
    private final List<Case> cases = new ArrayList<>();
    private final List<LocalDate> firstDates = new ArrayList<>();
    private final List<Referral> referrals = new ArrayList<>();
    private final Set<String> caseIds = new HashSet<>();

    /** A book of cases whose referrals are dated up to {@code last}. */
    CaseBook(LocalDate last) {
        this.last = Objects.requireNonNull(last, "last");
    }

    /** A new random pseudonym, {@code prefix} and eight hexadecimal digits, unlike every other case's. */
    String newCaseId(SplittableRandom rnd, String prefix) {
        String id;
        do {
            id = prefix + String.format("%08x", rnd.nextInt() & 0xffffffffL);
        } while (!caseIds.add(id));
        return id;
    }

    /** A referral of {@code subject}, not numbered yet. */
    static Referral referral(Case subject, LocalDate date, String from, String to, ReferralOutcomes.Decision decision) {
        return referral(subject, date, from, to, decision.outcome(), decision.reason());
    }

    /** A referral of {@code subject}, not numbered yet. */
    static Referral referral(Case subject, LocalDate date, String from, String to, Outcome outcome, String reason) {
        return new Referral(null, subject.id(), date, from, to, outcome, reason);
    }

    /**
     * Keeps a case and its chain in date order (stable), dropping referrals after the last day; a case left with no
     * referral is dropped and its pseudonym freed.
     */
    void commit(Case subject, List<Referral> chain) {
        List<Referral> sorted = new ArrayList<>(chain);
        sorted.sort(Comparator.comparing(Referral::date));
        int kept = 0;
        for (Referral r : sorted) {
            if (r.date().isAfter(last)) {
                break;
            }
            referrals.add(r);
            kept++;
        }
        if (kept == 0) {
            caseIds.remove(subject.id());
            return;
        }
        cases.add(subject);
        firstDates.add(sorted.get(0).date());
    }

    /** Cases kept. */
    int cases() {
        return cases.size();
    }

    /** Referrals kept. */
    int referrals() {
        return referrals.size();
    }

    /**
     * Writes {@code cases.csv} (cases by first referral, then in the order they were kept) and {@code referrals.csv}
     * (by date, then case, then place in the chain; ids {@code prefix} and a number of at least six digits).
     */
    void write(Path dir, String referralPrefix, ProgressListener progress) throws IOException {
        progress.progress("writing referrals.csv", 0, referrals.size());
        List<Integer> order = new ArrayList<>(cases.size());
        for (int i = 0; i < cases.size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.comparing(firstDates::get));
        try (BundleCsv.RowWriter<Case> out = BundleCsv.open(dir, BundleFile.CASES, Case.class)) {
            for (int i : order) {
                out.write(cases.get(i));
            }
        }
        referrals.sort(Comparator.comparing(Referral::date));
        String idFormat = referralPrefix + "%0" + Math.max(6, Integer.toString(referrals.size()).length()) + "d";
        try (BundleCsv.RowWriter<Referral> out = BundleCsv.open(dir, BundleFile.REFERRALS, Referral.class)) {
            int n = 0;
            for (Referral r : referrals) {
                out.write(new Referral(String.format(idFormat, ++n), r.caseId(), r.date(), r.fromId(), r.toId(),
                        r.outcome(), r.reason()));
                if ((n & 65535) == 0) {
                    progress.progress("writing referrals.csv", n, referrals.size());
                }
            }
        }
        progress.progress("writing referrals.csv", referrals.size(), referrals.size());
    }
}
