package dev.kroll.plan;

/**
 * The JVM settings of one service, as the environment variables Kafka's start scripts read
 * ({@code kafka-run-class.sh} serves both {@code kafka-server-start.sh} and
 * {@code zookeeper-server-start.sh}, so ZooKeeper's variables have the same names).
 *
 * @param logDir     {@code LOG_DIR}: where log4j and the GC log write
 * @param jmxAddress the loopback address JMX listens on
 */
public record JvmOptions(String heap, String performance, String gcLog, String jmx, String log4j, String logDir,
                         String jmxAddress, int jmxPort) {
}
