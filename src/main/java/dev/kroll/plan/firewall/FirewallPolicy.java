package dev.kroll.plan.firewall;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/**
 * The firewall of one host as a value: which ports kroll manages and who may reach them. Ports no
 * rule names are left alone (kroll never touches SSH or anything else it does not own), and loopback
 * is always allowed. Renderers turn it into nftables or iptables; {@link #evaluate} answers what a
 * packet would meet, which is how the SSH safety check is made before anything is applied.
 */
public record FirewallPolicy(String host, String cluster, List<FirewallRule> rules) {

    public enum Verdict { ACCEPT, DROP, NOT_MANAGED }

    public FirewallPolicy {
        rules = List.copyOf(rules);
    }

    public Verdict evaluate(String sourceIp, int port) {
        if (isLoopback(sourceIp)) {
            return Verdict.ACCEPT;
        }
        for (FirewallRule r : rules) {
            if (r.ports().contains(port)) {
                return r.sources().stream().anyMatch(s -> contains(s, sourceIp)) ? Verdict.ACCEPT : Verdict.DROP;
            }
        }
        return Verdict.NOT_MANAGED;
    }

    /** Whether {@code ip} is inside {@code cidr} (an address or a block); both are IP literals. */
    static boolean contains(String cidr, String ip) {
        try {
            int slash = cidr.indexOf('/');
            byte[] net = literal(slash < 0 ? cidr : cidr.substring(0, slash));
            byte[] addr = literal(ip);
            if (net.length != addr.length) {
                return false;
            }
            int bits = slash < 0 ? net.length * 8 : Integer.parseInt(cidr.substring(slash + 1));
            int total = net.length * 8;
            BigInteger mask = BigInteger.ONE.shiftLeft(total).subtract(BigInteger.ONE)
                    .xor(BigInteger.ONE.shiftLeft(total - bits).subtract(BigInteger.ONE));
            return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
        } catch (UnknownHostException | NumberFormatException e) {
            return false;
        }
    }

    private static boolean isLoopback(String ip) {
        try {
            return InetAddress.getByAddress(literal(ip)).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Parses an IP literal without any name lookup. */
    private static byte[] literal(String ip) throws UnknownHostException {
        if (!ip.matches("[0-9a-fA-F:.]+")) {
            throw new UnknownHostException(ip + " is not an IP literal");
        }
        return InetAddress.getByName(ip.contains(":") ? "[" + ip + "]" : ip).getAddress();
    }
}
