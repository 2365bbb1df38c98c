package dev.kroll.pki;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.HostNames;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;

/**
 * The names a certificate must carry so that hostname verification passes for every way clients reach
 * a host: DNS names (compared case-insensitively) and IP addresses (compared as addresses, so
 * {@code ::1} equals {@code 0:0:0:0:0:0:0:1}). Sorted, so equal sets compare and print the same.
 */
public record SubjectNames(List<String> dns, List<String> ips) {

    public SubjectNames {
        dns = List.copyOf(new TreeSet<>(dns.stream().map(SubjectNames::normalizeDns).toList()));
        ips = List.copyOf(new TreeSet<>(ips.stream().map(SubjectNames::normalizeIp).toList()));
    }

    public static final SubjectNames NONE = new SubjectNames(List.of(), List.of());

    /** The host name (FQDN), its short name, every alias and the address: each as a DNS or an IP entry. */
    public static SubjectNames forHost(Host host) {
        List<String> all = new ArrayList<>();
        all.add(host.name());
        all.add(host.shortName());
        all.addAll(host.aliases());
        all.add(host.address());
        return of(all);
    }

    /** Sorts names into DNS and IP entries. */
    public static SubjectNames of(Collection<String> names) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        for (String n : names) {
            if (n == null || n.isBlank()) {
                continue;
            }
            (HostNames.isIp(n) ? ips : dns).add(n);
        }
        return new SubjectNames(dns, ips);
    }

    /** The subject alternative names of a certificate (DNS and IP entries; others are ignored). */
    public static SubjectNames of(X509Certificate cert) {
        List<String> dns = new ArrayList<>();
        List<String> ips = new ArrayList<>();
        try {
            Collection<List<?>> sans = cert.getSubjectAlternativeNames();
            if (sans != null) {
                for (List<?> san : sans) {
                    int type = (Integer) san.get(0);
                    if (type == GeneralName.dNSName) {
                        dns.add((String) san.get(1));
                    } else if (type == GeneralName.iPAddress) {
                        ips.add((String) san.get(1));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            return NONE;
        }
        return new SubjectNames(dns, ips);
    }

    /** Every name, DNS names first. */
    public List<String> all() {
        List<String> all = new ArrayList<>(dns);
        all.addAll(ips);
        return all;
    }

    public boolean isEmpty() {
        return dns.isEmpty() && ips.isEmpty();
    }

    /** Whether a client connecting to {@code name} (a DNS name or an IP literal) passes hostname verification. */
    public boolean covers(String name) {
        return HostNames.isIp(name) ? ips.contains(normalizeIp(name)) : dns.contains(normalizeDns(name));
    }

    /** The names of {@code wanted} this set lacks. */
    public List<String> missing(SubjectNames wanted) {
        return wanted.all().stream().filter(n -> !covers(n)).toList();
    }

    /** What changes from {@code before} to this: {@code +10.0.0.9 -10.0.0.8}. */
    public List<String> changesFrom(SubjectNames before) {
        List<String> changes = new ArrayList<>();
        all().stream().filter(n -> !before.covers(n)).forEach(n -> changes.add("+" + n));
        before.all().stream().filter(n -> !covers(n)).forEach(n -> changes.add("-" + n));
        return changes;
    }

    public GeneralNames toGeneralNames() {
        List<GeneralName> names = new ArrayList<>();
        dns.forEach(d -> names.add(new GeneralName(GeneralName.dNSName, d)));
        ips.forEach(i -> names.add(new GeneralName(GeneralName.iPAddress, i)));
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    @Override
    public String toString() {
        return String.join(", ", all());
    }

    private static String normalizeDns(String s) {
        String t = s.trim().toLowerCase(Locale.ROOT);
        return t.endsWith(".") ? t.substring(0, t.length() - 1) : t;
    }

    private static String normalizeIp(String s) {
        String t = s.trim();
        if (t.startsWith("[") && t.endsWith("]")) {
            t = t.substring(1, t.length() - 1);
        }
        if (!HostNames.isIp(t)) {
            throw new IllegalArgumentException("not an IP address: " + s);
        }
        try {
            // A literal is parsed without any lookup; getHostAddress gives one canonical spelling.
            return InetAddress.getByName(t.contains(":") ? "[" + t + "]" : t).getHostAddress();
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + s, e);
        }
    }
}
