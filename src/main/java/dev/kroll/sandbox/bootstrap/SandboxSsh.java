package dev.kroll.sandbox.bootstrap;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.FanOut;
import dev.kroll.remote.FanOutListener;
import dev.kroll.remote.HostAction;
import dev.kroll.remote.HostResult;
import dev.kroll.remote.KnownHosts;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.util.KrollException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * How the sandbox's bring-up and tests reach the simulated hosts: kroll's own SSH layer
 * ({@code dev.kroll.remote}) with the host keys of the sandbox's {@code .kroll/known_hosts} only (the
 * operator's {@code ~/.ssh/known_hosts} may hold keys of an earlier sandbox on the same addresses), unknown
 * keys refused, and only the inventory's key offered (no ssh-agent, no ~/.ssh defaults).
 */
public final class SandboxSsh {

    private SandboxSsh() {
    }

    public static SshOptions options(Inventory inv) {
        SshOptions d = SshOptions.defaults(inv.stateDir(), NewHostKeyPolicy.REFUSE);
        return new SshOptions(d.connectTimeout(), d.commandTimeout(), d.keepAlive(), d.maxOutputBytes(),
                new KnownHosts(null, inv.stateDir().resolve("known_hosts")), NewHostKeyPolicy.REFUSE, d.passphrases(), null, List.of());
    }

    /** Runs {@code action} on every host at once; fails with one line per failed host. Values by host name. */
    static <T> Map<String, T> onAll(SshSessions sessions, List<Host> hosts, String what, HostAction<T> action) {
        List<HostResult<T>> results = new FanOut(sessions, FanOut.DEFAULT_CONCURRENCY, Duration.ofMinutes(5))
                .run(hosts, action, FanOutListener.NONE);
        List<HostResult<T>> failed = results.stream().filter(HostResult::failed).toList();
        if (!failed.isEmpty()) {
            throw KrollException.failure(what + " failed: " + failed.stream().map(HostResult::line).collect(Collectors.joining("; ")), null);
        }
        Map<String, T> values = new LinkedHashMap<>();
        results.forEach(r -> values.put(r.host(), r.value()));
        return values;
    }

    /** Runs the inventory's start/stop/status command for {@code role} on {@code host}; returns its exit status. */
    public static int service(Inventory inv, Host host, Role role, String action) {
        try (SshSessions sessions = new SshSessions(options(inv))) {
            return service(sessions, inv, host, role, action);
        }
    }

    static int service(SshSessions sessions, Inventory inv, Host host, Role role, String action) {
        String command = switch (action) {
            case "start" -> inv.services().of(role).start();
            case "stop" -> inv.services().of(role).stop();
            case "status" -> inv.services().of(role).status();
            default -> throw new IllegalArgumentException(action);
        };
        CommandResult r = sessions.get(host).exec(command);
        if (!r.ok() && !action.equals("status")) {
            throw KrollException.failure(role + " " + action + " failed on " + host.name() + " (exit " + r.exitStatus() + "): "
                    + r.firstErrorLine(), null);
        }
        return r.exitStatus();
    }
}
