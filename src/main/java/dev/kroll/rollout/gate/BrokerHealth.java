package dev.kroll.rollout.gate;

/**
 * What JMX says about one broker; null fields were not readable.
 *
 * @param brokerState {@code kafka.server:type=KafkaServer,name=BrokerState} (3 = RUNNING)
 * @param logsToRecover {@code kafka.log:type=LogManager,name=remainingLogsToRecover} summed over
 *                      log dirs, while the broker recovers after an unclean shutdown
 * @param maxReplicaLag {@code kafka.server:type=ReplicaFetcherManager,name=MaxLag,clientId=Replica}
 */
public record BrokerHealth(int id, Integer brokerState, Long logsToRecover, Long maxReplicaLag) {

    public static final int RUNNING = 3;

    public static BrokerHealth running(int id) {
        return new BrokerHealth(id, RUNNING, 0L, 0L);
    }

    /** Kafka's {@code BrokerState} values in words. */
    public static String stateName(Integer state) {
        if (state == null) {
            return "state unknown (JMX not readable yet)";
        }
        return switch (state) {
            case 0 -> "NOT_RUNNING";
            case 1 -> "STARTING";
            case 2 -> "RECOVERY (loading its logs)";
            case 3 -> "RUNNING";
            case 6 -> "PENDING_CONTROLLED_SHUTDOWN";
            case 7 -> "SHUTTING_DOWN";
            default -> "state " + state;
        };
    }
}
