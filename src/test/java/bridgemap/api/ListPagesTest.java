package bridgemap.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import bridgemap.service.InvalidInputException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 17: long lists a page at a time, with totals, cursors that hold, and bad input named. */
class ListPagesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final ListPages LISTS = new ListPages(List.of(
            ListPages.PagedList.of("rows", "part.rows").summing("n").countingBy("kind"),
            ListPages.PagedList.view("odd", "part.rows", "part.odd", row -> row.path("n").asInt() % 2 == 1)
                    .summing("n").presence("note")));

    /** {part: {rows: [{n: 0, kind: a|b, note?}, …]}, other: 1} with {@code size} rows. */
    private static JsonNode answer(int size) {
        ObjectNode root = MAPPER.createObjectNode();
        var rows = root.putObject("part").putArray("rows");
        for (int i = 0; i < size; i++) {
            ObjectNode row = rows.addObject().put("n", i).put("kind", i % 3 == 0 ? "a" : "b");
            if (i < 4) {
                row.put("note", "early");
            }
        }
        root.put("other", 1);
        return root;
    }

    static JsonNode pageOf(JsonNode answer, String list) {
        for (JsonNode each : answer.get("pages")) {
            if (each.get("list").asText().equals(list)) {
                return each;
            }
        }
        throw new AssertionError("no page of " + list + " in " + answer.get("pages"));
    }

    private static List<Integer> ns(JsonNode rows) {
        List<Integer> ns = new ArrayList<>();
        rows.forEach(r -> ns.add(r.get("n").asInt()));
        return ns;
    }

    @Test
    void theFirstPageSaysTheTotalsAndWhatWasLeftOut() {
        JsonNode full = answer(250);
        ObjectNode page = LISTS.page(full, LISTS.request(null, List.of()));
        assertEquals(100, page.at("/part/rows").size());
        assertEquals(1, page.get("other").asInt(), "other fields are kept");
        JsonNode about = pageOf(page, "rows");
        assertEquals("part.rows", about.get("path").asText());
        assertEquals(250, about.get("total").asInt());
        assertEquals(100, about.get("returned").asInt());
        assertEquals(150, about.get("leftOut").asInt());
        assertTrue(about.get("previous").isNull());
        assertEquals(250 * 249 / 2, about.at("/sum/n").asLong(), "the sum is over every row, not the page");
        assertEquals(84, about.at("/rowsBy/a").asInt());
        assertEquals(166, about.at("/rowsBy/b").asInt());
        JsonNode odd = pageOf(page, "odd");
        assertEquals(125, odd.get("total").asInt());
        assertEquals(List.of(1, 3, 5), ns(page.at("/part/odd")).subList(0, 3));
        assertEquals(2, odd.at("/rowsWith/note").asInt());
        assertEquals(250, full.at("/part/rows").size(), "the whole answer is not changed");
    }

    @Test
    void cursorsWalkTheListAndBackAndGiveTheSameRowsEachTime() {
        JsonNode full = answer(250);
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        List<String> previous = new ArrayList<>();
        do {
            ObjectNode page = LISTS.page(full, LISTS.request("40", cursor == null ? List.of() : List.of(cursor)));
            seen.addAll(ns(page.at("/part/rows")));
            previous.add(pageOf(page, "rows").path("previous").isNull() ? null : pageOf(page, "rows").path("previous").asText());
            assertEquals(40, page.at("/part/odd").size(), "a list without a cursor starts at its first row");
            cursor = pageOf(page, "rows").path("next").isNull() ? null : pageOf(page, "rows").path("next").asText();
        } while (cursor != null);
        List<Integer> all = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            all.add(i);
        }
        assertEquals(all, seen);
        // The last page (240–249) goes back to 200; a rebuilt answer with the same rows takes the same cursor.
        ObjectNode back = LISTS.page(answer(250), LISTS.request("40", List.of(previous.get(previous.size() - 1))));
        assertEquals(200, back.at("/part/rows/0/n").asInt());
        assertEquals(200, pageOf(back, "rows").path("offset").asInt());
    }

    @Test
    void aCursorForRowsThatChangedIsRefused() {
        String next = pageOf(LISTS.page(answer(250), ListPages.Request.FIRST), "rows").path("next").asText();
        var e = assertThrows(InvalidInputException.class, () -> LISTS.page(answer(251), LISTS.request(null, List.of(next))));
        assertEquals("cursor", e.field());
    }

    @Test
    void badLimitsAndCursorsAreNamed() {
        for (String limit : new String[] {"0", "-1", "1001", "ten", "2.5", "99999999999"}) {
            assertEquals("limit", assertThrows(InvalidInputException.class, () -> LISTS.request(limit, List.of())).field(), limit);
        }
        assertEquals(1000, LISTS.request("1000", List.of()).limit());
        String other = ListPages.encode("nonesuch", 0, "x");
        for (String cursor : new String[] {"!!", "bm90IGEgY3Vyc29y", other}) {
            assertEquals("cursor", assertThrows(InvalidInputException.class, () -> LISTS.request(null, List.of(cursor))).field(),
                    cursor);
        }
        String twice = ListPages.encode("rows", 10, "x");
        assertThrows(InvalidInputException.class, () -> LISTS.request(null, List.of(twice, twice)));
        JsonNode full = answer(20);
        String check = pageOf(LISTS.page(full, LISTS.request("5", List.of())), "rows").path("next").asText();
        String past = ListPages.encode("rows", 21, new String(java.util.Base64.getUrlDecoder().decode(check)).split(":")[2]);
        assertEquals("cursor", assertThrows(InvalidInputException.class,
                () -> LISTS.page(full, LISTS.request(null, List.of(past)))).field());
    }

    @Test
    void anEmptyListHasOnePageOfNothing() {
        ObjectNode page = LISTS.page(answer(0), ListPages.Request.FIRST);
        assertEquals(0, pageOf(page, "rows").path("total").asInt());
        assertTrue(pageOf(page, "rows").path("next").isNull());
        assertEquals(0, page.at("/part/rows").size());
    }

    @Test
    void aViewMayNotReplaceAFieldOfTheAnswer() {
        ListPages clash = new ListPages(List.of(ListPages.PagedList.view("x", "part.rows", "other", row -> true)));
        assertThrows(IllegalStateException.class, () -> clash.page(answer(3), ListPages.Request.FIRST));
    }
}
