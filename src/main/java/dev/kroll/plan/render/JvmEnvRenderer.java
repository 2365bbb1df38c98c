package dev.kroll.plan.render;

import dev.kroll.inventory.Monitoring;
import dev.kroll.inventory.Role;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.JvmOptions;
import dev.kroll.plan.Plan;
import dev.kroll.plan.monitoring.JmxExporterRenderer;

/**
 * A service's environment file ({@code kafka.env}, {@code zookeeper.env}): the variables Kafka's
 * {@code kafka-run-class.sh} reads, for systemd's {@code EnvironmentFile=} (also valid sh). Because
 * KAFKA_GC_LOG_OPTS is set, the script's own {@code -loggc} defaults do not replace it.
 */
public final class JvmEnvRenderer {

    private JvmEnvRenderer() {
    }

    public static String fileName(Role role) {
        return role.key() + ".env";
    }

    public static String render(Plan plan, HostPlan host, Role role) {
        JvmOptions o = host.jvm(role).orElseThrow(() -> new IllegalArgumentException(host.name() + " has no " + role.key() + " role"));
        String service = role == Role.KAFKA ? "the Kafka broker" : "ZooKeeper";
        return "# Environment of " + service + " on " + host.name() + ", read by Kafka's kafka-run-class.sh.\n"
                + "# Rendered by kroll. Heap: " + host.heap().of(role).map(h -> h.reason()).orElse("") + "\n"
                + "# JMX listens on " + o.jmxAddress() + ":" + o.jmxPort() + " only, this host's own loopback address; reach it through an SSH tunnel.\n"
                + "# Its RMI stubs name the same address and port, so each host's JMX can be told apart at the other end of a\n"
                + "# tunnel: ssh -L " + o.jmxAddress() + ":" + o.jmxPort() + ":" + o.jmxAddress() + ":" + o.jmxPort() + " " + host.name() + ", then "
                + "service:jmx:rmi:///jndi/rmi://" + o.jmxAddress() + ":" + o.jmxPort() + "/jmxrmi\n"
                + "# Do not source this file in a shell that runs Kafka's admin tools: they would try to open the same JMX port.\n"
                + var("KAFKA_HEAP_OPTS", o.heap())
                + var("KAFKA_JVM_PERFORMANCE_OPTS", o.performance())
                + var("KAFKA_GC_LOG_OPTS", o.gcLog())
                + var("KAFKA_JMX_OPTS", o.jmx())
                + var("KAFKA_LOG4J_OPTS", o.log4j())
                + var("LOG_DIR", o.logDir())
                + (role == Role.KAFKA && plan.inventory().monitoring().agent() == Monitoring.Agent.PROMETHEUS
                        ? "# Prometheus JMX exporter, serving /metrics (firewall: admin hosts only)\n"
                        + var("KAFKA_OPTS", JmxExporterRenderer.javaAgentOption(plan.inventory(), host.host())) : "");
    }

    private static String var(String name, String value) {
        if (value.contains("\"") || value.contains("$") || value.contains("\\") || value.contains("`")) {
            throw new IllegalArgumentException(name + " may not contain quotes, '$', '`' or backslashes: " + value);
        }
        return name + "=\"" + value + "\"\n";
    }
}
