package dev.kroll.rollout.preflight;

import dev.kroll.inventory.Advertise;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.HostNames;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Ports;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceManager;
import dev.kroll.plan.JvmOptionsBuilder;
import dev.kroll.remote.HostFacts;
import dev.kroll.util.ByteSize;
import dev.kroll.util.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Whether a host is fit to run its services, judged from its gathered facts. Pure: facts in, findings
 * out. Each finding names the host and gives the exact fix (the sysctl, limits or hosts line to add).
 * Errors stop the first-time setup (exit 3); warnings are shown and the run goes on.
 */
public final class PreflightChecks {

    static final long MIN_OPEN_FILES = 100_000;
    static final long CLOCK_WARN_MILLIS = 1_000;
    /** Certificates issued on the jump host are not yet valid on a host whose clock is this far behind. */
    static final long CLOCK_ERROR_MILLIS = 60_000;
    static final long DISK_ERROR_BYTES = ByteSize.GIB;
    static final long DISK_WARN_BYTES = 10 * ByteSize.GIB;

    private PreflightChecks() {
    }

    /** The findings as plain problems. */
    public static List<Problem> check(Inventory inv, Host host, HostFacts facts) {
        return findings(inv, host, facts).stream().map(Finding::problem).toList();
    }

    public static List<Finding> findings(Inventory inv, Host host, HostFacts facts) {
        List<Finding> p = new ArrayList<>();
        swap(host, facts, p);
        openFiles(inv, host, facts, p);
        java(host, facts, p);
        disks(host, facts, p);
        ports(host, facts, p);
        clock(host, facts, p);
        nameResolution(inv, host, facts, p);
        return p;
    }

    private static void swap(Host h, HostFacts f, List<Finding> p) {
        if (f.swapUsedBytes() != null && f.swapUsedBytes() > 0) {
            p.add(warn(PreflightCheck.SWAP, h, "swap in use (" + new ByteSize(f.swapUsedBytes()).human() + "): Kafka relies on the page cache, and a swapped-out broker stalls",
                    "run 'swapoff -a' and remove swap from /etc/fstab"));
        }
        if (f.swappiness() != null && f.swappiness() > 1) {
            p.add(warn(PreflightCheck.SWAPPINESS, h, "vm.swappiness is " + f.swappiness() + " (Kafka wants 1)",
                    "add 'vm.swappiness = 1' to /etc/sysctl.d/60-kafka.conf and run 'sysctl --system'"));
        }
    }

    private static void openFiles(Inventory inv, Host h, HostFacts f, List<Finding> p) {
        Long n = f.maxOpenFiles();
        if (n == null || n == -1 || n >= MIN_OPEN_FILES) {
            return;
        }
        String user = inv.pathsFor(h).serviceUser();
        if (inv.services().manager() == ServiceManager.SYSTEMD) {
            p.add(warn(PreflightCheck.NOFILE, h, "open-file limit of " + user + " is " + n + "; the kroll systemd units raise it (LimitNOFILE), but admin tools run by hand do not",
                    "add '" + user + " - nofile " + MIN_OPEN_FILES + "' to /etc/security/limits.d/kafka.conf"));
        } else {
            p.add(error(PreflightCheck.NOFILE, h, "open-file limit of " + user + " is " + n + ", below " + MIN_OPEN_FILES + ": a broker with many partitions fails with 'Too many open files'",
                    "add '" + user + " - nofile " + MIN_OPEN_FILES + "' to /etc/security/limits.d/kafka.conf and log in again"));
        }
    }

    private static void java(Host h, HostFacts f, List<Finding> p) {
        Integer major = f.javaMajor();
        if (f.javaVersion() == null) {
            p.add(error(PreflightCheck.JAVA, h, "no Java found on the PATH", "install Java 17 (e.g. 'apt-get install openjdk-17-jre-headless')"));
        } else if (major == null) {
            p.add(warn(PreflightCheck.JAVA, h, "cannot tell the Java version from '" + f.javaVersion() + "'", "check that 'java -version' works for " + h.name()));
        } else if (major < 8) {
            p.add(error(PreflightCheck.JAVA, h, "Java " + f.javaVersion() + " is too old for Kafka 3.9", "install Java 17"));
        } else if (major < 11) {
            p.add(warn(PreflightCheck.JAVA, h, "Java " + f.javaVersion() + " is deprecated for Kafka 3.9 and unsupported by Kafka 4", "install Java 17"));
        }
    }

    private static void disks(Host h, HostFacts f, List<Finding> p) {
        if (!h.has(Role.KAFKA)) {
            return;
        }
        for (HostFacts.DiskSpace d : f.disks()) {
            String free = new ByteSize(d.availableBytes()).human();
            if (d.availableBytes() < DISK_ERROR_BYTES) {
                p.add(error(PreflightCheck.DISK_SPACE, h, "log dir " + d.path() + " has only " + free + " free on " + d.mountPoint(),
                        "mount a data disk there or choose another paths.log_dirs"));
            } else if (d.availableBytes() < DISK_WARN_BYTES) {
                p.add(warn(PreflightCheck.DISK_SPACE, h, "log dir " + d.path() + " has only " + free + " free on " + d.mountPoint(),
                        "give Kafka a larger data disk; retention is 1 GiB per partition by default"));
            }
            if ("/".equals(d.mountPoint())) {
                p.add(warn(PreflightCheck.DISK_MOUNT, h, "log dir " + d.path() + " is on the root filesystem: a full Kafka disk would fill the OS disk too",
                        "mount a dedicated data disk at " + d.path() + " (and add it to /etc/fstab)"));
            }
        }
    }

    private static void ports(Host h, HostFacts f, List<Finding> p) {
        Ports ports = h.ports();
        Map<Integer, String> wanted = new LinkedHashMap<>();
        boolean existingZk = f.zookeeperMyid() != null;
        boolean existingKafka = f.hasKafkaData();
        if (h.has(Role.ZOOKEEPER)) {
            wanted.put(ports.zookeeperClient(), "ZooKeeper client");
            wanted.put(ports.zookeeperPeer(), "ZooKeeper quorum");
            wanted.put(ports.zookeeperElection(), "ZooKeeper election");
            if (ports.zookeeperAdmin() > 0) {
                wanted.put(ports.zookeeperAdmin(), "ZooKeeper AdminServer");
            }
        }
        if (h.has(Role.KAFKA)) {
            wanted.put(ports.kafkaPlaintext(), "Kafka PLAINTEXT");
            wanted.put(ports.kafkaSsl(), "Kafka SSL");
        }
        for (Map.Entry<Integer, String> e : wanted.entrySet()) {
            blocked(h, f, h.address(), e.getKey(), e.getValue(), e.getValue().startsWith("ZooKeeper") ? existingZk : existingKafka, p);
        }
        String jmx = JvmOptionsBuilder.jmxAddress(h);
        if (h.has(Role.KAFKA)) {
            blocked(h, f, jmx, ports.kafkaJmx(), "Kafka JMX", existingKafka, p);
        }
        if (h.has(Role.ZOOKEEPER)) {
            blocked(h, f, jmx, ports.zookeeperJmx(), "ZooKeeper JMX", existingZk, p);
        }
    }

    private static void blocked(Host h, HostFacts f, String address, int port, String what, boolean installed, List<Finding> p) {
        f.listenerBlocking(address, port).ifPresent(l -> {
            String msg = "port " + port + " (" + what + ") on " + address + " is taken by a process listening on " + l;
            if (installed) {
                p.add(warn(PreflightCheck.PORT, h, msg + "; the host already has data of a previous install, so this is probably that service",
                        "if it is not, stop the process that holds the port ('ss -tlnp sport = :" + port + "' shows it)"));
            } else {
                p.add(error(PreflightCheck.PORT, h, msg, "stop the process that holds it ('ss -tlnp sport = :" + port + "' shows it) or change ports in the inventory"));
            }
        });
    }

    private static void clock(Host h, HostFacts f, List<Finding> p) {
        Long off = f.clockOffsetMillis();
        if (off == null || Math.abs(off) <= CLOCK_WARN_MILLIS) {
            return;
        }
        String msg = "clock is " + Math.abs(off) + " ms " + (off > 0 ? "ahead of" : "behind") + " the jump host";
        String fix = "enable time sync ('timedatectl set-ntp true', chrony or systemd-timesyncd)";
        p.add(Math.abs(off) > CLOCK_ERROR_MILLIS ? error(PreflightCheck.CLOCK, h, msg + ": certificates issued now would not be valid there yet", fix) : warn(PreflightCheck.CLOCK, h, msg, fix));
    }

    private static void nameResolution(Inventory inv, Host h, HostFacts f, List<Finding> p) {
        if (inv.advertise() == Advertise.ADDRESS || !HostNames.isIp(h.address())) {
            return; // clients use addresses, or the address is itself the name: nothing to resolve
        }
        if (f.resolvedAddresses().isEmpty()) {
            p.add(error(PreflightCheck.NAME_RESOLUTION, h, h.name() + " does not resolve on the host itself, but brokers advertise it to clients and to each other",
                    "add '" + h.address() + " " + h.name() + " " + h.shortName() + "' to /etc/hosts or DNS"));
        } else if (!f.resolvedAddresses().contains(h.address())) {
            p.add(error(PreflightCheck.NAME_RESOLUTION, h, h.name() + " resolves to " + String.join(", ", f.resolvedAddresses()) + " on the host, not to its inventory address "
                    + h.address(), "fix /etc/hosts or DNS (Debian's '127.0.1.1 <hostname>' line is the usual cause)"));
        }
    }

    private static Finding error(PreflightCheck check, Host h, String message, String fix) {
        return new Finding(check, Problem.error(h.pos(), h.name() + ": " + message, fix));
    }

    private static Finding warn(PreflightCheck check, Host h, String message, String fix) {
        return new Finding(check, Problem.warning(h.pos(), h.name() + ": " + message, fix));
    }
}
