package bridgemap.openreferral;

import bridgemap.ingest.Problem;
import java.util.Objects;

/**
 * Where a record of a directory was read: a CSV file and the line its row starts on, or a JSON file and
 * the JSON pointer of its object. A problem with one of its fields is located from here.
 */
record Origin(String file, int line, String pointer) {

    Origin {
        Objects.requireNonNull(file, "file");
    }

    static Origin csv(String file, int line) {
        return new Origin(file, line, null);
    }

    static Origin json(String file, String pointer) {
        return new Origin(file, Problem.NO_LINE, Objects.requireNonNull(pointer, "pointer"));
    }

    boolean isJson() {
        return pointer != null;
    }

    /** The origin of a nested object: the same row of a CSV file, or {@code pointer/segment} in JSON. */
    Origin child(Object segment) {
        return isJson() ? json(file, pointer + "/" + escape(segment.toString())) : this;
    }

    /** A problem with {@code field} of this record: {@code file:line: field: …} or {@code file: /pointer/field: …}. */
    Problem problem(String field, String message) {
        return isJson() ? new Problem(file, Problem.NO_LINE, pointer + "/" + escape(field), message)
                : new Problem(file, line, field, message);
    }

    /** A problem with the record as a whole. */
    Problem problem(String message) {
        return isJson() ? new Problem(file, Problem.NO_LINE, pointer.isEmpty() ? "/" : pointer, message)
                : new Problem(file, line, "(row)", message);
    }

    /** "services.csv:3" or "service_full.json: /contents/0", for messages that point at another record. */
    String describe() {
        return isJson() ? file + ": " + (pointer.isEmpty() ? "/" : pointer) : file + ":" + line;
    }

    /** RFC 6901 escaping of one pointer segment. */
    private static String escape(String segment) {
        return segment.replace("~", "~0").replace("/", "~1");
    }
}
