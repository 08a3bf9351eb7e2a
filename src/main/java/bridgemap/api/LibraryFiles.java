package bridgemap.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.webjars.WebJarVersionLocator;

/**
 * The web view's libraries, straight from their WebJars and without version numbers in URLs:
 * {@code /lib/{webjar}/{path}} (e.g. {@code /lib/cytoscape/dist/cytoscape.esm.min.mjs}) and
 * {@code /assets/{path}}, the fonts and images GOV.UK Frontend's CSS asks for at that absolute path.
 */
final class LibraryFiles {

    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("css", "text/css; charset=utf-8"),
            Map.entry("js", "text/javascript; charset=utf-8"),
            Map.entry("mjs", "text/javascript; charset=utf-8"),
            Map.entry("map", "application/json"),
            Map.entry("json", "application/json"),
            Map.entry("woff2", "font/woff2"),
            Map.entry("woff", "font/woff"),
            Map.entry("png", "image/png"),
            Map.entry("svg", "image/svg+xml"),
            Map.entry("ico", "image/x-icon"),
            Map.entry("html", "text/html; charset=utf-8"));

    private final WebJarVersionLocator locator = new WebJarVersionLocator();

    void library(Context ctx) {
        String rest = ctx.pathParam("path");
        int slash = rest.indexOf('/');
        if (slash <= 0) {
            ctx.status(404);
            return;
        }
        String webjar = rest.substring(0, slash);
        String file = rest.substring(slash + 1);
        String full = safe(file) ? locator.fullPath(webjar, file) : null;
        send(ctx, full, file);
    }

    void govukAsset(Context ctx) {
        String file = ctx.pathParam("path");
        String full = safe(file) ? locator.fullPath("govuk-frontend", "dist/govuk/assets/" + file) : null;
        send(ctx, full, file);
    }

    private static boolean safe(String path) {
        return !path.isEmpty() && !path.contains("..") && !path.startsWith("/") && !path.contains("\\");
    }

    private static void send(Context ctx, String resource, String file) {
        if (resource == null) {
            ctx.status(404).result("Not found");
            return;
        }
        InputStream in = LibraryFiles.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            ctx.status(404).result("Not found");
            return;
        }
        try (in) {
            String extension = file.substring(file.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
            ctx.contentType(TYPES.getOrDefault(extension, "application/octet-stream"));
            ctx.header("Cache-Control", "public, max-age=86400");
            ctx.result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
