package dev.kroll.rollout.port;

/**
 * Everything the engine needs from the outside world. A run gets one backend; the command line
 * builds the real one (SSH, AdminClient, JMX), the tests build theirs.
 *
 * @param firewall applies firewall rules ({@code apply-firewall}); null in a backend that cannot
 */
public record Backend(HostOps hosts, ClusterProbe probe, ClusterPlan plan, Installer installer, Preflight preflight,
                      CertAuthority certs, BrokerAdmin admin, Verifier verifier, FirewallOps firewall) {

    /** A backend without firewall control. */
    public Backend(HostOps hosts, ClusterProbe probe, ClusterPlan plan, Installer installer, Preflight preflight,
                   CertAuthority certs, BrokerAdmin admin, Verifier verifier) {
        this(hosts, probe, plan, installer, preflight, certs, admin, verifier, null);
    }
}
