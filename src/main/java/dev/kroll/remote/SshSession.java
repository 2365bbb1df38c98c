package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * One authenticated SSH connection to one host. Commands may run concurrently on it (one channel each);
 * an SFTP channel is opened on first use and kept. Secrets go in through {@code stdin}, never the command.
 */
public final class SshSession implements AutoCloseable {

    /** Reads stdout and stderr side by side so that neither fills the window and stalls the other. */
    private static final ExecutorService PUMPS = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "kroll-ssh-output");
        t.setDaemon(true);
        return t;
    });

    private final Host host;
    private final SSHClient client;
    private final SshOptions options;
    private SFTPClient sftp;
    private final Set<LocalForward> forwards = ConcurrentHashMap.newKeySet();

    SshSession(Host host, SSHClient client, SshOptions options) {
        this.host = host;
        this.client = client;
        this.options = options;
    }

    public Host host() {
        return host;
    }

    public SshOptions options() {
        return options;
    }

    public boolean isAlive() {
        return client.isConnected() && client.isAuthenticated();
    }

    /** Runs {@code command} with the default timeout; a non-zero exit is a result, not an exception. */
    public CommandResult exec(String command) {
        return exec(command, null, options.commandTimeout());
    }

    /** Runs {@code command} and fails with the first error line unless it exits 0 (sudo refusals explained). */
    public CommandResult check(String command) {
        return check(command, null, options.commandTimeout());
    }

    public CommandResult check(String command, byte[] stdin, Duration timeout) {
        CommandResult r = exec(command, stdin, timeout);
        if (!r.ok()) {
            KrollException sudo = Become.refusal(host, r);
            if (sudo != null) {
                throw sudo;
            }
            throw new RemoteCommandException("on " + host.name() + ": '" + abbreviate(command) + "' exited "
                    + r.exitStatus() + ": " + r.firstErrorLine(), r);
        }
        return r;
    }

    /**
     * Runs {@code command} (through the login shell), feeding {@code stdin} (may be null) and closing it, and
     * waits at most {@code timeout}. On timeout the command is signalled and its channel closed.
     */
    public CommandResult exec(String command, byte[] stdin, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(command);
            Future<Capture> out = PUMPS.submit(() -> Capture.read(cmd.getInputStream(), options.maxOutputBytes()));
            Future<Capture> err = PUMPS.submit(() -> Capture.read(cmd.getErrorStream(), options.maxOutputBytes()));
            try (OutputStream in = cmd.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            try {
                Capture o = out.get(remaining(deadline), TimeUnit.NANOSECONDS);
                Capture e = err.get(remaining(deadline), TimeUnit.NANOSECONDS);
                cmd.join(Math.max(1, remaining(deadline)), TimeUnit.NANOSECONDS);
                Integer status = cmd.getExitStatus();
                return new CommandResult(command, status == null ? -1 : status, o.text(), e.text(), o.truncated() || e.truncated());
            } catch (TimeoutException | net.schmizz.sshj.connection.ConnectionException te) {
                kill(cmd);
                throw new RemoteCommandException("on " + host.name() + ": '" + abbreviate(command) + "' timed out after "
                        + human(timeout), te);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RemoteCommandException("on " + host.name() + ": interrupted", e);
        } catch (ExecutionException | IOException e) {
            throw new RemoteCommandException("on " + host.name() + ": '" + abbreviate(command) + "' failed: " + Errors.message(e), e);
        }
    }

    /** The SFTP channel of this connection (opened once). */
    public synchronized SFTPClient sftp() throws IOException {
        if (sftp == null) {
            sftp = client.newSFTPClient();
        }
        return sftp;
    }

    /**
     * Opens a local port forward over this connection to {@code target:targetPort} as the host sees it
     * (e.g. its loopback JMX port); the local end listens on 127.0.0.1 only. The forward is closed
     * with this session at the latest.
     */
    public LocalForward forward(String target, int targetPort) throws IOException {
        LocalForward f = LocalForward.open(client, host.name(), target, targetPort, forwards::remove);
        forwards.add(f);
        if (!isAlive()) {
            f.close();
            throw new IOException("the SSH connection to " + host.name() + " is closed");
        }
        return f;
    }

    @Override
    public void close() {
        List.copyOf(forwards).forEach(LocalForward::close);
        try {
            client.close();
        } catch (IOException ignored) {
            // the connection is going away either way
        }
    }

    private static void kill(Session.Command cmd) {
        try {
            cmd.signal(net.schmizz.sshj.connection.channel.direct.Signal.KILL);
        } catch (IOException ignored) {
            // servers may not support signals; closing the channel below ends it for them
        }
        try {
            cmd.close();
        } catch (IOException ignored) {
            // already gone
        }
    }

    private static long remaining(long deadline) {
        return Math.max(0, deadline - System.nanoTime());
    }

    static String human(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
    }

    /** Commands can be long scripts: name them by their first line, shortened. */
    static String abbreviate(String command) {
        String first = command.strip().lines().findFirst().orElse("");
        return first.length() > 60 ? first.substring(0, 57) + "..." : first;
    }

    private record Capture(byte[] bytes, boolean truncated) {

        static Capture read(InputStream in, int limit) throws IOException {
            ByteArrayOutputStream buf = new ByteArrayOutputStream();
            byte[] chunk = new byte[8192];
            boolean truncated = false;
            for (int n; (n = in.read(chunk)) >= 0; ) {
                int keep = Math.min(n, limit - buf.size());
                buf.write(chunk, 0, Math.max(0, keep));
                truncated |= keep < n;
            }
            return new Capture(buf.toByteArray(), truncated);
        }

        String text() {
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
