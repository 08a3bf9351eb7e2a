package bridgemap.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.model.Case;
import bridgemap.model.Gender;
import bridgemap.model.Outcome;
import bridgemap.model.ProgressListener;
import bridgemap.model.Referral;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CaseBookTest {

    static final LocalDate LAST = LocalDate.of(2024, 3, 31);

    @TempDir
    Path dir;

    static Case person(String id) {
        return new Case(id, "E1", "25-34", Gender.MALE, List.of("psychosis"));
    }

    static Referral on(Case c, LocalDate day, String to) {
        return CaseBook.referral(c, day, "court", to, Outcome.ACCEPTED, "");
    }

    List<String> lines(String file) throws IOException {
        return Files.readAllLines(dir.resolve(file));
    }

    @Test
    void anEmptyBookWritesTheHeadersOnly() throws IOException {
        new CaseBook(LAST).write(dir, "ref-", ProgressListener.NONE);
        assertEquals(List.of("id,borough,age_band,gender,needs"), lines("cases.csv"));
        assertEquals(List.of("id,case,date,from,to,outcome,reason"), lines("referrals.csv"));
    }

    @Test
    void pseudonymsAreRandomHexAndUnique() {
        CaseBook book = new CaseBook(LAST);
        String first = book.newCaseId(new SplittableRandom(1), "case-");
        String again = book.newCaseId(new SplittableRandom(1), "case-");
        assertTrue(first.matches("case-[0-9a-f]{8}"), first);
        assertNotEquals(first, again, "the same draw is refused while the first case holds it");
    }

    @Test
    void aCaseWhoseReferralsAllFallAfterTheLastDayIsDroppedAndItsPseudonymFreed() throws IOException {
        CaseBook book = new CaseBook(LAST);
        String id = book.newCaseId(new SplittableRandom(1), "case-");
        book.commit(person(id), List.of(on(person(id), LAST.plusDays(1), "svc")));

        assertEquals(0, book.cases());
        assertEquals(0, book.referrals());
        assertEquals(id, book.newCaseId(new SplittableRandom(1), "case-"));
    }

    @Test
    void aChainIsKeptInDateOrderUpToTheLastDay() throws IOException {
        CaseBook book = new CaseBook(LAST);
        Case c = person("case-1");
        book.commit(c, List.of(on(c, LAST.minusDays(1), "second"), on(c, LAST.plusDays(1), "late"),
                on(c, LAST.minusDays(9), "first"), on(c, LAST.minusDays(1), "third")));
        book.write(dir, "ref-", ProgressListener.NONE);

        assertEquals(3, book.referrals());
        assertEquals(List.of("id,case,date,from,to,outcome,reason",
                "ref-000001,case-1,2024-03-22,court,first,accepted,",
                "ref-000002,case-1,2024-03-30,court,second,accepted,",
                "ref-000003,case-1,2024-03-30,court,third,accepted,"), lines("referrals.csv"));
    }

    @Test
    void casesComeByFirstReferralAndReferralsByDateThenCaseThenChain() throws IOException {
        CaseBook book = new CaseBook(LAST);
        Case early = person("case-early");
        Case late = person("case-late");
        Case tie = person("case-tie");
        book.commit(late, List.of(on(late, LAST.minusDays(5), "a"), on(late, LAST.minusDays(1), "b")));
        book.commit(early, List.of(on(early, LAST.minusDays(9), "c"), on(early, LAST.minusDays(1), "d")));
        book.commit(tie, List.of(on(tie, LAST.minusDays(5), "e")));
        book.write(dir, "r-", ProgressListener.NONE);

        assertEquals(List.of("case-early", "case-late", "case-tie"),
                lines("cases.csv").stream().skip(1).map(l -> l.split(",")[0]).toList(),
                "by first referral; a tie keeps the order the cases were kept in");
        assertEquals(List.of("r-000001,case-early,c", "r-000002,case-late,a", "r-000003,case-tie,e",
                "r-000004,case-late,b", "r-000005,case-early,d"),
                lines("referrals.csv").stream().skip(1).map(l -> {
                    String[] cells = l.split(",");
                    return cells[0] + "," + cells[1] + "," + cells[4];
                }).toList());
        assertEquals("case-early,E1,25-34,male,psychosis", lines("cases.csv").get(1));
    }
}
