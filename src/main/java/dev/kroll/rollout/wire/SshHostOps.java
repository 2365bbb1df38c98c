package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.ServiceControl;
import dev.kroll.inventory.ServiceManager;
import dev.kroll.remote.AtomicUploader;
import dev.kroll.remote.Become;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.FileUpload;
import dev.kroll.remote.Outcome;
import dev.kroll.remote.Shell;
import dev.kroll.remote.SshSession;
import dev.kroll.remote.SshSessions;
import dev.kroll.remote.Status;
import dev.kroll.rollout.port.HostOps;
import dev.kroll.rollout.port.RenderedFile;
import dev.kroll.rollout.port.WriteOutcome;
import java.io.IOException;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Optional;

/**
 * The engine's host operations over kroll's SSH layer ({@code dev.kroll.remote}): atomic uploads
 * with the previous version kept as {@code .kroll-prev}, restore, and service control through the
 * inventory's service manager (systemd units, or the operator's start/stop/status commands).
 */
public final class SshHostOps implements HostOps {

    private static final String ABSENT = "__kroll_absent__";
    private final Inventory inventory;
    private final SshSessions sessions;
    private final Duration serviceTimeout;

    public SshHostOps(Inventory inventory, SshSessions sessions, Duration serviceTimeout) {
        this.inventory = inventory;
        this.sessions = sessions;
        this.serviceTimeout = serviceTimeout;
    }

    @Override
    public Optional<byte[]> read(Host host, String path) throws IOException {
        String p = Shell.quote(path);
        CommandResult r = session(host).check(Become.wrap(host, "if [ -e " + p + " ]; then base64 < " + p + "; else echo " + ABSENT + "; fi"));
        String out = r.stdout().trim();
        if (out.equals(ABSENT)) {
            return Optional.empty();
        }
        if (r.truncated()) {
            throw new IOException(path + " on " + host.name() + " is too large to compare");
        }
        return Optional.of(Base64.getMimeDecoder().decode(out));
    }

    @Override
    public WriteOutcome write(Host host, RenderedFile f) throws IOException {
        String mode = Integer.toOctalString(f.mode());
        String owner = f.secret() && host.ssh().become() ? inventory.pathsFor(host).serviceUser() : null;
        // secrets get no .kroll-prev: a stale copy of a key is one more copy to leak
        FileUpload up = new FileUpload(f.path(), f.content(), mode, owner, null, f.secret(), !f.secret());
        Outcome<Void> o = AtomicUploader.upload(session(host), up);
        if (o.status() == Status.FAILED) {
            throw new IOException("cannot write " + f.path() + " on " + host.name() + ": " + o.detail());
        }
        return o.status() == Status.UNCHANGED ? WriteOutcome.UNCHANGED : WriteOutcome.CHANGED;
    }

    @Override
    public boolean restorePrevious(Host host, String path) throws IOException {
        String p = Shell.quote(path);
        String prev = Shell.quote(path + FileUpload.PREVIOUS_SUFFIX);
        CommandResult r = session(host).exec(Become.wrap(host, "if [ -e " + prev + " ]; then mv -f -- " + prev + " " + p + "; else exit 3; fi"));
        if (r.exitStatus() == 3) {
            return false;
        }
        if (!r.ok()) {
            throw new IOException("cannot restore " + path + " on " + host.name() + ": " + r.firstErrorLine());
        }
        return true;
    }

    @Override
    public void start(Host host, Role role) throws IOException {
        run(host, role, "start");
    }

    @Override
    public void stop(Host host, Role role) throws IOException {
        run(host, role, "stop");
    }

    @Override
    public boolean running(Host host, Role role) throws IOException {
        return session(host).exec(command(host, role, "status")).ok();
    }

    private void run(Host host, Role role, String verb) throws IOException {
        CommandResult r = session(host).exec(command(host, role, verb), null, serviceTimeout);
        if (!r.ok()) {
            throw new IOException(role.key() + " " + verb + " on " + host.name() + " failed: " + r.firstErrorLine());
        }
    }

    /** The service manager's command for {@code verb} (start, stop, status). */
    String command(Host host, Role role, String verb) {
        ServiceControl sc = inventory.services().of(role);
        if (inventory.services().manager() == ServiceManager.SYSTEMD) {
            String unit = Shell.quote(sc.unit());
            return switch (verb) {
                // a re-rendered unit file takes effect only after a reload
                case "start" -> Become.wrap(host, "systemctl daemon-reload && systemctl start " + unit);
                case "stop" -> Become.wrap(host, "systemctl stop " + unit);
                default -> "systemctl is-active --quiet " + unit;
            };
        }
        String cmd = switch (verb) {
            case "start" -> sc.start();
            case "stop" -> sc.stop();
            default -> sc.status();
        };
        if (cmd == null || cmd.isBlank()) {
            throw new IllegalStateException("services." + role.key() + "." + verb.toLowerCase(Locale.ROOT) + " is not set in the inventory");
        }
        return Become.wrap(host, cmd);
    }

    private SshSession session(Host host) {
        return sessions.get(host);
    }
}
