package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Host;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import dev.kroll.plan.render.RenderedFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.FileSystemFile;
import net.schmizz.sshj.xfer.InMemorySourceFile;

/**
 * INTERIM (see package-info): one SSH connection to a host with SSHJ, the host key checked strictly
 * against the inventory's {@code .kroll/known_hosts}, logged in with the host's key file.
 */
final class InterimSsh implements AutoCloseable {

    record Result(int exit, String out) {
    }

    private final Host host;
    private final SSHClient client;
    private final SFTPClient sftp;

    private InterimSsh(Host host, SSHClient client, SFTPClient sftp) {
        this.host = host;
        this.client = client;
        this.sftp = sftp;
    }

    static InterimSsh connect(Host host, Path knownHosts) {
        SSHClient c = new SSHClient();
        try {
            c.loadKnownHosts(knownHosts.toFile());
            c.setConnectTimeout(10_000);
            c.connect(host.address(), host.ssh().port());
            c.authPublickey(host.ssh().user(), c.loadKeys(host.ssh().keyFile()));
            return new InterimSsh(host, c, c.newSFTPClient());
        } catch (IOException e) {
            try {
                c.close();
            } catch (IOException ignored) {
                // already failing
            }
            throw KrollException.failure("cannot log in to " + host.name() + " (" + host.address() + ":" + host.ssh().port() + "): "
                    + Errors.message(e), e);
        }
    }

    /** The login directory: where relative inventory paths start. */
    String loginDir() throws IOException {
        return sftp.canonicalize(".");
    }

    Result exec(String command) throws IOException {
        try (Session s = client.startSession(); Session.Command cmd = s.exec(command)) {
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    + new String(cmd.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(5, TimeUnit.MINUTES);
            Integer exit = cmd.getExitStatus();
            return new Result(exit == null ? -1 : exit, out.trim());
        }
    }

    /** Runs {@code command}; a non-zero exit fails the bring-up with the command's last output line. */
    String run(String what, String command) throws IOException {
        Result r = exec(command);
        if (r.exit() != 0) {
            String[] lines = r.out().split("\n");
            throw KrollException.failure(what + " failed on " + host.name() + " (exit " + r.exit() + "): " + lines[lines.length - 1], null);
        }
        return r.out();
    }

    /** Uploads to a temporary name beside {@code remote}, then renames: the file is never seen half-written. */
    void upload(Path local, String remote) throws IOException {
        sftp.put(new FileSystemFile(local.toFile()), remote + ".part");
        run("moving " + remote + " into place", "mv -f " + quote(remote + ".part") + " " + quote(remote));
    }

    /** Writes every file under a temporary name, then moves them all into place with their modes in one command. */
    void writeAll(List<RenderedFile> files) throws IOException {
        StringBuilder commit = new StringBuilder();
        for (RenderedFile f : files) {
            byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
            String part = f.path() + ".part";
            sftp.put(new InMemorySourceFile() {
                @Override
                public String getName() {
                    return f.name();
                }

                @Override
                public long getLength() {
                    return bytes.length;
                }

                @Override
                public InputStream getInputStream() {
                    return new ByteArrayInputStream(bytes);
                }
            }, part);
            commit.append(commit.length() == 0 ? "" : " && ").append("chmod ").append(f.mode()).append(' ').append(quote(part))
                    .append(" && mv -f ").append(quote(part)).append(' ').append(quote(f.path()));
        }
        if (commit.length() > 0) {
            run("moving the configuration into place", commit.toString());
        }
    }

    static String quote(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    @Override
    public void close() {
        try {
            sftp.close();
            client.close();
        } catch (IOException e) {
            // the session is gone either way
        }
    }
}
