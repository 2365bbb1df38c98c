package dev.kroll.remote;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads {@link FactsScript}'s output into {@link HostFacts}. Pure: text in, value out. */
public final class FactsParser {

    private static final Pattern JAVA = Pattern.compile("version \"([^\"]+)\"");
    private static final Pattern MEMINFO = Pattern.compile("^(\\w+):\\s+(\\d+)(?:\\s+kB)?\\s*$");

    private FactsParser() {
    }

    /**
     * @param localBeforeMillis jump host clock just before the script started
     * @param localAfterMillis  jump host clock just after it ended; the host's {@code date} is compared with the midpoint
     */
    public static HostFacts parse(String host, String output, long localBeforeMillis, long localAfterMillis) {
        Map<String, List<String>> sections = sections(output);
        String hostname = first(sections.get("hostname"));
        String fqdn = first(sections.get("fqdn"));
        Map<String, Long> mem = meminfo(sections.get("meminfo"));
        Long memTotal = kib(mem.get("MemTotal"));
        Long swapTotal = kib(mem.get("SwapTotal"));
        Long swapUsed = swapTotal == null || mem.get("SwapFree") == null ? null : swapTotal - kib(mem.get("SwapFree"));
        List<HostFacts.DiskSpace> disks = new ArrayList<>();
        Map<String, Integer> brokerIds = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> e : sections.entrySet()) {
            if (e.getKey().startsWith("df ")) {
                HostFacts.DiskSpace d = df(e.getKey().substring(3), first(e.getValue()));
                if (d != null) {
                    disks.add(d);
                }
            } else if (e.getKey().startsWith("meta ")) {
                Integer id = brokerId(e.getValue());
                if (id != null) {
                    brokerIds.put(e.getKey().substring(5), id);
                }
            }
        }
        Long remote = longOrNull(first(sections.get("time")));
        Long offset = remote == null ? null : remote - (localBeforeMillis + localAfterMillis) / 2;
        return new HostFacts(host, hostname, fqdn, addresses(sections.get("addresses")), memTotal,
                intOrNull(first(sections.get("cpus"))), disks, swapTotal, swapUsed, intOrNull(first(sections.get("swappiness"))),
                openFiles(first(sections.get("ulimit"))), java(first(sections.get("java"))), offset, brokerIds,
                intOrNull(first(sections.get("myid"))), ProcNetTcp.listening(sections.get("tcp")),
                sections.getOrDefault("resolve", List.of()).stream().map(String::trim).filter(x -> !x.isEmpty()).toList(),
                Instant.ofEpochMilli(localAfterMillis).toString());
    }

    /** Splits at {@code @@name} lines; a section may be empty. Later duplicates replace earlier ones. */
    static Map<String, List<String>> sections(String output) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        List<String> current = null;
        for (String line : output.split("\n", -1)) {
            if (line.startsWith("@@")) {
                current = new ArrayList<>();
                out.put(line.substring(2).strip(), current);
            } else if (current != null && !line.isBlank()) {
                current.add(line.strip());
            }
        }
        return out;
    }

    /** /proc/meminfo: {@code MemTotal:       16314548 kB}. */
    static Map<String, Long> meminfo(List<String> lines) {
        Map<String, Long> out = new LinkedHashMap<>();
        if (lines != null) {
            for (String l : lines) {
                Matcher m = MEMINFO.matcher(l);
                if (m.matches()) {
                    out.put(m.group(1), Long.parseLong(m.group(2)));
                }
            }
        }
        return out;
    }

    /** One line of {@code df -Pk}: filesystem, 1024-blocks, used, available, capacity, mount point. */
    static HostFacts.DiskSpace df(String path, String line) {
        if (line == null) {
            return null;
        }
        String[] f = line.trim().split("\\s+");
        if (f.length < 6) {
            return null;
        }
        try {
            return new HostFacts.DiskSpace(path, f[f.length - 1], Long.parseLong(f[3]) * 1024, Long.parseLong(f[1]) * 1024);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** {@code broker.id} (ZooKeeper mode) or {@code node.id} (KRaft) from a log dir's meta.properties. */
    static Integer brokerId(List<String> lines) {
        Integer nodeId = null;
        for (String l : lines) {
            if (l.startsWith("broker.id=")) {
                return intOrNull(l.substring("broker.id=".length()));
            }
            if (l.startsWith("node.id=")) {
                nodeId = intOrNull(l.substring("node.id=".length()));
            }
        }
        return nodeId;
    }

    /** {@code hostname -I} (one line, spaces) or {@code ip -o addr} (one CIDR a line); loopback dropped. */
    static List<String> addresses(List<String> lines) {
        List<String> out = new ArrayList<>();
        if (lines != null) {
            for (String l : lines) {
                for (String a : l.split("\\s+")) {
                    String ip = a.contains("/") ? a.substring(0, a.indexOf('/')) : a;
                    if (!ip.isBlank() && !ip.startsWith("127.") && !ip.equals("::1") && !out.contains(ip)) {
                        out.add(ip);
                    }
                }
            }
        }
        return out;
    }

    static String java(String line) {
        if (line == null) {
            return null;
        }
        Matcher m = JAVA.matcher(line);
        return m.find() ? m.group(1) : null;
    }

    static Long openFiles(String line) {
        return "unlimited".equals(line) ? Long.valueOf(-1) : longOrNull(line);
    }

    private static Long kib(Long kib) {
        return kib == null ? null : kib * 1024;
    }

    private static String first(List<String> lines) {
        return lines == null || lines.isEmpty() ? null : lines.get(0);
    }

    private static Integer intOrNull(String s) {
        try {
            return s == null ? null : Integer.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static Long longOrNull(String s) {
        try {
            return s == null ? null : Long.valueOf(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
