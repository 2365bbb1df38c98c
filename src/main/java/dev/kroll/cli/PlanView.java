package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.plan.ConfigValue;
import dev.kroll.plan.EffectiveConfig;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.ListenerPhase;
import dev.kroll.plan.Plan;
import dev.kroll.util.TextTable;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** The text form of {@code kroll plan}: a table per host, and with --explain every value and its origin. */
final class PlanView {

    private PlanView() {
    }

    static String render(PlanRun run, ListenerPhase phase, boolean explain) {
        Plan plan = run.plan();
        StringBuilder sb = new StringBuilder();
        sb.append("cluster ").append(plan.inventory().cluster()).append(": ").append(plan.hosts().size())
                .append(" hosts, listener phase ").append(phase.key()).append(", IDs recorded in ").append(run.registry()).append('\n');
        for (HostPlan hp : plan.hosts()) {
            sb.append('\n').append(table(run, hp, phase));
            if (explain) {
                sb.append(explain(hp, phase));
            }
        }
        return sb.toString();
    }

    private static String table(PlanRun run, HostPlan hp, ListenerPhase phase) {
        Host h = hp.host();
        TextTable t = new TextTable(h.name(), h.address());
        t.row("roles", h.roles().stream().map(Role::key).collect(Collectors.joining(", ")));
        hp.brokerId().ifPresent(id -> t.row("broker.id", id));
        hp.myid().ifPresent(id -> t.row("myid", id));
        t.row("memory", run.memory().sizes().containsKey(h.name())
                ? run.memory().sizes().get(h.name()).human() + " (" + run.memory().sources().get(h.name()) + ")" : "unknown");
        hp.heap().kafka().ifPresent(x -> t.row("heap kafka", x.reason()));
        hp.heap().zookeeper().ifPresent(x -> t.row("heap zookeeper", x.reason()));
        if (h.has(Role.KAFKA)) {
            EffectiveConfig b = hp.broker(phase);
            t.row("listeners", b.get("listeners").orElse(""));
            t.row("advertised", b.get("advertised.listeners").orElse(""));
            t.row("inter-broker", b.get("inter.broker.listener.name").orElse(""));
            t.row("log dirs", b.get("log.dirs").orElse(""));
        }
        List<String> jmx = new ArrayList<>();
        for (Role r : Role.values()) {
            hp.jvm(r).ifPresent(j -> jmx.add(r.key() + " " + j.jmxAddress() + ":" + j.jmxPort()));
        }
        t.row("jmx", String.join(", ", jmx));
        return t.render();
    }

    private static String explain(HostPlan hp, ListenerPhase phase) {
        StringBuilder sb = new StringBuilder();
        if (hp.has(Role.KAFKA)) {
            sb.append("  server.properties (phase ").append(phase.key()).append(")\n").append(values(hp.broker(phase)));
        }
        if (hp.has(Role.ZOOKEEPER)) {
            sb.append("  zoo.cfg\n").append(values(hp.zookeeper()));
        }
        return sb.toString();
    }

    private static String values(EffectiveConfig config) {
        TextTable t = new TextTable("    KEY", "VALUE", "FROM");
        for (ConfigValue v : config.values().values()) {
            StringBuilder from = new StringBuilder(v.origin().describe());
            if (!v.overridden().isEmpty()) {
                List<String> below = new ArrayList<>();
                for (int i = v.overridden().size() - 1; i >= 0; i--) {
                    ConfigValue.Overridden o = v.overridden().get(i);
                    below.add(o.value() + " from " + o.origin().describe());
                }
                from.append("; overrides ").append(String.join(", ", below));
            }
            t.row("    " + v.key(), v.value(), from);
        }
        return t.render();
    }
}
