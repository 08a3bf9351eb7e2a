package bridgemap.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem detail, sent as {@code application/problem+json}. Extension members:
 * {@code parameter} names the request field at fault; {@code errors} lists every bad row of an import.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProblemDetail(String type, String title, int status, String detail, String instance, String parameter,
        List<String> errors) {

    public static final String CONTENT_TYPE = "application/problem+json";

    public static ProblemDetail of(int status, String title, String detail, String instance) {
        return new ProblemDetail("about:blank", title, status, detail, instance, null, null);
    }
}
