package dev.kroll.inventory;

/**
 * Which monitoring agent the cluster uses, chosen per cluster. Datadog reads the brokers' local JMX
 * port; Prometheus scrapes the JMX exporter running as a Java agent inside each broker.
 *
 * @param datadogConfDir   the Agent's {@code conf.d} directory on each host
 * @param exporterJar      path of {@code jmx_prometheus_javaagent.jar} on each host (installed by the operator)
 * @param exporterPort     port the exporter serves {@code /metrics} on
 */
public record Monitoring(Agent agent, String datadogConfDir, String exporterJar, int exporterPort) {

    public enum Agent { NONE, DATADOG, PROMETHEUS }

    public static final Monitoring DEFAULT = new Monitoring(Agent.NONE, "/etc/datadog-agent/conf.d",
            "/opt/jmx-exporter/jmx_prometheus_javaagent.jar", 7071);
}
