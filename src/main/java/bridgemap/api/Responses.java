package bridgemap.api;

import bridgemap.report.Json;
import bridgemap.privacy.Disclosure;
import bridgemap.privacy.Role;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Sends results as JSON; to researchers, through disclosure control. */
final class Responses {

    private static final ObjectMapper MAPPER = Json.mapper();

    private Responses() {}

    static void json(Context ctx, Object result) {
        if (Caller.of(ctx).role() == Role.RESEARCHER) {
            ctx.json(Disclosure.control(MAPPER, result));
        } else {
            ctx.json(result);
        }
    }

    /**
     * Sends a cached service result ({@code result}, the same object until the next import) as prepared bytes with
     * an ETag, gzipped when accepted, 304 when the caller holds it ({@link PreparedAnswers}); {@code body} makes the
     * object to write, once per entry (to researchers, under disclosure control).
     */
    static void cached(Context ctx, PreparedAnswers answers, Object result, java.util.function.Supplier<Object> body) {
        cached(ctx, answers, result, "", body);
    }

    /** As {@link #cached(Context, PreparedAnswers, Object, java.util.function.Supplier)} for one {@code variant} of it. */
    static void cached(Context ctx, PreparedAnswers answers, Object result, String variant,
            java.util.function.Supplier<Object> body) {
        boolean researcher = Caller.of(ctx).role() == Role.RESEARCHER;
        PreparedAnswers.send(ctx, answers.of(result, researcher, variant,
                () -> researcher ? Disclosure.control(MAPPER, body.get()) : body.get()));
    }

    /**
     * As {@link #cached(Context, PreparedAnswers, Object, java.util.function.Supplier)} for an answer with long lists,
     * sent a page at a time ({@link ListPages}): {@code request} (read by {@link #pageRequest}) chooses the page, and
     * each page is prepared bytes of its own. Researchers' pages are cut from the answer under disclosure control.
     */
    static void paged(Context ctx, PreparedAnswers answers, Object result, ListPages lists, ListPages.Request request) {
        boolean researcher = Caller.of(ctx).role() == Role.RESEARCHER;
        PreparedAnswers.send(ctx, answers.of(result, researcher, request.key(), () -> lists.page(
                answers.source(result, researcher, () -> researcher ? Disclosure.control(MAPPER, result)
                        : MAPPER.valueToTree(result)), request)));
    }

    /** The request's {@code limit} and {@code cursor}s for {@code lists}, read strictly (400 naming the field). */
    static ListPages.Request pageRequest(Context ctx, ListPages lists) {
        return lists.request(ctx.queryParam("limit"), ctx.queryParams("cursor"));
    }

    /** As {@link #cached(Context, PreparedAnswers, Object, java.util.function.Supplier)}, writing the result itself. */
    static void cached(Context ctx, PreparedAnswers answers, Object result) {
        cached(ctx, answers, result, () -> result);
    }

    /**
     * Writes this call to the audit log, as routes declared {@link Access#AUDITED} always are: for a route whose
     * calls are audited only for some parameters (the bundle export).
     */
    static void audited(Context ctx) {
        ctx.attribute(AUDIT_CALL, Boolean.TRUE);
    }

    static final String AUDIT_CALL = "bridgemap.audit.call";

    /** Records how many rows an audited call returned or wrote. */
    static void auditRows(Context ctx, long rows) {
        ctx.attribute("bridgemap.audit.rows", rows);
    }
}
