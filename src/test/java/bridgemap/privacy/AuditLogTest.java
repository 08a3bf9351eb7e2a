package bridgemap.privacy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One entry is one line, whatever its parameters hold (issue 13, item 6). */
class AuditLogTest {

    @TempDir
    Path temp;

    @Test
    void noCharacterInAParameterEndsTheLine() throws Exception {
        // Every C0 and C1 control, DEL, the Unicode line and paragraph separators, and the bidirectional controls.
        StringBuilder hostile = new StringBuilder("before");
        IntStream.rangeClosed(0, 0x1f).forEach(hostile::appendCodePoint);
        IntStream.rangeClosed(0x7f, 0x9f).forEach(hostile::appendCodePoint);
        hostile.append("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200b\ufeff after \uD83D\uDE00 é");
        Path file = temp.resolve("audit.log");
        try (AuditLog log = AuditLog.open(file, Clock.systemUTC())) {
            log.record("who\u2028forged", "admin", "action", Map.of("x", hostile.toString()), "200", 1);
            AuditLog.Action action = AuditLog.Action.of("cli:someone", "admin", "import", Map.of("path", "a\u0085b"));
            log.started(action);
            log.record(action, "imported", 34);
        }
        String text = Files.readString(file, StandardCharsets.UTF_8);
        List<String> lines = Pattern.compile("\\R").splitAsStream(text).toList();
        assertEquals(3, lines.size(), "three entries, three lines: " + text);
        ObjectMapper mapper = new ObjectMapper();
        JsonNode first = mapper.readTree(lines.get(0));
        assertEquals(hostile.toString(), first.get("parameters").get("x").asText(), "escaped, not dropped");
        assertEquals("who\u2028forged", first.get("who").asText());
        assertTrue(lines.get(0).contains("\\u2028") && lines.get(0).contains("\\u0085") && lines.get(0).contains("\\u202e"));
        assertTrue(lines.get(0).contains("\uD83D\uDE00 é"), "other characters are written as they are");
        JsonNode started = mapper.readTree(lines.get(1));
        JsonNode outcome = mapper.readTree(lines.get(2));
        assertEquals("started", started.get("outcome").asText());
        assertEquals("imported", outcome.get("outcome").asText());
        assertEquals(started.get("request"), outcome.get("request"));
        assertTrue(!first.get("request").equals(started.get("request")));
    }
}
