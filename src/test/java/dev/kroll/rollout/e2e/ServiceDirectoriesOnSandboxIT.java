package dev.kroll.rollout.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.rollout.port.Installer;
import dev.kroll.rollout.port.ServiceDir;
import dev.kroll.rollout.port.WriteOutcome;
import dev.kroll.sandbox.junit.KrollSandbox;
import dev.kroll.sandbox.junit.SandboxCluster;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The install step's data and log directories, created over SSH on a sandbox host's tree. The sandbox
 * logs in as the test's own user (not root, no become): modes are set, ownership is left alone.
 */
@KrollSandbox(hosts = 1, cluster = false)
class ServiceDirectoriesOnSandboxIT {

    @Test
    void theDataAndLogDirectoriesAreCreatedWithTheirModesOnceAndFixedWhenChanged(SandboxCluster cluster) throws Exception {
        Host h = cluster.host(0);
        InstallPaths paths = cluster.inventory().pathsFor(h);
        List<ServiceDir> dirs = ServiceDir.of(h, paths);
        assertEquals(paths.logDirs().size() + 2, dirs.size(), dirs.toString());
        try (OpenBackend backend = Backends.open(cluster.inventory())) {
            Installer installer = backend.backend().installer();

            assertEquals(WriteOutcome.CHANGED, installer.createDirectories(h, dirs, paths.serviceUser()));
            for (ServiceDir d : dirs) {
                Path p = Path.of(d.path());
                assertTrue(Files.isDirectory(p), d.path());
                assertEquals(d.mode() == ServiceDir.DATA ? "rwxr-x---" : "rwxr-xr-x",
                        PosixFilePermissions.toString(Files.getPosixFilePermissions(p)), d.path());
                assertEquals(System.getProperty("user.name"), Files.getOwner(p).getName(), "no chown without root: " + d.path());
            }
            assertEquals(WriteOutcome.UNCHANGED, installer.createDirectories(h, dirs, paths.serviceUser()), "idempotent");

            Path data = Path.of(paths.logDirs().get(0));
            Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxrwxrwx"));
            assertEquals(WriteOutcome.CHANGED, installer.createDirectories(h, dirs, paths.serviceUser()));
            assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        }
    }
}
