package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.remote.Become;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.Shell;
import dev.kroll.remote.SshSession;
import dev.kroll.remote.SshSessions;
import dev.kroll.rollout.port.Installer;
import dev.kroll.rollout.port.WriteOutcome;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

/**
 * Installs a Kafka release tarball ({@code kafka_2.13-3.9.x.tgz}, the Apache one or the sandbox's
 * build with the same layout) into {@code kafka_home}: uploaded atomically beside it, unpacked into
 * a versioned directory, {@code kafka_home} pointed at it. A marker with the tarball's SHA-256 makes
 * a second install of the same tarball a no-op.
 */
public final class SshInstaller implements Installer {

    private final Inventory inventory;
    private final SshSessions sessions;

    public SshInstaller(Inventory inventory, SshSessions sessions) {
        this.inventory = inventory;
        this.sessions = sessions;
    }

    @Override
    public WriteOutcome install(Host host, String source) throws IOException {
        Path tgz = Path.of(source);
        if (!Files.isRegularFile(tgz) || !tgz.getFileName().toString().endsWith(".tgz")) {
            throw new IOException(source + " is not a Kafka release tarball (kafka_2.13-3.9.x.tgz)");
        }
        String sha = sha256(tgz);
        SshSession s = sessions.get(host);
        String home = inventory.pathsFor(host).kafkaHome();
        String parent = home.substring(0, Math.max(1, home.lastIndexOf('/')));
        String versioned = parent + "/" + tgz.getFileName().toString().replaceFirst("\\.tgz$", "");
        String marker = versioned + "/.kroll-installed";
        CommandResult m = s.exec(Become.wrap(host, "cat " + Shell.quote(marker) + " 2>/dev/null; test -d " + Shell.quote(home)));
        if (m.ok() && m.stdout().trim().equals(sha)) {
            return WriteOutcome.UNCHANGED;
        }
        // streamed by SFTP (a release is ~120 MB: never held in memory per host), checked, then unpacked
        // into the login directory: SFTP writes as the login user, the unpacking may need become
        String remoteTgz = absolute(s, ".kroll-" + tgz.getFileName() + ".part");
        s.check(Become.wrap(host, "mkdir -p " + Shell.quote(parent)));
        s.sftp().put(tgz.toString(), remoteTgz);
        String remoteSha = s.check("sha256sum " + Shell.quote(remoteTgz)).stdout().trim().split("\\s+")[0];
        if (!remoteSha.equals(sha)) {
            s.exec("rm -f " + Shell.quote(remoteTgz));
            throw new IOException("the tarball arrived damaged on " + host.name() + " (SHA-256 " + remoteSha + ", expected " + sha + ")");
        }
        s.check(Become.wrap(host, "tar -xzf " + Shell.quote(remoteTgz) + " -C " + Shell.quote(parent)
                + " && rm -f " + Shell.quote(remoteTgz)
                + " && ln -sfn " + Shell.quote(versioned) + " " + Shell.quote(home)
                + " && printf '%s' " + sha + " > " + Shell.quote(marker)), null, Duration.ofMinutes(10));
        return WriteOutcome.CHANGED;
    }

    static String absolute(SshSession s, String path) {
        return path.startsWith("/") ? path : s.check("pwd").stdout().trim() + "/" + path;
    }

    private static String sha256(Path f) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(f), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
