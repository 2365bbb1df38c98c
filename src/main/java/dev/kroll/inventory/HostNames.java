package dev.kroll.inventory;

import java.util.regex.Pattern;

/** Syntax checks for host names and IP addresses (no DNS lookups: validation never touches the network). */
public final class HostNames {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");
    private static final Pattern IPV4 = Pattern.compile("(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)(\\.(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]+");

    private HostNames() {
    }

    public static boolean isHostname(String s) {
        if (s == null || s.isEmpty() || s.length() > 253 || looksNumeric(s)) {
            return false;
        }
        String t = s.endsWith(".") ? s.substring(0, s.length() - 1) : s;
        for (String label : t.split("\\.", -1)) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    public static boolean isIpv4(String s) {
        return s != null && IPV4.matcher(s).matches();
    }

    public static boolean isIpv6(String s) {
        if (s == null || !s.contains(":") || !IPV6.matcher(s).matches()) {
            return false;
        }
        try {
            // A literal is parsed without any lookup.
            return java.net.InetAddress.getByName("[" + s + "]") instanceof java.net.Inet6Address;
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    public static boolean isIp(String s) {
        return isIpv4(s) || isIpv6(s);
    }

    /** An IP address, or a network in CIDR notation ({@code 10.0.0.0/8}, {@code fd00::/8}). */
    public static boolean isCidr(String s) {
        int slash = s.indexOf('/');
        if (slash < 0) {
            return isIp(s);
        }
        String ip = s.substring(0, slash);
        String bits = s.substring(slash + 1);
        if (!bits.matches("\\d{1,3}")) {
            return false;
        }
        int n = Integer.parseInt(bits);
        return isIpv4(ip) ? n <= 32 : isIpv6(ip) && n <= 128;
    }

    /** Something that only has digits and dots but is no valid IPv4 (e.g. 10.0.0.300) is a bad IP, not a name. */
    public static boolean looksNumeric(String s) {
        return s.matches("[0-9.]+");
    }
}
