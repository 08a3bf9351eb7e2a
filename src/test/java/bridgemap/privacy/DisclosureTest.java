package bridgemap.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class DisclosureTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static String apply(String json) throws Exception {
        return Disclosure.apply(JSON.readTree(json)).toString();
    }

    @Test
    void theSmallNumberRule() {
        assertEquals("0", Disclosure.count(0).toString());
        for (int n = 1; n <= 7; n++) {
            assertEquals("\"*\"", Disclosure.count(n).toString(), "count " + n);
        }
        assertEquals("10", Disclosure.count(8).toString());
        assertEquals("10", Disclosure.count(12).toString());
        assertEquals("15", Disclosure.count(13).toString(), "halves round up");
        assertEquals("15", Disclosure.count(15).toString());
        assertEquals("1235", Disclosure.count(1234).toString());
    }

    @Test
    void ratesOnASuppressedCountAreSuppressed() throws Exception {
        assertEquals("{\"boroughName\":\"Richmond\",\"cases\":10,\"resolved\":10,\"deadEnds\":\"*\",\"rate\":\"*\"}",
                apply("{\"boroughName\":\"Richmond\",\"cases\":8,\"resolved\":8,\"deadEnds\":3,\"rate\":0.375}"));
    }

    @Test
    void otherRatesAreRoundedToWholePercent() throws Exception {
        assertEquals("{\"resolved\":35,\"deadEnds\":10,\"rate\":0.32}",
                apply("{\"resolved\":37,\"deadEnds\":12,\"rate\":0.32432432}"));
    }

    @Test
    void intervalsAndNestedObjects() throws Exception {
        String before = "{\"pairs\":[{\"brokered\":{\"handOffs\":1477,\"accepted\":918,\"pending\":0,"
                + "\"acceptance\":{\"estimate\":0.6594,\"lower\":0.6342,\"upper\":0.6836}},"
                + "\"direct\":{\"handOffs\":10,\"accepted\":4,\"pending\":0,\"acceptance\":{\"estimate\":0.4,\"lower\":0.168,\"upper\":0.687}}}]}";
        assertEquals("{\"pairs\":[{\"brokered\":{\"handOffs\":1475,\"accepted\":920,\"pending\":0,"
                + "\"acceptance\":{\"estimate\":0.66,\"lower\":0.63,\"upper\":0.68}},"
                + "\"direct\":{\"handOffs\":10,\"accepted\":\"*\",\"pending\":0,\"acceptance\":\"*\"}}]}", apply(before));
    }

    @Test
    void perEdgeReferralCountsToo() throws Exception {
        assertEquals("{\"elements\":{\"edges\":[{\"data\":{\"source\":\"a\",\"target\":\"b\",\"referrals\":\"*\",\"accepted\":\"*\"}}]}}",
                apply("{\"elements\":{\"edges\":[{\"data\":{\"source\":\"a\",\"target\":\"b\",\"referrals\":2,\"accepted\":1}}]}}"));
    }

    @Test
    void structuralCountsAreLeftAlone() throws Exception {
        assertEquals("{\"practitionersPlaced\":3,\"brokerage\":{\"liaison\":2,\"total\":5}}",
                apply("{\"practitionersPlaced\":3,\"brokerage\":{\"liaison\":2,\"total\":5}}"));
    }
}
