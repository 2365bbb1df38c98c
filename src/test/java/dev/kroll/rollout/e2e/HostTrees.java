package dev.kroll.rollout.e2e;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every file of every sandbox host's tree with its content checksum, mode and modification time — except
 * what the running services write themselves (Kafka's log dirs, ZooKeeper's data but its myid, the
 * application logs), which changes whatever kroll does.
 */
final class HostTrees {

    private HostTrees() {
    }

    static Map<String, String> snapshot(SandboxCluster cluster) throws Exception {
        Map<String, String> out = new TreeMap<>();
        for (Host h : cluster.inventory().hosts()) {
            InstallPaths paths = cluster.inventory().pathsFor(h);
            List<Path> busy = new ArrayList<>();
            paths.logDirs().forEach(d -> busy.add(Path.of(d)));
            busy.add(Path.of(paths.zookeeperDataDir(), "version-2"));
            busy.add(Path.of(paths.appLogDir()));
            Path home = cluster.sandbox().layout().home(h.name());
            try (Stream<Path> files = Files.walk(home)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    if (busy.stream().noneMatch(f::startsWith)) {
                        out.put(h.name() + ":" + home.relativize(f), describe(f));
                    }
                }
            }
        }
        return out;
    }

    private static String describe(Path f) {
        try {
            byte[] sha = MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(f));
            return HexFormat.of().formatHex(sha, 0, 8) + " " + Files.getPosixFilePermissions(f) + " " + Files.getLastModifiedTime(f);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
