package dev.kroll.sandbox;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.sshd.server.Environment;
import org.apache.sshd.server.channel.ChannelSession;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.server.shell.InvertedShell;

/**
 * One command (or an interactive shell) run for an SSH client by the local {@code /bin/sh}, in the host's
 * own tree: working directory and HOME are the host's home, so commands see that host's files only by
 * relative and ~ paths. MINA's {@code InvertedShellWrapper} pumps the streams; it stops reading when the
 * shell exits, so a daemon that keeps an inherited descriptor open does not hold the channel.
 */
final class HostShell implements InvertedShell {

    private final String command;
    private final Path home;
    private final Map<String, String> env;
    private ServerSession session;
    private ChannelSession channel;
    private Process process;

    /** {@code command} null: an interactive shell reading from the client. */
    HostShell(String command, Path home, Map<String, String> env) {
        this.command = command;
        this.home = home;
        this.env = env;
    }

    @Override
    public void start(ChannelSession channel, Environment clientEnv) throws IOException {
        this.channel = channel;
        // the host's profile (HostProfile): its commands first on the PATH, its open-file limit
        Optional<Integer> nofile = HostProfile.openFileLimit(home);
        List<String> argv = command == null ? List.of("/bin/sh")
                : List.of("/bin/sh", "-c", nofile.map(n -> "ulimit -S -n " + n + " || exit 126; ").orElse("") + command);
        ProcessBuilder pb = new ProcessBuilder(argv).directory(home.toFile());
        Map<String, String> e = pb.environment();
        e.putAll(env);
        // as OpenSSH's sshd does: where the connection comes from, as this host sees it
        if (channel.getSession().getClientAddress() instanceof InetSocketAddress client
                && channel.getSession().getIoSession().getLocalAddress() instanceof InetSocketAddress local) {
            e.put("SSH_CLIENT", client.getAddress().getHostAddress() + " " + client.getPort() + " " + local.getPort());
        }
        HostProfile.binDir(home).ifPresent(bin -> e.put("PATH", bin + ":" + e.getOrDefault("PATH", "/usr/bin:/bin")));
        String term = clientEnv.getEnv().get("TERM");
        if (term != null) {
            e.put("TERM", term);
        }
        process = pb.start();
    }

    @Override
    public void destroy(ChannelSession channel) {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    @Override
    public OutputStream getInputStream() {
        return process.getOutputStream();
    }

    @Override
    public InputStream getOutputStream() {
        return process.getInputStream();
    }

    @Override
    public InputStream getErrorStream() {
        return process.getErrorStream();
    }

    @Override
    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public int exitValue() {
        return process.exitValue();
    }

    @Override
    public ServerSession getServerSession() {
        return session;
    }

    @Override
    public void setSession(ServerSession session) {
        this.session = session;
    }

    @Override
    public ChannelSession getServerChannelSession() {
        return channel;
    }
}
