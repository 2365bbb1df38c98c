package dev.kroll.inventory;

import java.util.List;

/**
 * Who may reach the cluster's ports. Brokers and ensemble members are known from the hosts; these
 * are the others: client networks (CIDR) for the broker ports, and admin hosts for management ports
 * (JMX, and a cluster-manager UI such as CMAK on {@code managerPort}, 0 when none is run).
 */
public record Firewall(List<String> clientNetworks, List<String> adminHosts, int managerPort) {

    public static final Firewall DEFAULT = new Firewall(List.of(), List.of(), 0);

    public Firewall {
        clientNetworks = List.copyOf(clientNetworks);
        adminHosts = List.copyOf(adminHosts);
    }
}
