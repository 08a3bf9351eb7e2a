package bridgemap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A CSV layout: section names known before any result, sections filled in order, exactly as CsvSections writes. */
class CsvLayoutTest {

    private record Result(List<String> names, int total) {}

    private static final CsvLayout<Result> LAYOUT = CsvLayout.<Result>sections()
            .section("names", List.of("position", "name"), (r, rows) -> {
                for (int i = 0; i < r.names().size(); i++) {
                    rows.add(List.of(i + 1, r.names().get(i)));
                }
            })
            .section("total", List.of("total"), (r, rows) -> rows.add(List.of(r.total())));

    private static String printed(CsvSections csv, String only) {
        StringWriter text = new StringWriter();
        csv.print(new PrintWriter(text, true), only);
        return text.toString();
    }

    @Test
    void anEmptyLayoutHasNoSections() {
        CsvSections csv = CsvLayout.<Result>sections().of(new Result(List.of(), 0));
        assertEquals(List.of(), csv.names());
        assertEquals("", printed(csv, null));
    }

    @Test
    void theNamesAreKnownWithoutAResult() {
        assertEquals(List.of("names", "total"), LAYOUT.names());
    }

    @Test
    void aResultFillsTheSectionsInOrder() {
        CsvSections csv = LAYOUT.of(new Result(List.of("Islington", "Hackney"), 2));
        assertEquals(List.of("names", "total"), csv.names());
        assertEquals("# names\nposition,name\n1,Islington\n2,Hackney\n\n# total\ntotal\n2\n", printed(csv, null));
        assertEquals("total\n2\n", printed(csv, "total"));
    }

    @Test
    void aLayoutIsNotChangedByAddingASection() {
        CsvLayout<Result> longer = LAYOUT.section("again", List.of("n"), (r, rows) -> rows.add(List.of(r.total())));
        assertEquals(List.of("names", "total"), LAYOUT.names());
        assertEquals(List.of("names", "total", "again"), longer.names());
    }

    @Test
    void twoSectionsCannotShareAName() {
        assertThrows(IllegalArgumentException.class, () -> LAYOUT.section("total", List.of("n"), (r, rows) -> {}));
    }
}
