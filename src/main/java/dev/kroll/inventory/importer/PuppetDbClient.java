package dev.kroll.inventory.importer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kroll.util.Errors;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.List;
import java.util.Locale;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * Asks PuppetDB's v4 query API ({@code GET /pdb/query/v4?query=PQL}) and reads every page. Each failure
 * becomes one line naming the URL and what to do (exit 2): unreachable, TLS refused, an HTTP error
 * status with PuppetDB's own error text, or an answer that is not a JSON array.
 */
final class PuppetDbClient {

    static final String QUERY_PATH = "/pdb/query/v4";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI endpoint;
    private final String display;
    private final HttpClient http;
    private final Duration timeout;

    PuppetDbClient(URI endpoint, String display, SSLContext ssl, Duration timeout) {
        this.endpoint = endpoint;
        this.display = display;
        this.timeout = timeout;
        HttpClient.Builder b = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(timeout)
                .followRedirects(HttpClient.Redirect.NEVER);
        if (ssl != null) {
            b.sslContext(ssl);
        }
        this.http = b.build();
    }

    /** The query endpoint for what the operator typed: a base URL, with or without the path. */
    static URI endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw KrollException.badInput("'" + url + "' is not a URL — give PuppetDB's address, e.g. https://puppetdb.example.com:8081");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
            throw KrollException.badInput("'" + url + "' is not an http:// or https:// URL — give PuppetDB's address, "
                    + "e.g. https://puppetdb.example.com:8081");
        }
        if (uri.getRawUserInfo() != null) {
            throw KrollException.badInput("the PuppetDB URL carries a user name or password — remove it; PuppetDB authenticates"
                    + " clients with --cert and --key");
        }
        if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
            throw KrollException.badInput("the PuppetDB URL has a query or fragment — give only the address, e.g. https://puppetdb:8081");
        }
        String path = uri.getRawPath() == null ? "" : uri.getRawPath().replaceAll("/+$", "");
        if (!path.endsWith(QUERY_PATH)) {
            path = path + QUERY_PATH;
        }
        return URI.create(scheme + "://" + uri.getRawAuthority() + path);
    }

    /**
     * All rows of {@code entity[projection] { filter }}, {@code pageSize} at a time in the order of the
     * unique field {@code orderBy}. A row seen twice means the server ignored the offset (or the data
     * moved under the paging): that ends the import rather than loop.
     */
    List<JsonNode> queryAll(String head, String filter, String orderBy, int pageSize, String what) {
        List<JsonNode> rows = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int offset = 0; ; offset += pageSize) {
            String pql = head + " { (" + filter + ") order by " + orderBy + " limit " + pageSize + " offset " + offset + " }";
            JsonNode page = get(pql, what);
            if (page.size() > pageSize) {
                throw fail("answered " + page.size() + " " + what + " where at most " + pageSize + " were asked for",
                        "check that the URL is PuppetDB's (v4 query API)");
            }
            for (JsonNode row : page) {
                String key = row.path(orderBy).asText(null);
                if (key == null) {
                    throw fail("answered with a row without " + orderBy, "check that the URL is PuppetDB's (v4 query API)");
                }
                if (!seen.add(key)) {
                    throw fail(orderBy + " " + key + " came twice while paging", "the nodes changed during the import; run it again");
                }
                rows.add(row);
            }
            if (page.size() < pageSize) {
                return rows;
            }
        }
    }

    JsonNode get(String pql, String what) {
        URI uri = URI.create(endpoint + "?query=" + URLEncoder.encode(pql, StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("Accept", "application/json").GET().build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpConnectTimeoutException e) {
            throw fail("no connection within " + seconds() + " s", "check the URL and that the jump host may reach PuppetDB; raise --timeout", e);
        } catch (HttpTimeoutException e) {
            throw fail("no answer within " + seconds() + " s", "raise --timeout, or narrow --query", e);
        } catch (SSLException e) {
            throw fail("TLS failed (" + Errors.message(e) + ")", "pass --cacert with the CA that signed PuppetDB's certificate"
                    + " (Puppet's is /etc/puppetlabs/puppet/ssl/certs/ca.pem), and --cert/--key if PuppetDB wants a client certificate", e);
        } catch (ConnectException e) {
            boolean unresolved = e.getCause() instanceof UnresolvedAddressException;
            throw fail(unresolved ? "unknown host" : "cannot connect (" + (e.getMessage() == null ? "connection refused" : e.getMessage()) + ")",
                    unresolved ? "check the host name in the URL" : "check the URL and port (8081 for HTTPS, 8080 for HTTP) and that PuppetDB runs", e);
        } catch (IOException e) {
            throw fail("the connection failed (" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage()) + ")",
                    "check the URL: https:// for PuppetDB's TLS port 8081, http:// for 8080; with a client certificate, that PuppetDB allows it", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw fail("interrupted", "run the import again", e);
        }
        if (response.statusCode() != 200) {
            throw fail("answered HTTP " + response.statusCode() + ": " + errorText(response.body()), fixFor(response.statusCode()));
        }
        JsonNode node;
        try {
            node = JSON.readTree(response.body());
        } catch (JsonProcessingException e) {
            throw fail("answered with malformed JSON (" + e.getOriginalMessage().lines().findFirst().orElse("") + ")",
                    "check that the URL is PuppetDB's; a truncated answer means the query timed out on the server — narrow --query", e);
        }
        if (node == null || !node.isArray()) {
            throw fail("answered with " + (node == null ? "nothing" : "a JSON " + node.getNodeType().name().toLowerCase(Locale.ROOT))
                    + " instead of a list of " + what, "check that the URL is PuppetDB's (its query API lives at " + QUERY_PATH + ")");
        }
        return node;
    }

    private KrollException fail(String what, String fix) {
        return fail(what, fix, null);
    }

    /** One line for the user; the cause is kept for --debug and the log. */
    private KrollException fail(String what, String fix, Throwable cause) {
        return new KrollException(ExitCode.BAD_INPUT, "PuppetDB at " + display + ": " + what + " — " + fix, cause);
    }

    private long seconds() {
        return timeout.toSeconds();
    }

    private static String fixFor(int status) {
        return switch (status) {
            case 400 -> "check the fact filter given with --query (PQL, e.g. role='kafka')";
            case 401, 403 -> "PuppetDB refused this client: pass --cert/--key of a certificate on PuppetDB's allow list";
            case 404 -> "check the URL: PuppetDB's query API lives at " + QUERY_PATH;
            default -> status >= 500 ? "PuppetDB failed; check its log and try again" : "check the URL and options";
        };
    }

    /** PuppetDB's error text: a JSON {@code error} field, or the first line of a plain or HTML body, shortened. */
    static String errorText(String body) {
        String text = body == null ? "" : body.strip();
        if (text.startsWith("{")) {
            try {
                JsonNode n = JSON.readTree(text);
                if (n.hasNonNull("error")) {
                    text = n.get("error").asText();
                }
            } catch (JsonProcessingException e) {
                // not JSON after all: show it as text
            }
        }
        text = text.replaceAll("(?s)<(script|style)\\b.*?</\\1>", " ").replaceAll("<[^>]*>", " ");
        String line = text.lines().map(String::strip).filter(l -> !l.isEmpty()).findFirst().orElse("(no error text)");
        line = line.replaceAll("\\s+", " ");
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}
