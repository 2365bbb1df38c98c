package dev.kroll.plan.firewall;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Renders a policy as an nftables script for {@code nft -f}. The rules live in their own table,
 * replaced as a whole in one transaction, so applying is atomic and never touches other tables.
 */
public final class NftablesRenderer {

    private NftablesRenderer() {
    }

    public static String render(FirewallPolicy policy) {
        String table = "kroll";
        StringBuilder sb = new StringBuilder();
        sb.append("# kroll firewall for ").append(policy.host()).append(" (cluster ").append(policy.cluster()).append(")\n");
        sb.append("# Only the ports below are managed; everything else (SSH included) is left to other rules.\n");
        sb.append("table inet ").append(table).append("\n");
        sb.append("delete table inet ").append(table).append("\n");
        sb.append("table inet ").append(table).append(" {\n");
        sb.append("  chain input {\n");
        sb.append("    type filter hook input priority filter - 1; policy accept;\n");
        sb.append("    iif \"lo\" accept\n");
        for (FirewallRule r : policy.rules()) {
            String ports = ports(r.ports());
            sb.append("    # ").append(r.label()).append('\n');
            List<String> v4 = r.sources().stream().filter(s -> !s.contains(":")).toList();
            List<String> v6 = r.sources().stream().filter(s -> s.contains(":")).toList();
            if (!v4.isEmpty()) {
                sb.append("    ip saddr { ").append(String.join(", ", v4)).append(" } tcp dport ").append(ports).append(" accept\n");
            }
            if (!v6.isEmpty()) {
                sb.append("    ip6 saddr { ").append(String.join(", ", v6)).append(" } tcp dport ").append(ports).append(" accept\n");
            }
            sb.append("    tcp dport ").append(ports).append(" drop\n");
        }
        sb.append("  }\n}\n");
        return sb.toString();
    }

    private static String ports(List<Integer> ports) {
        return ports.size() == 1 ? String.valueOf(ports.get(0))
                : "{ " + ports.stream().map(String::valueOf).collect(Collectors.joining(", ")) + " }";
    }
}
