package bridgemap.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import bridgemap.model.NetworkNode;
import bridgemap.model.NodeType;
import bridgemap.model.Sector;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class JsonTest {

    record Sample(NetworkNode node, double score, Double missing, LocalDate day) {}

    @Test
    void vocabularyAsCodesDatesAsIsoAndNanAsNull() throws Exception {
        var node = new NetworkNode("mc-1", NodeType.SETTING, "Highbury Corner", Sector.CRIMINAL_JUSTICE, "magistrates_court", null);
        assertEquals("{\"node\":{\"id\":\"mc-1\",\"type\":\"setting\",\"name\":\"Highbury Corner\","
                        + "\"sector\":\"criminal_justice\",\"kind\":\"magistrates_court\",\"boroughId\":null},"
                        + "\"score\":null,\"missing\":null,\"day\":\"2014-06-30\"}",
                Json.mapper().writeValueAsString(new Sample(node, Double.NaN, Double.NaN, LocalDate.of(2014, 6, 30))));
        assertEquals("{\"node\":null,\"score\":0.25,\"missing\":1.5,\"day\":null}",
                Json.mapper().writeValueAsString(new Sample(null, 0.25, 1.5, null)));
    }
}
