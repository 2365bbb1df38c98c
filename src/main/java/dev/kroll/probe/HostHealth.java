package dev.kroll.probe;

import dev.kroll.probe.HealthVerdict.Finding;
import dev.kroll.probe.HealthVerdict.Level;
import java.util.ArrayList;
import java.util.List;

/** Health findings from JMX, the service manager and certificates. */
final class HostHealth {

    /** Request handler or network threads busier than this (idle below 1 - it) are degraded. */
    static final double IDLE_LOW = 0.2;
    /** A certificate expiring within this many days is degraded. */
    static final long CERT_WARN_DAYS = 30;

    private HostHealth() {
    }

    static List<Finding> findings(ClusterSnapshot s) {
        List<Finding> out = new ArrayList<>();
        jmx(s, out);
        processes(s, out);
        certificates(s, out);
        return out;
    }

    private static void jmx(ClusterSnapshot s, List<Finding> out) {
        List<String> controllers = new ArrayList<>();
        for (JmxSnapshot j : s.jmx()) {
            String who = j.brokerId() == null ? j.host() : s.kafka().label(j.brokerId());
            if (!j.metrics().isOk()) {
                // A broker that is down is reported by the Kafka rules; JMX silence of a live one is a blind spot.
                boolean alive = j.brokerId() != null && s.kafka().cluster().current().map(c -> c.hasBroker(j.brokerId())).orElse(false);
                out.add(new Finding(alive ? Level.DEGRADED : Level.HEALTHY,
                        "JMX of " + who + " " + j.metrics().freshness().describe(s.takenAt())));
                continue;
            }
            BrokerMetrics m = j.metrics().value();
            if (m.brokerState() != BrokerMetrics.RUNNING) {
                out.add(new Finding(Level.DEGRADED, who + " is " + m.brokerStateName()));
            }
            if (m.activeControllerCount() > 0) {
                controllers.add(who);
            }
            if (m.requestHandlerIdle() < IDLE_LOW) {
                out.add(new Finding(Level.DEGRADED, who + " request handlers " + busy(m.requestHandlerIdle()) + "% busy"));
            }
            if (m.networkProcessorIdle() < IDLE_LOW) {
                out.add(new Finding(Level.DEGRADED, who + " network threads " + busy(m.networkProcessorIdle()) + "% busy"));
            }
        }
        if (controllers.size() > 1) {
            out.add(new Finding(Level.CRITICAL, controllers.size() + " brokers act as controller: " + HealthRules.and(controllers)));
        }
    }

    private static long busy(double idle) {
        return Math.round((1 - idle) * 100);
    }

    private static void processes(ClusterSnapshot s, List<Finding> out) {
        for (ProcessSnapshot p : s.processes()) {
            if (!p.state().isOk()) {
                out.add(new Finding(Level.HEALTHY, "cannot read " + p.service() + " service state on " + p.host() + ": "
                        + p.state().freshness().reason()));
            } else if (!p.state().value().active()) {
                out.add(new Finding(Level.DEGRADED, p.service() + " service " + p.state().value().state() + " on " + p.host()));
            }
        }
    }

    private static void certificates(ClusterSnapshot s, List<Finding> out) {
        for (CertificateSnapshot c : s.certificates()) {
            if (!c.certificate().isOk()) {
                // No TLS listener yet is normal before the SSL migration.
                out.add(new Finding(Level.HEALTHY, "no certificate read from " + c.host() + " (" + c.endpoint() + "): "
                        + c.certificate().freshness().reason()));
                continue;
            }
            CertificateInfo ci = c.certificate().value();
            if (ci.daysToExpiry() < 0) {
                out.add(new Finding(Level.CRITICAL, "certificate of " + c.host() + " expired " + -ci.daysToExpiry() + " days ago"));
            } else if (ci.daysToExpiry() < CERT_WARN_DAYS) {
                out.add(new Finding(Level.DEGRADED, "certificate of " + c.host() + " expires in "
                        + HealthRules.plural((int) ci.daysToExpiry(), "day", "days")));
            }
            if (!ci.trusted()) {
                out.add(new Finding(Level.DEGRADED, "certificate of " + c.host() + " not trusted: " + ci.trustProblem()));
            }
        }
    }
}
