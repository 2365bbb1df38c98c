package dev.kroll.inventory.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsParameters;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A stand-in for PuppetDB on 127.0.0.1: the JDK's HTTP(S) server answering {@code /pdb/query/v4}
 * with recorded PuppetDB v4 responses (test resources under {@code puppetdb/}), chosen per request
 * by the test. Records every PQL query it receives. Stops itself on close.
 */
final class FakePuppetDb implements AutoCloseable {

    /** An answer: status, content type and the recorded body (a resource name, or literal text). */
    record Answer(int status, String contentType, String body) {
        static Answer json(String resource) {
            return new Answer(200, "application/json; charset=utf-8", resource(resource));
        }

        static Answer of(int status, String contentType, String resource) {
            return new Answer(status, contentType, resource(resource));
        }
    }

    private static final Pattern OFFSET = Pattern.compile("\\boffset (\\d+)");
    private static final Pattern LIMIT = Pattern.compile("\\blimit (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private final CountDownLatch closing = new CountDownLatch(1);

    private FakePuppetDb(HttpServer server, Function<String, Answer> answers) {
        this.server = server;
        server.createContext("/pdb/query/v4", exchange -> handle(exchange, answers));
        server.start();
    }

    static FakePuppetDb http(Function<String, Answer> answers) throws IOException {
        return new FakePuppetDb(HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0), answers);
    }

    /** HTTPS that requires a client certificate signed by the trusted CA. */
    static FakePuppetDb https(SSLContext ssl, Function<String, Answer> answers) throws IOException {
        HttpsServer s = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        s.setHttpsConfigurator(new HttpsConfigurator(ssl) {
            @Override
            public void configure(HttpsParameters params) {
                // through SSLParameters: the JDK applies a bare setNeedClientAuth and then clears it with wantClientAuth=false
                SSLParameters p = getSSLContext().getDefaultSSLParameters();
                p.setNeedClientAuth(true);
                params.setSSLParameters(p);
            }
        });
        return new FakePuppetDb(s, answers);
    }

    /** Pages of the recorded Kafka nodes, picked by the offset in the PQL: offset / pageSize. */
    static Function<String, Answer> kafkaPages(int pageSize) {
        return pql -> {
            Matcher m = OFFSET.matcher(pql);
            int page = m.find() ? Integer.parseInt(m.group(1)) / pageSize : 0;
            return page <= 2 ? Answer.json("kafka-page-" + page + ".json") : Answer.json("empty.json");
        };
    }

    /** A recorded answer served the way PuppetDB pages: the rows from the query's offset, at most its limit. */
    static Function<String, Answer> sliced(String resource) {
        return pql -> {
            Matcher offset = OFFSET.matcher(pql);
            Matcher limit = LIMIT.matcher(pql);
            try {
                JsonNode all = JSON.readTree(resource(resource));
                int from = offset.find() ? Integer.parseInt(offset.group(1)) : 0;
                int max = limit.find() ? Integer.parseInt(limit.group(1)) : all.size();
                ArrayNode page = JSON.createArrayNode();
                for (int i = from; i < all.size() && i < from + max; i++) {
                    page.add(all.get(i));
                }
                return new Answer(200, "application/json", JSON.writeValueAsString(page));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /** Answers that never come (until the server closes): for timeouts. */
    Function<String, Answer> silence() {
        return pql -> {
            try {
                closing.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Answer.json("empty.json");
        };
    }

    String url(String scheme) {
        return scheme + "://127.0.0.1:" + server.getAddress().getPort();
    }

    String url() {
        return url(server instanceof HttpsServer ? "https" : "http");
    }

    List<String> queries() {
        return List.copyOf(queries);
    }

    private void handle(HttpExchange exchange, Function<String, Answer> answers) throws IOException {
        try (exchange) {
            String raw = exchange.getRequestURI().getRawQuery();
            String pql = "";
            for (String param : raw == null ? new String[0] : raw.split("&")) {
                if (param.startsWith("query=")) {
                    pql = URLDecoder.decode(param.substring("query=".length()), StandardCharsets.UTF_8);
                }
            }
            queries.add(pql);
            Answer a = answers.apply(pql);
            byte[] body = a.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", a.contentType());
            exchange.sendResponseHeaders(a.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    static String resource(String name) {
        try (InputStream in = FakePuppetDb.class.getResourceAsStream("/puppetdb/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no recorded response " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
    }
}
