package bridgemap.api;

import bridgemap.app.BridgemapApp;
import bridgemap.service.InvalidInputException;
import bridgemap.service.NotFoundException;
import bridgemap.openreferral.OpenReferralFeed;
import bridgemap.openreferral.OpenReferralFeed.PageRequest;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.util.Optional;

/**
 * Bridgemap's service map as a read-only Open Referral feed: the HSDS 3.0 API ({@code /services}, {@code /services/{id}},
 * {@code /organizations}, {@code /organizations/{id}}, {@code /taxonomies}, {@code /taxonomies/{id}},
 * {@code /taxonomy_terms}, {@code /taxonomy_terms/{id}} and the API's own {@code /}) under {@value #PREFIX}, so that a
 * directory or an Open Referral tool given that address as its base reads the specification's paths. Under
 * {@code /api}, like every Bridgemap route: the same tokens, roles, perimeter and problem documents apply, and the
 * version in the path leaves room for a later HSDS beside it. Lists page with {@code page} (from 1) and
 * {@code per_page} (1 to {@value OpenReferralFeed#MAX_PER_PAGE}, default {@value OpenReferralFeed#DEFAULT_PER_PAGE});
 * a bad value is 400, an unknown id 404, both as problem details. The directory holds no counts of people, so every
 * role reads it as it is, researchers included.
 */
final class OpenReferralFeedRoutes {

    static final String PREFIX = "/api/openreferral/v3";

    private final BridgemapApp app;

    OpenReferralFeedRoutes(BridgemapApp app) {
        this.app = app;
    }

    /** {@code GET /}: which HSDS version this API serves and where its description is. */
    void root(Context ctx) {
        ObjectNode about = JsonNodeFactory.instance.objectNode();
        about.put("version", "3.0");
        about.put("openapi_url", ctx.scheme() + "://" + ctx.host() + "/openapi.json");
        ctx.json(about);
    }

    void services(Context ctx) {
        ctx.json(feed().services(page(ctx), text(ctx, "organization_id"), text(ctx, "taxonomy_term_id")));
    }

    void service(Context ctx) {
        ctx.json(found(feed().service(ctx.pathParam("id")), "service", ctx));
    }

    void organizations(Context ctx) {
        ctx.json(feed().organizations(page(ctx)));
    }

    void organization(Context ctx) {
        ctx.json(found(feed().organization(ctx.pathParam("id")), "organization", ctx));
    }

    void taxonomies(Context ctx) {
        ctx.json(feed().taxonomies(page(ctx)));
    }

    void taxonomy(Context ctx) {
        ctx.json(found(feed().taxonomy(ctx.pathParam("id")), "taxonomy", ctx));
    }

    void taxonomyTerms(Context ctx) {
        ctx.json(feed().taxonomyTerms(page(ctx), text(ctx, "taxonomy_id")));
    }

    void taxonomyTerm(Context ctx) {
        ctx.json(found(feed().taxonomyTerm(ctx.pathParam("id")), "taxonomy term", ctx));
    }

    private OpenReferralFeed feed() {
        return app.exports().openReferralFeed();
    }

    private static ObjectNode found(Optional<ObjectNode> record, String what, Context ctx) {
        return record.orElseThrow(() -> new NotFoundException("No " + what + " with id \"" + ctx.pathParam("id")
                + "\" in this directory."));
    }

    /** {@code page} and {@code per_page}, each a whole number in range, or 400 naming the parameter. */
    private static PageRequest page(Context ctx) {
        int page = number(ctx, "page", 1, 1, Integer.MAX_VALUE);
        int perPage = number(ctx, "per_page", OpenReferralFeed.DEFAULT_PER_PAGE, 1, OpenReferralFeed.MAX_PER_PAGE);
        return new PageRequest(page, perPage);
    }

    private static int number(Context ctx, String name, int absent, int min, int max) {
        String value = text(ctx, name);
        if (value == null) {
            return absent;
        }
        if (!value.matches("-?[0-9]+")) {
            throw new InvalidInputException(name, name + " \"" + value + "\" is not a whole number");
        }
        long n = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
        if (n < min || n > max) {
            throw new InvalidInputException(name, name + " must be from " + min + " to " + max + " (not " + value + ")");
        }
        return (int) n;
    }

    private static String text(Context ctx, String name) {
        String value = ctx.queryParam(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
