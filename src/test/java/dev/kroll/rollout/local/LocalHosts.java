package dev.kroll.rollout.local;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.ClusterPlan;
import dev.kroll.rollout.port.HostOps;
import dev.kroll.rollout.port.Installer;
import dev.kroll.rollout.port.Preflight;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import dev.kroll.util.Files2;
import dev.kroll.util.Problem;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.rollout.preflight.Finding;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Host operations on the local directory trees of a {@link LocalCluster}. */
final class LocalHosts implements HostOps, Installer, Preflight {

    private final LocalCluster c;
    private final ClusterPlan plan;

    LocalHosts(LocalCluster c, ClusterPlan plan) {
        this.c = c;
        this.plan = plan;
    }

    @Override
    public Optional<byte[]> read(Host host, String path) throws IOException {
        Path f = c.onHost(host.name(), path);
        return Files.exists(f) ? Optional.of(Files.readAllBytes(f)) : Optional.empty();
    }

    @Override
    public WriteOutcome write(Host host, RenderedFile file) throws IOException {
        Path f = c.onHost(host.name(), file.path());
        if (Files.exists(f) && Arrays.equals(Files.readAllBytes(f), file.content())) {
            return WriteOutcome.UNCHANGED;
        }
        if (Files.exists(f)) {
            Files.copy(f, f.resolveSibling(f.getFileName() + ".kroll-prev"), StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.COPY_ATTRIBUTES);
        }
        Files2.writeAtomically(f, file.content(), perms(file.mode()));
        return WriteOutcome.CHANGED;
    }

    @Override
    public boolean restorePrevious(Host host, String path) throws IOException {
        Path f = c.onHost(host.name(), path);
        Path prev = f.resolveSibling(f.getFileName() + ".kroll-prev");
        if (!Files.exists(prev)) {
            return false;
        }
        Files.move(prev, f, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return true;
    }

    @Override
    public void start(Host host, Role role) throws IOException {
        if (running(host, role)) {
            return;
        }
        String problem = role == Role.KAFKA ? kafkaConfigProblem(host) : zookeeperConfigProblem(host);
        Path state = c.stateFile(host.name(), role);
        Files.createDirectories(state.getParent());
        if (problem != null) {
            // like a service whose process exits right after the service manager started it
            Files2.writeAtomically(state, "crashed " + problem);
            c.event(host.name(), "start " + role.key() + " FAILED: " + problem);
            return;
        }
        Files2.writeAtomically(state, "running " + System.currentTimeMillis());
        if (role == Role.KAFKA) {
            LocalPki.presentKeystore(c, host);
            c.event(host.name(), "start kafka phase=" + phase(host));
        } else {
            c.event(host.name(), "start zookeeper");
        }
    }

    @Override
    public void stop(Host host, Role role) throws IOException {
        Files.deleteIfExists(c.stateFile(host.name(), role));
        c.event(host.name(), "stop " + role.key());
    }

    @Override
    public boolean running(Host host, Role role) {
        return c.startedAt(host.name(), role) >= 0;
    }

    @Override
    public WriteOutcome install(Host host, String source) throws IOException {
        Path src = Path.of(source);
        if (!Files.isDirectory(src)) {
            throw new IOException(source + " is not a distribution directory");
        }
        Path home = c.onHost(host.name(), c.inventory.paths().kafkaHome());
        if (Files.isDirectory(home.resolve("bin"))) {
            return WriteOutcome.UNCHANGED;
        }
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path target = home.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        return WriteOutcome.CHANGED;
    }

    @Override
    public List<Finding> check(Host host) throws IOException {
        List<Finding> problems = new ArrayList<>();
        Path dir = c.hostDir(host.name());
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            problems.add(new Finding(PreflightCheck.DISK_SPACE, Problem.error(host.pos(), "host directory " + dir + " is missing or not writable", "")));
        }
        // an existing broker with another id would be renumbered: the check the real preflight makes
        Path meta = c.onHost(host.name(), c.inventory.paths().logDirs().get(0) + "/meta.properties");
        if (Files.exists(meta) && host.has(Role.KAFKA)) {
            Properties p = props(Files.readString(meta));
            int planned = plan.brokerId(host);
            if (!String.valueOf(planned).equals(p.getProperty("broker.id"))) {
                problems.add(new Finding(PreflightCheck.EXISTING_IDS,
                        Problem.error(host.pos(), "meta.properties has broker.id " + p.getProperty("broker.id") + " but the plan gives " + planned, "")));
            }
        }
        return problems;
    }

    private String kafkaConfigProblem(Host host) throws IOException {
        Path f = c.onHost(host.name(), c.inventory.paths().configDir() + "/server.properties");
        if (!Files.exists(f)) {
            return "no server.properties";
        }
        Properties p = props(Files.readString(f));
        if (p.getProperty("broker.id") == null) {
            return "broker.id missing";
        }
        for (String l : p.getProperty("listeners", "").split(",")) {
            if (!l.matches("[A-Z_]+://[^:]*:\\d+")) {
                return "invalid listener '" + l + "'";
            }
        }
        return null;
    }

    private String zookeeperConfigProblem(Host host) {
        Path cfg = c.onHost(host.name(), c.inventory.paths().configDir() + "/zoo.cfg");
        Path myid = c.onHost(host.name(), c.inventory.paths().zookeeperDataDir() + "/myid");
        return Files.exists(cfg) && Files.exists(myid) ? null : "zoo.cfg or myid missing";
    }

    private String phase(Host host) throws IOException {
        Path f = c.onHost(host.name(), c.inventory.paths().configDir() + "/server.properties");
        // the test plan's marker line, or the header kroll's renderer writes ("..., listener phase ssl-added.")
        for (String l : Files.readAllLines(f)) {
            Matcher m = PHASE.matcher(l);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "?";
    }

    private static final Pattern PHASE = Pattern.compile("^# (?:kroll-phase: |.*listener phase )([a-z-]+)");

    static Properties props(String text) throws IOException {
        Properties p = new Properties();
        p.load(new StringReader(text));
        return p;
    }

    private static Set<PosixFilePermission> perms(int mode) {
        Set<PosixFilePermission> s = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] order = {PosixFilePermission.OTHERS_EXECUTE, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_READ,
            PosixFilePermission.GROUP_EXECUTE, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_READ,
            PosixFilePermission.OWNER_EXECUTE, PosixFilePermission.OWNER_WRITE, PosixFilePermission.OWNER_READ};
        for (int i = 0; i < order.length; i++) {
            if ((mode & (1 << i)) != 0) {
                s.add(order[i]);
            }
        }
        return s;
    }
}
