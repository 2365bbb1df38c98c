package dev.kroll.inventory;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * kroll's bottom configuration layer. Values follow the production setup kroll replaces: 7 days or
 * 1 GiB of retention, 10 partitions, replication factor 2, topic deletion and auto-creation on.
 */
public final class Defaults {

    public static final int MIN_ZOOKEEPER_ENSEMBLE = 3;
    public static final int DEFAULT_REPLICATION_FACTOR = 2;

    /** Broker properties kroll sets unless a layer above overrides them (order kept for rendering). */
    public static final Map<String, String> BROKER;
    /** ZooKeeper properties kroll sets unless a layer above overrides them. */
    public static final Map<String, String> ZOOKEEPER;

    static {
        Map<String, String> b = new LinkedHashMap<>();
        b.put("num.partitions", "10");
        b.put("default.replication.factor", String.valueOf(DEFAULT_REPLICATION_FACTOR));
        b.put("log.retention.hours", "168");
        b.put("log.retention.bytes", "1073741824");
        b.put("log.segment.bytes", "1073741824");
        b.put("log.retention.check.interval.ms", "300000");
        b.put("delete.topic.enable", "true");
        b.put("auto.create.topics.enable", "true");
        b.put("num.network.threads", "3");
        b.put("num.io.threads", "8");
        b.put("num.recovery.threads.per.data.dir", "1");
        b.put("socket.send.buffer.bytes", "102400");
        b.put("socket.receive.buffer.bytes", "102400");
        b.put("socket.request.max.bytes", "104857600");
        b.put("zookeeper.connection.timeout.ms", "18000");
        b.put("group.initial.rebalance.delay.ms", "3000");
        BROKER = java.util.Collections.unmodifiableMap(b);

        Map<String, String> z = new LinkedHashMap<>();
        z.put("tickTime", "2000");
        z.put("initLimit", "10");
        z.put("syncLimit", "5");
        z.put("maxClientCnxns", "60");
        z.put("autopurge.snapRetainCount", "3");
        z.put("autopurge.purgeInterval", "24");
        z.put("4lw.commands.whitelist", "srvr,mntr,ruok,conf,stat");
        ZOOKEEPER = java.util.Collections.unmodifiableMap(z);
    }

    private Defaults() {
    }
}
