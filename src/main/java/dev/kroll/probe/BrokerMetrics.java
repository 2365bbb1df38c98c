package dev.kroll.probe;

/**
 * One broker's JMX metrics at one moment.
 *
 * @param brokerState           {@code kafka.server:type=KafkaServer,name=BrokerState}: 3 = running,
 *                              6 = pending controlled shutdown, 7 = shutting down
 * @param requestHandlerIdle    RequestHandlerAvgIdlePercent (0..1, one-minute rate)
 * @param networkProcessorIdle  NetworkProcessorAvgIdlePercent (0..1)
 * @param produceP99Ms          Produce TotalTimeMs 99th percentile
 * @param fetchConsumerP99Ms    FetchConsumer TotalTimeMs 99th percentile
 * @param gcTimeMs              total collection time of all collectors since start
 */
public record BrokerMetrics(int brokerState, long underReplicated, long underMinIsr, long activeControllerCount,
                            long offlinePartitions, MeterReading messagesIn, MeterReading bytesIn,
                            MeterReading bytesOut, MeterReading isrShrinks, MeterReading isrExpands,
                            double requestHandlerIdle, double networkProcessorIdle,
                            double produceP99Ms, double fetchConsumerP99Ms,
                            long heapUsed, long heapMax, long gcTimeMs, long gcCount) {

    public static final int RUNNING = 3;

    /** Kafka's names for BrokerState values. */
    public String brokerStateName() {
        return switch (brokerState) {
            case 0 -> "NotRunning";
            case 1 -> "Starting";
            case 2 -> "RecoveringFromUncleanShutdown";
            case 3 -> "Running";
            case 6 -> "PendingControlledShutdown";
            case 7 -> "ShuttingDown";
            default -> "State" + brokerState;
        };
    }

    public double heapUsedFraction() {
        return heapMax <= 0 ? 0 : (double) heapUsed / heapMax;
    }
}
