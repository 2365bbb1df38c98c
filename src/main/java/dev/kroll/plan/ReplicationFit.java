package dev.kroll.plan;

import dev.kroll.util.Problem;
import java.util.Map;

/**
 * Replication settings that must fit the number of brokers. kroll's own default replication factor
 * is lowered on small clusters; the internal topics get min(3, brokers) copies unless the operator
 * chose otherwise; an operator's value that cannot fit is an error (Kafka would refuse to create the
 * topics, and consumers or transactions would hang).
 */
final class ReplicationFit {

    static final String DEFAULT_RF = "default.replication.factor";
    static final String OFFSETS_RF = "offsets.topic.replication.factor";
    static final String TXN_RF = "transaction.state.log.replication.factor";
    static final String TXN_MIN_ISR = "transaction.state.log.min.isr";

    private ReplicationFit() {
    }

    static void apply(Map<String, ConfigValue> m, int brokers, java.util.List<Problem> problems) {
        if (brokers == 0) {
            return;
        }
        ConfigValue rf = m.get(DEFAULT_RF);
        if (rf != null) {
            Integer n = number(rf);
            if (n != null && n > brokers) {
                if (rf.origin().layer() == Layer.DEFAULT) {
                    m.put(DEFAULT_RF, rf.overriddenBy(String.valueOf(brokers), Origin.derived("lowered to fit " + count(brokers))));
                } else if (rf.origin().layer() != Layer.CLUSTER) { // the inventory validator reports the cluster layer
                    tooHigh(rf, brokers, problems);
                }
            }
        }
        int internal = Math.min(3, brokers);
        fit(m, OFFSETS_RF, internal, brokers, problems);
        fit(m, TXN_RF, internal, brokers, problems);
        Integer txnRf = number(m.get(TXN_RF));
        int minIsr = Math.min(2, txnRf == null ? internal : txnRf);
        ConfigValue isr = m.get(TXN_MIN_ISR);
        if (isr == null) {
            m.put(TXN_MIN_ISR, ConfigValue.of(TXN_MIN_ISR, String.valueOf(minIsr), Origin.derived("fits " + TXN_RF)));
        } else if (number(isr) != null && txnRf != null && number(isr) > txnRf) {
            problems.add(Problem.error(isr.origin().pos(), TXN_MIN_ISR + " is " + isr.value() + " but " + TXN_RF + " is " + txnRf,
                    "transactions would never commit; lower it to " + minIsr));
        }
        ConfigValue minInsync = m.get("min.insync.replicas");
        Integer defaultRf = number(m.get(DEFAULT_RF));
        if (minInsync != null && defaultRf != null && number(minInsync) != null && number(minInsync) >= defaultRf && defaultRf > 1) {
            problems.add(Problem.warning(minInsync.origin().pos(), "min.insync.replicas " + minInsync.value() + " is not below "
                    + DEFAULT_RF + " " + defaultRf + ": one broker down stops producers with acks=all",
                    "keep min.insync.replicas at most " + DEFAULT_RF + " - 1"));
        }
    }

    private static void fit(Map<String, ConfigValue> m, String key, int value, int brokers, java.util.List<Problem> problems) {
        ConfigValue v = m.get(key);
        if (v == null) {
            m.put(key, ConfigValue.of(key, String.valueOf(value), Origin.derived("min(3, " + count(brokers) + ")")));
        } else if (number(v) != null && number(v) > brokers) {
            tooHigh(v, brokers, problems);
        }
    }

    private static void tooHigh(ConfigValue v, int brokers, java.util.List<Problem> problems) {
        problems.add(Problem.error(v.origin().pos(), v.key() + " is " + v.value() + " but the cluster has only " + count(brokers),
                "lower it to " + brokers + " or add brokers"));
    }

    private static Integer number(ConfigValue v) {
        if (v == null) {
            return null;
        }
        try {
            return Integer.parseInt(v.value().trim());
        } catch (NumberFormatException e) {
            return null; // the type check reports it
        }
    }

    private static String count(int brokers) {
        return brokers + " broker" + (brokers == 1 ? "" : "s");
    }
}
