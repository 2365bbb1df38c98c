package dev.kroll.plan.firewall;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a policy for {@code iptables-restore --noflush} (and {@code ip6tables-restore} for IPv6
 * sources): a chain {@code KROLL} that is flushed and refilled in one commit, jumped to from INPUT.
 */
public final class IptablesRenderer {

    public static final String CHAIN = "KROLL";

    private IptablesRenderer() {
    }

    /** @param ipv6 render the ip6tables variant (IPv6 sources) instead of IPv4 */
    public static String render(FirewallPolicy policy, boolean ipv6) {
        StringBuilder sb = new StringBuilder();
        sb.append("# kroll firewall for ").append(policy.host()).append(" (cluster ").append(policy.cluster()).append(")\n");
        sb.append("# Load with: ").append(ipv6 ? "ip6tables" : "iptables").append("-restore --noflush < this file\n");
        sb.append("*filter\n");
        sb.append(":").append(CHAIN).append(" - [0:0]\n");
        sb.append("-F ").append(CHAIN).append('\n');
        // Re-insert the jump idempotently: delete-then-insert is not expressible here, so kroll applies
        // 'iptables -C INPUT -j KROLL || iptables -I INPUT -j KROLL' after loading.
        sb.append("-A ").append(CHAIN).append(" -i lo -j RETURN\n");
        for (FirewallRule r : policy.rules()) {
            String ports = r.ports().stream().map(String::valueOf).collect(Collectors.joining(","));
            List<String> sources = r.sources().stream().filter(s -> s.contains(":") == ipv6).toList();
            for (String s : sources) {
                sb.append("-A ").append(CHAIN).append(" -p tcp -m multiport --dports ").append(ports).append(" -s ").append(s)
                        .append(" -m comment --comment \"").append(r.label()).append("\" -j RETURN\n");
            }
            sb.append("-A ").append(CHAIN).append(" -p tcp -m multiport --dports ").append(ports)
                    .append(" -m comment --comment \"").append(r.label()).append("\" -j DROP\n");
        }
        sb.append("COMMIT\n");
        return sb.toString();
    }
}
