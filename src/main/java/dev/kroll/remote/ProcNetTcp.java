package dev.kroll.remote;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads listening sockets from Linux's {@code /proc/net/tcp} and {@code /proc/net/tcp6}: always there,
 * needs no privileges and no extra tool, unlike {@code ss} or {@code netstat}.
 */
final class ProcNetTcp {

    private static final String LISTEN = "0A";

    private ProcNetTcp() {
    }

    /** {@code address:port} of every LISTEN socket, IPv4 and IPv6, without duplicates. */
    static List<String> listening(List<String> lines) {
        List<String> out = new ArrayList<>();
        if (lines == null) {
            return out;
        }
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            // sl local_address rem_address st ...; the header line has "local_address" in field 1
            if (f.length < 4 || !f[3].equals(LISTEN) || !f[1].contains(":")) {
                continue;
            }
            String[] local = f[1].split(":");
            String entry = address(local[0]) + ":" + Integer.parseInt(local[1], 16);
            if (!out.contains(entry)) {
                out.add(entry);
            }
        }
        return out;
    }

    /** The kernel prints addresses as host-order 32-bit words in hex (little-endian on x86 and arm64). */
    static String address(String hex) {
        if (hex.length() == 8) {
            long v = Long.parseLong(hex, 16);
            return (v & 0xff) + "." + (v >> 8 & 0xff) + "." + (v >> 16 & 0xff) + "." + (v >> 24 & 0xff);
        }
        StringBuilder sb = new StringBuilder();
        for (int word = 0; word < 4; word++) {
            String w = hex.substring(word * 8, word * 8 + 8);
            for (int b = 3; b >= 0; b--) {
                sb.append(w, b * 2, b * 2 + 2);
                if (b % 2 == 0 && !(word == 3 && b == 0)) {
                    sb.append(':');
                }
            }
        }
        return compress(sb.toString());
    }

    /** RFC 5952 text form: lower case, no leading zeros, the longest run of two or more zero groups as "::". */
    private static String compress(String full) {
        java.net.InetAddress a;
        try {
            a = java.net.InetAddress.getByName("[" + full + "]");
        } catch (java.net.UnknownHostException e) {
            return full;
        }
        if (a instanceof java.net.Inet4Address) {
            return a.getHostAddress(); // an IPv4-mapped listener is an IPv4 one
        }
        String[] groups = a.getHostAddress().split(":");
        int bestStart = -1;
        int bestLen = 1;
        for (int i = 0; i < groups.length; i++) {
            int j = i;
            while (j < groups.length && groups[j].equals("0")) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
        }
        if (bestStart < 0) {
            return String.join(":", groups);
        }
        String head = String.join(":", java.util.Arrays.copyOfRange(groups, 0, bestStart));
        String tail = String.join(":", java.util.Arrays.copyOfRange(groups, bestStart + bestLen, groups.length));
        return head + "::" + tail;
    }
}
