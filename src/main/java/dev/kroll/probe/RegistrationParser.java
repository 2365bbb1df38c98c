package dev.kroll.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Parses Kafka's znodes: {@code /brokers/ids/<id>} and {@code /controller}. Pure. */
public final class RegistrationParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    private RegistrationParser() {
    }

    /** {@code {"endpoints":["PLAINTEXT://kafka1:9092"],"host":"kafka1","port":9092,"rack":"r1","timestamp":"…"}}. */
    public static BrokerRegistration broker(int id, byte[] data) throws IOException {
        JsonNode n = JSON.readTree(new String(data, StandardCharsets.UTF_8));
        List<String> endpoints = new ArrayList<>();
        n.path("endpoints").forEach(e -> endpoints.add(e.asText()));
        String host = n.path("host").isTextual() ? n.get("host").asText() : null;
        int port = n.path("port").asInt(-1);
        if ((host == null || port < 0) && !endpoints.isEmpty()) {
            // brokers without a PLAINTEXT listener register host null and port -1; the first endpoint says where
            String first = endpoints.get(0);
            String hostPort = first.substring(first.indexOf("://") + 3);
            int colon = hostPort.lastIndexOf(':');
            host = hostPort.substring(0, colon).replace("[", "").replace("]", "");
            port = Integer.parseInt(hostPort.substring(colon + 1));
        }
        String rack = n.path("rack").isTextual() ? n.get("rack").asText() : null;
        long ts = n.path("timestamp").asLong(0);
        return new BrokerRegistration(id, host, port, endpoints, rack, ts > 0 ? Instant.ofEpochMilli(ts) : null);
    }

    /** {@code {"version":2,"brokerid":1,"timestamp":"…"}}; null when unreadable. */
    public static Integer controller(byte[] data) {
        try {
            JsonNode n = JSON.readTree(new String(data, StandardCharsets.UTF_8));
            return n.has("brokerid") ? n.get("brokerid").asInt() : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** Which inventory host a registration comes from: its host or an endpoint names one of the host's names, on one of its ports. */
    public static boolean from(BrokerRegistration r, KafkaTarget t) {
        for (String name : t.names()) {
            if (name.equalsIgnoreCase(r.host()) && t.listensOn(r.port())) {
                return true;
            }
            String n = name.toLowerCase(java.util.Locale.ROOT);
            for (String e : r.endpoints()) {
                String lower = e.toLowerCase(java.util.Locale.ROOT);
                if ((lower.contains("://" + n + ":") || lower.contains("://[" + n + "]:")) && t.listensOn(port(lower))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static int port(String endpoint) {
        try {
            return Integer.parseInt(endpoint.substring(endpoint.lastIndexOf(':') + 1));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
