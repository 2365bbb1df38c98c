package dev.kroll.rollout.local;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.gate.BrokerHealth;
import dev.kroll.rollout.gate.ClusterView;
import dev.kroll.rollout.gate.PartitionState;
import dev.kroll.rollout.gate.ZkMember;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.ClusterProbe;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;

/**
 * Derives a cluster view from the local service states: a broker registers {@code registerMillis}
 * after starting and rejoins the ISR of partition p {@code catchUpMillis * (p+1)} later; the
 * longest-running broker is the controller; ZooKeeper serves when a majority runs, the
 * longest-running server leads.
 */
final class LocalProbe implements ClusterProbe {

    private final LocalCluster c;
    private final ClusterPlan plan;

    LocalProbe(LocalCluster c, ClusterPlan plan) {
        this.c = c;
        this.plan = plan;
    }

    @Override
    public ClusterView snapshot() {
        return view(null);
    }

    @Override
    public ClusterView snapshotOf(String host) {
        return view(host);
    }

    private ClusterView view(String of) {
        long now = System.currentTimeMillis();
        Map<Integer, Long> up = new LinkedHashMap<>();
        for (Host h : c.inventory.hosts(Role.KAFKA)) {
            long t = c.startedAt(h.name(), Role.KAFKA);
            if (t >= 0 && now - t >= c.registerMillis) {
                up.put(plan.brokerId(h), t);
            }
        }
        String kafkaError = up.isEmpty() ? "no broker answers on any bootstrap address" : null;
        OptionalInt controller = up.entrySet().stream().min(Map.Entry.<Integer, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> OptionalInt.of(e.getKey())).orElse(OptionalInt.empty());
        List<Integer> ids = c.inventory.hosts(Role.KAFKA).stream().map(plan::brokerId).toList();
        // brokers that started together (a new cluster) have nothing to catch up; a restarted one has
        long formed = up.values().stream().mapToLong(Long::longValue).min().orElse(0);
        List<PartitionState> parts = new ArrayList<>();
        for (int p = 0; p < c.partitions && !up.isEmpty(); p++) {
            List<Integer> isr = new ArrayList<>();
            for (int id : ids) {
                Long t = up.get(id);
                Long stuckSince = c.stuckSince(hostOf(id));
                boolean stuck = t != null && stuckSince != null && t >= stuckSince;
                boolean fresh = t != null && t - formed < c.registerMillis;
                if (t != null && !stuck && (fresh || now - t >= c.registerMillis + c.catchUpMillis * (p + 1))) {
                    isr.add(id);
                }
            }
            int preferred = ids.get(p % ids.size());
            int leader = isr.contains(preferred) ? preferred : isr.isEmpty() ? -1 : isr.get(0);
            parts.add(new PartitionState("orders", p, ids, isr, leader, 2));
        }
        Map<Integer, BrokerHealth> health = new HashMap<>();
        up.keySet().forEach(id -> health.put(id, BrokerHealth.running(id)));
        c.reads.add(new LocalCluster.Read(now, true, starting(now), of));
        return new ClusterView(Instant.ofEpochMilli(now), up.keySet(), controller, parts, health, zookeeper(now), kafkaError, null);
    }

    @Override
    public java.util.Optional<Boolean> registered(int id) {
        long now = System.currentTimeMillis();
        c.reads.add(new LocalCluster.Read(now, false, starting(now), null));
        long t = c.startedAt(hostOf(id), Role.KAFKA);
        return java.util.Optional.of(t >= 0 && now - t >= c.registerMillis);
    }

    /** Brokers running but not registered yet. */
    private Set<Integer> starting(long now) {
        Set<Integer> out = new TreeSet<>();
        for (Host h : c.inventory.hosts(Role.KAFKA)) {
            long t = c.startedAt(h.name(), Role.KAFKA);
            if (t >= 0 && now - t < c.registerMillis) {
                out.add(plan.brokerId(h));
            }
        }
        return out;
    }

    private String hostOf(int brokerId) {
        return c.inventory.hosts(Role.KAFKA).stream().filter(h -> plan.brokerId(h) == brokerId).findFirst().orElseThrow().name();
    }

    private List<ZkMember> zookeeper(long now) {
        List<Host> zk = c.inventory.hosts(Role.ZOOKEEPER);
        Map<Integer, Long> serving = new LinkedHashMap<>();
        for (Host h : zk) {
            long t = c.startedAt(h.name(), Role.ZOOKEEPER);
            if (t >= 0 && now - t >= c.registerMillis) {
                serving.put(plan.zookeeperId(h), t);
            }
        }
        boolean quorum = serving.size() >= zk.size() / 2 + 1;
        Integer leader = quorum ? serving.entrySet().stream().min(Map.Entry.<Integer, Long>comparingByValue()
                .thenComparing(Map.Entry.comparingByKey())).get().getKey() : null;
        Set<Integer> synced = new TreeSet<>();
        serving.forEach((id, t) -> {
            if (now - t >= 2 * c.registerMillis) {
                synced.add(id);
            }
        });
        List<ZkMember> out = new ArrayList<>();
        for (Host h : zk.stream().sorted(Comparator.comparing(plan::zookeeperId)).toList()) {
            int id = plan.zookeeperId(h);
            if (!quorum || !serving.containsKey(id)) {
                out.add(ZkMember.down(id, h.name()));
            } else if (leader == id) {
                int followers = serving.size() - 1;
                int syncedFollowers = (int) synced.stream().filter(s -> s != id).count();
                out.add(ZkMember.leader(id, h.name(), followers, syncedFollowers));
            } else {
                out.add(ZkMember.follower(id, h.name()));
            }
        }
        return out;
    }
}
