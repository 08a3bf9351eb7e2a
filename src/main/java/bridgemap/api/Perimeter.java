package bridgemap.api;

import io.javalin.http.Context;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Keeps other web sites away from the server, which matters most without tokens, when every caller on this machine
 * is an admin and a web page the operator opens is such a caller:
 * <ul>
 *   <li><b>Host</b>, on every request: only a loopback name, an IP literal, the listen host when it is a name, or a
 *       name the operator configured ({@code serve --public-name}). DNS rebinding points a name the attacker controls
 *       at 127.0.0.1, so the browser sends that name; an IP literal cannot be rebound. Otherwise 421.</li>
 *   <li><b>Origin</b> and <b>Sec-Fetch-Site</b>, on state-changing requests (POST, PUT, PATCH, DELETE) and case-level
 *       reads (audited calls): a request whose {@code Origin} is present and not this server's, or that the browser
 *       marks {@code cross-site} or {@code same-site} (another port of the same host is another site's page), is
 *       cross-site request forgery. 403.</li>
 *   <li><b>Content-Type</b> on routes with a JSON body: {@code application/json}, which a cross-site form or a CORS
 *       "simple" request cannot send without a preflight this server never grants. 415.</li>
 * </ul>
 * See the OWASP Cross-Site Request Forgery Prevention Cheat Sheet (verifying origin with standard headers, Fetch
 * Metadata) and RFC 9110 §7.2 (Host) and §15.5.20 (421 Misdirected Request).
 */
final class Perimeter {

    /** Names that always mean this machine. */
    static final List<String> LOOPBACK_NAMES = List.of("localhost");

    private static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
    private static final Pattern IPV4 = Pattern.compile("((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
            + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");
    private static final Pattern IPV6 = Pattern.compile("\\[[0-9a-f:.]*:[0-9a-f:.]*(%25[0-9a-z._~-]+)?]");
    private static final Pattern PORT = Pattern.compile("[0-9]{1,5}");
    private static final Set<String> STATE_CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    /** A request the perimeter refuses: its status, title and the header at fault. */
    static final class BlockedException extends RuntimeException {
        private final int status;
        private final String title;
        private final String header;

        BlockedException(int status, String title, String header, String detail) {
            super(detail);
            this.status = status;
            this.title = title;
            this.header = header;
        }

        int status() {
            return status;
        }

        String title() {
            return title;
        }

        String header() {
            return header;
        }
    }

    private final Set<String> names;
    private final Set<String> publicNames;

    /**
     * Answers for the loopback names, IP literals, {@code listenHost} when it is a name, and {@code publicNames}
     * (each a DNS name; {@link #publicName} checks one).
     */
    Perimeter(String listenHost, Collection<String> publicNames) {
        Set<String> allowed = new LinkedHashSet<>(LOOPBACK_NAMES);
        String listen = listenHost.strip().toLowerCase(Locale.ROOT);
        if (!isIpLiteral(listen) && !listen.contains(":") && NAME.matcher(listen).matches()) {
            allowed.add(listen);
        }
        this.publicNames = publicNames.stream().map(Perimeter::publicName).collect(Collectors.toUnmodifiableSet());
        allowed.addAll(this.publicNames);
        this.names = Set.copyOf(allowed);
    }

    /** {@code name} as a host name to answer for: lower case, no trailing dot; an IllegalArgumentException if it is not a DNS name. */
    static String publicName(String name) {
        String lower = name.strip().toLowerCase(Locale.ROOT);
        String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
        if (bare.length() > 253 || !NAME.matcher(bare).matches() || isIpLiteral(bare)) {
            throw new IllegalArgumentException("\"" + name + "\" is not a host name (such as bridgemap.example.org); "
                    + "IP addresses and localhost are always answered");
        }
        return bare;
    }

    /** Refuses (421) a request whose {@code Host} names a server other than this one. */
    void checkHost(Context ctx) {
        String host = ctx.header("Host");
        if (host == null) {
            // HTTP/1.0 without Host: not a browser, which always sends it.
            return;
        }
        String name = hostName(host);
        if (name == null || !(isIpLiteral(name) || names.contains(name.endsWith(".") ? name.substring(0, name.length() - 1) : name))) {
            throw new BlockedException(421, "Unknown host name", "Host",
                    "This server does not answer for the name in the Host header (\"" + printable(host) + "\"). Use "
                            + "localhost, an IP address, or a name the operator has configured (serve --public-name).");
        }
    }

    /**
     * Refuses (403) a state-changing request, or a case-level read ({@code caseLevel}), sent from another site's page:
     * {@code Sec-Fetch-Site} says cross-site or same-site, or {@code Origin} is present and is not this server.
     */
    void checkOrigin(Context ctx, boolean caseLevel) {
        if (!caseLevel && !isStateChanging(ctx)) {
            return;
        }
        String site = ctx.header("Sec-Fetch-Site");
        if (site != null && (site.equalsIgnoreCase("cross-site") || site.equalsIgnoreCase("same-site"))) {
            throw new BlockedException(403, "Cross-site request refused", "Sec-Fetch-Site",
                    "The browser says this request comes from another site's page (Sec-Fetch-Site: " + printable(site)
                            + "); Bridgemap takes changes and case-level reads only from its own pages.");
        }
        String origin = ctx.header("Origin");
        if (origin != null && !isOwnOrigin(origin, ctx.header("Host"))) {
            throw new BlockedException(403, "Cross-site request refused", "Origin",
                    "The request comes from a page of another origin (Origin: " + printable(origin)
                            + "); Bridgemap takes changes and case-level reads only from its own pages.");
        }
    }

    /** POST, PUT, PATCH or DELETE. */
    static boolean isStateChanging(Context ctx) {
        return STATE_CHANGING.contains(ctx.method().name());
    }

    /** Refuses (415) a body that does not say it is JSON. */
    static void checkJsonBody(Context ctx) {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        if (!media.equals("application/json")) {
            throw new BlockedException(415, "Unsupported content type", "Content-Type",
                    "Send the body as JSON with the header Content-Type: application/json"
                            + (type == null ? " (none was sent)." : " (not " + printable(type) + ")."));
        }
    }

    /**
     * Whether {@code origin} is this server: the same host and port as the {@code Host} the browser sent, or a
     * configured public name on its scheme's default port (behind a reverse proxy the scheme may differ).
     */
    private boolean isOwnOrigin(String origin, String host) {
        URI uri;
        try {
            uri = new URI(origin.strip());
        } catch (URISyntaxException e) {
            return false;
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getRawAuthority() == null
                || !(uri.getRawPath() == null || uri.getRawPath().isEmpty()) || uri.getRawQuery() != null) {
            return false;
        }
        String authority = withoutDefaultPort(uri.getRawAuthority().toLowerCase(Locale.ROOT), scheme);
        if (host != null && authority.equals(withoutDefaultPort(host.strip().toLowerCase(Locale.ROOT), scheme))) {
            return true;
        }
        return uri.getPort() == -1 && publicNames.contains(authority);
    }

    private static String withoutDefaultPort(String authority, String scheme) {
        String suffix = scheme.equals("https") ? ":443" : ":80";
        return authority.endsWith(suffix) ? authority.substring(0, authority.length() - suffix.length()) : authority;
    }

    /** The name in a Host header (lower case, without the port; IPv6 in brackets), or null if it is malformed. */
    static String hostName(String header) {
        String host = header.strip().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (host.startsWith("[")) {
            int end = host.indexOf(']');
            if (end < 0) {
                return null;
            }
            name = host.substring(0, end + 1);
            port = host.substring(end + 1);
        } else {
            int colon = host.indexOf(':');
            name = colon < 0 ? host : host.substring(0, colon);
            port = colon < 0 ? "" : host.substring(colon);
        }
        if (!port.isEmpty() && !(port.startsWith(":") && PORT.matcher(port.substring(1)).matches())) {
            return null;
        }
        return name;
    }

    /** An IPv4 address in dotted-quad form or an IPv6 address in brackets: nothing DNS can point elsewhere. */
    static boolean isIpLiteral(String name) {
        return IPV4.matcher(name).matches() || IPV6.matcher(name).matches();
    }

    /** A header value for a message: printable ASCII only, at most 100 characters. */
    private static String printable(String value) {
        String clean = value.replaceAll("[^\\x20-\\x7e]", "?");
        return clean.length() > 100 ? clean.substring(0, 100) + "…" : clean;
    }
}
