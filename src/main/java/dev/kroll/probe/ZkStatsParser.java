package dev.kroll.probe;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Parses what ZooKeeper answers to {@code srvr} and {@code mntr}, over the four-letter-word port
 * and from the AdminServer's JSON ({@code /commands/mntr}, {@code /commands/srvr}). Pure.
 */
public final class ZkStatsParser {

    /** ZooKeeper's words when a command is not in {@code 4lw.commands.whitelist}. */
    static final String NOT_WHITELISTED = "is not executed because it is not in the whitelist";
    /** ZooKeeper's words when the server has no quorum to serve from (still electing, or cut off). */
    static final String NOT_SERVING = "not currently serving requests";

    private static final ObjectMapper JSON = new ObjectMapper();

    private ZkStatsParser() {
    }

    /** {@code Zookeeper version: …}, {@code Latency min/avg/max: 0/0.1/12}, {@code Zxid: 0x…}, {@code Mode: leader}, … */
    public static ZkAnswer parseSrvr(String text) {
        ZkAnswer refusal = refusal(text);
        if (refusal != null) {
            return refusal;
        }
        Map<String, String> kv = new HashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                kv.put(line.substring(0, colon).trim(), line.substring(colon + 1).trim());
            }
        }
        String mode = kv.get("Mode");
        if (mode == null) {
            return ZkAnswer.of(ZkAnswer.Kind.UNREADABLE, firstLine(text));
        }
        Long min = null;
        Double avg = null;
        Long max = null;
        String[] lat = kv.getOrDefault("Latency min/avg/max", "").split("/");
        if (lat.length == 3) {
            min = asLong(lat[0]);
            avg = asDouble(lat[1]);
            max = asLong(lat[2]);
        }
        String zxid = kv.get("Zxid");
        Long zx = zxid != null && zxid.startsWith("0x") ? Long.parseUnsignedLong(zxid.substring(2), 16) : asLong(zxid);
        return ZkAnswer.stats(new ZkServerStats(ZkMode.parse(mode), version(kv.get("Zookeeper version")), zx, min, avg, max,
                asLong(kv.get("Outstanding")), asLong(kv.get("Connections")), asLong(kv.get("Node count")),
                null, null, ZkServerStats.Via.FOUR_LETTER_WORDS));
    }

    /** Tab-separated {@code zk_key value} lines. */
    public static ZkAnswer parseMntr(String text) {
        ZkAnswer refusal = refusal(text);
        if (refusal != null) {
            return refusal;
        }
        Map<String, String> kv = new HashMap<>();
        for (String line : text.split("\n")) {
            String[] parts = line.split("\t", 2);
            if (parts.length == 2 && parts[0].startsWith("zk_")) {
                kv.put(parts[0].substring(3), parts[1].trim());
            }
        }
        if (!kv.containsKey("server_state")) {
            return ZkAnswer.of(ZkAnswer.Kind.UNREADABLE, firstLine(text));
        }
        return ZkAnswer.stats(fromMonitor(kv::get, ZkServerStats.Via.FOUR_LETTER_WORDS));
    }

    /** The AdminServer's {@code /commands/mntr} JSON: the mntr keys without the {@code zk_} prefix. */
    public static ZkAnswer parseAdminMntr(String json) {
        JsonNode root = readJson(json);
        if (root == null || !root.path("error").isNull() && !root.path("error").isMissingNode()) {
            return ZkAnswer.of(ZkAnswer.Kind.UNREADABLE, root == null ? firstLine(json) : root.path("error").asText());
        }
        if (!root.has("server_state")) {
            return ZkAnswer.of(ZkAnswer.Kind.UNREADABLE, "no server_state in the AdminServer's answer");
        }
        return ZkAnswer.stats(fromMonitor(k -> root.has(k) ? root.get(k).asText() : null, ZkServerStats.Via.ADMIN_SERVER));
    }

    /** The AdminServer's {@code /commands/srvr} JSON: only the zxid is taken (mntr has everything else). */
    public static Long parseAdminZxid(String json) {
        JsonNode root = readJson(json);
        JsonNode z = root == null ? null : root.path("server_stats").get("last_processed_zxid");
        return z == null || !z.canConvertToLong() ? null : z.asLong();
    }

    private static ZkServerStats fromMonitor(java.util.function.Function<String, String> get, ZkServerStats.Via via) {
        ZkMode mode = ZkMode.parse(get.apply("server_state"));
        // Only the leader's follower counts mean anything (in-process test clusters report them everywhere).
        boolean leader = mode == ZkMode.LEADER;
        String learners = get.apply("learners") != null ? get.apply("learners") : get.apply("followers");
        return new ZkServerStats(mode, version(get.apply("version")), null,
                asLong(get.apply("min_latency")), asDouble(get.apply("avg_latency")), asLong(get.apply("max_latency")),
                asLong(get.apply("outstanding_requests")), asLong(get.apply("num_alive_connections")),
                asLong(get.apply("znode_count")),
                leader ? asInt(learners) : null, leader ? asInt(get.apply("synced_followers")) : null, via);
    }

    private static ZkAnswer refusal(String text) {
        if (text == null || text.isBlank()) {
            return ZkAnswer.of(ZkAnswer.Kind.UNREADABLE, "empty answer");
        }
        if (text.contains(NOT_WHITELISTED)) {
            return ZkAnswer.of(ZkAnswer.Kind.NOT_WHITELISTED, firstLine(text));
        }
        if (text.contains(NOT_SERVING)) {
            return ZkAnswer.of(ZkAnswer.Kind.NOT_SERVING, firstLine(text));
        }
        return null;
    }

    private static JsonNode readJson(String json) {
        try {
            JsonNode n = JSON.readTree(json);
            return n != null && n.isObject() ? n : null;
        } catch (IOException e) {
            return null;
        }
    }

    /** {@code 3.8.4} from {@code 3.8.4-9316c2a…, built on …}. */
    private static String version(String v) {
        if (v == null) {
            return null;
        }
        int cut = v.indexOf('-');
        int comma = v.indexOf(',');
        int end = cut > 0 ? cut : comma > 0 ? comma : v.length();
        return v.substring(0, end).trim();
    }

    private static String firstLine(String text) {
        String t = text == null ? "" : text.strip();
        int nl = t.indexOf('\n');
        String line = nl < 0 ? t : t.substring(0, nl);
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }

    private static Long asLong(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s.trim());
        } catch (NumberFormatException e) {
            Double d = asDouble(s);
            return d == null ? null : Math.round(d);
        }
    }

    private static Integer asInt(String s) {
        Long l = asLong(s);
        return l == null ? null : l.intValue();
    }

    private static Double asDouble(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Double.parseDouble(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
