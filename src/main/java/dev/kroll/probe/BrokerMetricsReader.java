package dev.kroll.probe;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import javax.management.Attribute;
import javax.management.AttributeList;
import javax.management.InstanceNotFoundException;
import javax.management.JMException;
import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;

/** Reads a broker's metrics from its MBeans: one {@code getAttributes} call per MBean. */
final class BrokerMetricsReader {

    private static final ObjectName BROKER_STATE = name("kafka.server:type=KafkaServer,name=BrokerState");
    private static final ObjectName URP = name("kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions");
    private static final ObjectName UNDER_MIN_ISR = name("kafka.server:type=ReplicaManager,name=UnderMinIsrPartitionCount");
    private static final ObjectName ACTIVE_CONTROLLER = name("kafka.controller:type=KafkaController,name=ActiveControllerCount");
    private static final ObjectName OFFLINE = name("kafka.controller:type=KafkaController,name=OfflinePartitionsCount");
    private static final ObjectName MESSAGES_IN = name("kafka.server:type=BrokerTopicMetrics,name=MessagesInPerSec");
    private static final ObjectName BYTES_IN = name("kafka.server:type=BrokerTopicMetrics,name=BytesInPerSec");
    private static final ObjectName BYTES_OUT = name("kafka.server:type=BrokerTopicMetrics,name=BytesOutPerSec");
    private static final ObjectName ISR_SHRINKS = name("kafka.server:type=ReplicaManager,name=IsrShrinksPerSec");
    private static final ObjectName ISR_EXPANDS = name("kafka.server:type=ReplicaManager,name=IsrExpandsPerSec");
    private static final ObjectName HANDLER_IDLE = name("kafka.server:type=KafkaRequestHandlerPool,name=RequestHandlerAvgIdlePercent");
    private static final ObjectName NETWORK_IDLE = name("kafka.network:type=SocketServer,name=NetworkProcessorAvgIdlePercent");
    private static final ObjectName PRODUCE_TIME = name("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=Produce");
    private static final ObjectName FETCH_TIME = name("kafka.network:type=RequestMetrics,name=TotalTimeMs,request=FetchConsumer");
    private static final ObjectName MEMORY = name("java.lang:type=Memory");
    private static final ObjectName COLLECTORS = name("java.lang:type=GarbageCollector,name=*");

    private BrokerMetricsReader() {
    }

    static BrokerMetrics read(MBeanServerConnection c) throws IOException, JMException {
        CompositeData heap = (CompositeData) c.getAttribute(MEMORY, "HeapMemoryUsage");
        long gcTime = 0;
        long gcCount = 0;
        Set<ObjectName> collectors = c.queryNames(COLLECTORS, null);
        for (ObjectName gc : collectors) {
            AttributeList l = c.getAttributes(gc, new String[] {"CollectionTime", "CollectionCount"});
            gcTime += Math.max(0, number(l, "CollectionTime"));
            gcCount += Math.max(0, number(l, "CollectionCount"));
        }
        return new BrokerMetrics((int) value(c, BROKER_STATE), (long) value(c, URP), (long) value(c, UNDER_MIN_ISR),
                (long) value(c, ACTIVE_CONTROLLER), (long) value(c, OFFLINE),
                meter(c, MESSAGES_IN), meter(c, BYTES_IN), meter(c, BYTES_OUT), meter(c, ISR_SHRINKS), meter(c, ISR_EXPANDS),
                // RequestHandlerAvgIdlePercent is a meter whose rate is the idle fraction
                attribute(c, HANDLER_IDLE, "OneMinuteRate"), value(c, NETWORK_IDLE),
                attribute(c, PRODUCE_TIME, "99thPercentile"), attribute(c, FETCH_TIME, "99thPercentile"),
                ((Number) heap.get("used")).longValue(), ((Number) heap.get("max")).longValue(), gcTime, gcCount);
    }

    private static double value(MBeanServerConnection c, ObjectName n) throws IOException, JMException {
        return attribute(c, n, "Value");
    }

    private static double attribute(MBeanServerConnection c, ObjectName n, String attribute) throws IOException, JMException {
        try {
            Object v = c.getAttribute(n, attribute);
            return v instanceof Number num ? num.doubleValue() : 0;
        } catch (InstanceNotFoundException e) {
            // registered lazily by Kafka (e.g. request metrics before the first request): nothing counted yet
            return 0;
        }
    }

    private static MeterReading meter(MBeanServerConnection c, ObjectName n) throws IOException, JMException {
        try {
            AttributeList l = c.getAttributes(n, new String[] {"Count", "OneMinuteRate"});
            return new MeterReading(number(l, "Count"), numberD(l, "OneMinuteRate"));
        } catch (InstanceNotFoundException e) {
            return MeterReading.NONE;
        }
    }

    private static long number(AttributeList l, String name) {
        return (long) numberD(l, name);
    }

    private static double numberD(AttributeList l, String name) {
        for (Attribute a : l.asList()) {
            if (a.getName().equals(name) && a.getValue() instanceof Number n) {
                return n.doubleValue();
            }
        }
        return 0;
    }

    private static ObjectName name(String s) {
        try {
            return new ObjectName(s);
        } catch (MalformedObjectNameException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    /** Names read, for documentation and tests. */
    static List<ObjectName> names() {
        return List.of(BROKER_STATE, URP, UNDER_MIN_ISR, ACTIVE_CONTROLLER, OFFLINE, MESSAGES_IN, BYTES_IN, BYTES_OUT,
                ISR_SHRINKS, ISR_EXPANDS, HANDLER_IDLE, NETWORK_IDLE, PRODUCE_TIME, FETCH_TIME, MEMORY, COLLECTORS);
    }
}
