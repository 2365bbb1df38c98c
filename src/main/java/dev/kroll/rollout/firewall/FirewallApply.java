package dev.kroll.rollout.firewall;

import dev.kroll.inventory.Host;
import dev.kroll.plan.firewall.FirewallPolicy;
import dev.kroll.plan.firewall.SshSafetyCheck;
import dev.kroll.remote.AtomicUploader;
import dev.kroll.remote.Become;
import dev.kroll.remote.CommandResult;
import dev.kroll.remote.FileUpload;
import dev.kroll.remote.Outcome;
import dev.kroll.remote.SshConnector;
import dev.kroll.remote.SshSession;
import dev.kroll.remote.SshSessions;
import dev.kroll.remote.Status;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

/**
 * Applies a host's rendered nftables ruleset over SSH so that a mistake cannot lock kroll out:
 * <ol>
 *   <li>the SSH safety check, on the address the host sees kroll's connection come from — a refusal
 *       changes nothing (exit 3);</li>
 *   <li>upload the ruleset (atomically) and validate it with {@code nft -c};</li>
 *   <li>save the current kroll table as a rollback and arm a dead-man timer on the host that restores
 *       it unless disarmed in time;</li>
 *   <li>apply (one nftables transaction);</li>
 *   <li>open a <em>new</em> SSH connection — the established one could survive rules that refuse new
 *       ones — and only when it works, disarm the timer.</li>
 * </ol>
 * If the new connection fails the timer is left armed: the host restores the previous rules on its own.
 */
public final class FirewallApply {

    public enum Result { APPLIED, ROLLED_BACK }

    /** Proves that a new SSH connection to the host works (the default opens one and runs {@code true}). */
    @FunctionalInterface
    public interface NewConnection {
        void prove(Host host) throws Exception;
    }

    private final SshSessions sessions;
    private final NewConnection newConnection;
    private final Duration rollbackAfter;

    public FirewallApply(SshSessions sessions, Duration rollbackAfter) {
        this(sessions, rollbackAfter, fresh(new SshConnector(sessions.options())));
    }

    public FirewallApply(SshSessions sessions, Duration rollbackAfter, NewConnection newConnection) {
        this.sessions = sessions;
        this.rollbackAfter = rollbackAfter;
        this.newConnection = newConnection;
    }

    /** A connection of its own (not the pooled one), closed after one command. */
    public static NewConnection fresh(SshConnector connector) {
        return host -> {
            try (SshSession s = connector.connect(host)) {
                s.check("true");
            }
        };
    }

    /** The address {@code host} sees kroll's SSH connection come from, or empty when it does not say. */
    public Optional<String> jumpHostAddress(Host host) {
        CommandResult r = sessions.get(host).exec(FirewallScripts.sshClient());
        return Optional.ofNullable(r.ok() ? FirewallScripts.clientAddress(r.stdout()) : null);
    }

    /** The SSH safety check for one host: a refusal, or empty when the jump host keeps SSH access. */
    public Optional<Problem> safety(Host host, FirewallPolicy policy, String jumpHostOverride) {
        String from = jumpHostOverride != null ? jumpHostOverride : jumpHostAddress(host).orElse(null);
        if (from == null) {
            return Optional.of(Problem.error(host.pos(), host.name() + ": cannot tell where kroll's SSH connection comes from ($SSH_CLIENT is empty)",
                    "pass --jump-host with the address the hosts see kroll connect from"));
        }
        return SshSafetyCheck.check(policy, from, host.ssh().port());
    }

    /**
     * Steps 2–5 for one host; the safety check must have passed. Failures before the rules are applied
     * change nothing on the host's firewall.
     *
     * @param path where the ruleset goes on the host (absolute, ending in {@link FirewallScripts#FILE})
     */
    public Result apply(Host host, String path, String ruleset) {
        SshSession s = sessions.get(host);
        FirewallScripts sc = new FirewallScripts(path);
        Outcome<Void> up;
        try {
            up = AtomicUploader.upload(s, FileUpload.config(path, ruleset.getBytes(StandardCharsets.UTF_8), null));
        } catch (java.io.IOException e) {
            throw KrollException.failure(host.name() + ": cannot upload " + path + ": " + Errors.message(e), e);
        }
        if (up.status() == Status.FAILED) {
            throw KrollException.failure(host.name() + ": cannot upload " + path + ": " + up.detail(), null);
        }
        run(s, host, sc.validate(), "the ruleset does not validate (nft -c); nothing was applied");
        run(s, host, sc.saveAndArm(rollbackAfter), "cannot save the current rules and arm the rollback; nothing was applied");
        CommandResult applied = s.exec(Become.wrap(host, sc.apply()));
        if (!applied.ok()) {
            // nft applies a file all or nothing: the old rules are still in place
            run(s, host, sc.disarm(), "cannot disarm the rollback timer");
            throw KrollException.failure(host.name() + ": nft -f failed: " + applied.firstErrorLine() + "; the previous rules are still in place", null);
        }
        try {
            newConnection.prove(host);
        } catch (Exception e) {
            throw KrollException.failure(host.name() + ": no new SSH connection after applying the rules (" + Errors.message(e)
                    + "); the host restores the previous rules itself within " + rollbackAfter.toSeconds() + " s ("
                    + sc.rollbackFile() + ")", e);
        }
        String disarmed = run(s, host, sc.disarm(), "applied, but cannot disarm the rollback timer").trim();
        if (disarmed.equals("rolled-back")) {
            return Result.ROLLED_BACK;
        }
        return Result.APPLIED;
    }

    private static String run(SshSession s, Host host, String script, String what) {
        CommandResult r = s.exec(Become.wrap(host, script));
        if (!r.ok()) {
            KrollException sudo = Become.refusal(host, r);
            if (sudo != null) {
                throw sudo;
            }
            throw KrollException.failure(host.name() + ": " + what + ": " + r.firstErrorLine(), null);
        }
        return r.stdout();
    }
}
