package dev.kroll.rollout.port;

/**
 * Everything the engine needs from the outside world. A run gets one backend; the command line
 * builds the real one (SSH, AdminClient, JMX), the tests build theirs.
 */
public record Backend(HostOps hosts, ClusterProbe probe, ClusterPlan plan, Installer installer, Preflight preflight,
                      CertAuthority certs, BrokerAdmin admin, Verifier verifier) {
}
