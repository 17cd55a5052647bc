package io.github.sagemakerfake.server;

import io.github.sagemakerfake.internal.protocol.ProtocolResponse;
import io.github.sagemakerfake.internal.remote.AdminPaths;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The web console: one static page (HTML, a small script, a style sheet) served from the
 * classpath at {@code /_fake/ui}, and the redirect of a browser's {@code GET /} to it. The page
 * holds no data: it reads and acts through the admin API like any other client, with the same
 * checks (in strict mode it signs its requests with the key pair the user types in). Its
 * Content-Security-Policy lets it load nothing but itself and run no inline script, so a value
 * shown on it can never run as script. See docs/server.md.
 */
final class Console {

    static final String PATH = AdminPaths.UI;

    private static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; form-action 'none'; frame-ancestors 'none'; base-uri 'none'";

    private static final Map<String, Asset> ASSETS = Map.of(
            PATH, new Asset("console.html", "text/html; charset=utf-8"),
            PATH + "/", new Asset("console.html", "text/html; charset=utf-8"),
            PATH + "/console.js", new Asset("console.js", "text/javascript; charset=utf-8"),
            PATH + "/console.css", new Asset("console.css", "text/css; charset=utf-8"));

    private record Asset(String resource, String contentType) {
    }

    private Console() {
    }

    /**
     * The answer when the request is for the console: a page of it, or the redirect of a
     * browser's {@code GET /}; null for every other request (API clients keep their answers).
     */
    static ProtocolResponse answer(String method, String path, Map<String, List<String>> headers) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return null;
        }
        if ("/".equals(path)) {
            return acceptsHtml(headers) ? redirect() : null;
        }
        Asset asset = ASSETS.get(path);
        if (asset == null) {
            return null;
        }
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Content-Type", asset.contentType());
        out.put("Cache-Control", "no-cache");
        out.put("X-Content-Type-Options", "nosniff");
        out.put("Referrer-Policy", "no-referrer");
        out.put("Content-Security-Policy", CSP);
        return ProtocolResponse.http(200, out, bytes(asset.resource()));
    }

    /** Only a browser navigating to the endpoint asks for HTML first; SDKs, the CLI and curl do not. */
    private static boolean acceptsHtml(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> e : headers.entrySet()) {
            if ("accept".equalsIgnoreCase(e.getKey())) {
                for (String v : e.getValue()) {
                    if (v.toLowerCase(Locale.ROOT).contains("text/html")) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static ProtocolResponse redirect() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put("Location", PATH);
        out.put("Content-Type", "text/plain; charset=utf-8");
        out.put("Cache-Control", "no-cache");
        return ProtocolResponse.http(302, out, ("The web console is at " + PATH + "\n").getBytes(
                java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Read on each request: a few kilobytes, and a page edited in a running IDE shows at once. */
    static byte[] bytes(String resource) {
        try (InputStream in = Console.class.getResourceAsStream("console/" + resource)) {
            if (in == null) {
                throw new IllegalStateException("The console resource " + resource + " is missing from the jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
