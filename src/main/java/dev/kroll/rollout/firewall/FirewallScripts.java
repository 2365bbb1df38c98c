package dev.kroll.rollout.firewall;

import dev.kroll.remote.Shell;
import java.time.Duration;

/**
 * The shell commands of applying a firewall ruleset on a host, as text (pure): validate, save the
 * current kroll table as a rollback, arm a dead-man timer that restores it, apply, disarm. Every file
 * lives beside the ruleset, so a host's state is in one directory:
 * <pre>
 *   kroll-firewall.nft             the rendered ruleset (uploaded atomically)
 *   kroll-firewall.rollback.nft    the kroll table as it was before, as an nft script (or its removal)
 *   kroll-firewall.deadman.pid     the armed timer's process group
 *   kroll-firewall.rolled-back     written by the timer when it restored the previous rules
 * </pre>
 * nftables applies a file in one transaction, and kroll's rules live in their own table
 * ({@code table inet kroll}), so both the new rules and the rollback replace that table as a whole.
 */
public record FirewallScripts(String ruleset) {

    public static final String FILE = "kroll-firewall.nft";
    static final String TABLE = "inet kroll";

    public FirewallScripts {
        if (!ruleset.endsWith("/" + FILE)) {
            throw new IllegalArgumentException("the ruleset must be a path ending in /" + FILE + ": " + ruleset);
        }
    }

    private String sibling(String name) {
        return ruleset.substring(0, ruleset.length() - FILE.length()) + name;
    }

    public String rollbackFile() {
        return sibling("kroll-firewall.rollback.nft");
    }

    public String pidFile() {
        return sibling("kroll-firewall.deadman.pid");
    }

    public String rolledBackMarker() {
        return sibling("kroll-firewall.rolled-back");
    }

    /** Where the host sees kroll's SSH connection come from ({@code $SSH_CLIENT}: address, port, server port). */
    public static String sshClient() {
        return "echo \"${SSH_CLIENT:-}\"";
    }

    /** Checks the ruleset without applying anything ({@code nft -c}); the error output names the line. */
    public String validate() {
        return "nft -c -f " + Shell.quote(ruleset);
    }

    /**
     * Saves the kroll table as it is now as an nft script that puts it back (if there is none, the
     * script removes the one the new rules create), checks that script, then starts the dead-man timer
     * in its own session: unless disarmed within {@code after}, it applies the rollback and writes the
     * marker. Prints the timer's pid. Runs before the new rules are applied, so the host can always get
     * back to the old rules on its own, whatever happens to kroll or the connection.
     */
    public String saveAndArm(Duration after) {
        String rb = Shell.quote(rollbackFile());
        String tmp = Shell.quote(rollbackFile() + ".tmp");
        String pid = Shell.quote(pidFile());
        String marker = Shell.quote(rolledBackMarker());
        long seconds = Math.max(1, after.toSeconds());
        return "set -e\n"
                + "rm -f " + marker + "\n"
                + "if [ -e " + pid + " ]; then echo 'kroll: a firewall change is still armed on this host (" + pidFile()
                + "); wait for it or remove it' >&2; exit 4; fi\n"
                + "{ echo 'table " + TABLE + "'; echo 'delete table " + TABLE + "'; nft list table " + TABLE + " 2>/dev/null || true; } > " + tmp + "\n"
                + "nft -c -f " + tmp + "\n"
                + "mv -f " + tmp + " " + rb + "\n"
                // setsid: its own session and process group, so it outlives this SSH command and disarming can end it whole
                + "setsid sh -c 'sleep \"$1\"; nft -f \"$2\" && date -u +%Y-%m-%dT%H:%M:%SZ > \"$3\"; rm -f \"$4\"' kroll-firewall-deadman "
                + seconds + " " + rb + " " + marker + " " + pid + " > /dev/null 2>&1 < /dev/null &\n"
                + "echo $! > " + pid + "\n"
                + "echo armed $!\n";
    }

    /** Applies the ruleset: one nftables transaction, all of it or nothing. */
    public String apply() {
        return "nft -f " + Shell.quote(ruleset);
    }

    /**
     * Stops the timer (its whole process group) if it has not fired. Prints {@code disarmed}, or
     * {@code rolled-back} when the timer already restored the previous rules, or {@code not-armed}.
     */
    public String disarm() {
        String pid = Shell.quote(pidFile());
        String marker = Shell.quote(rolledBackMarker());
        return "if [ -e " + marker + " ]; then echo rolled-back; exit 0; fi\n"
                + "if [ ! -e " + pid + " ]; then echo not-armed; exit 0; fi\n"
                + "p=$(cat " + pid + ")\n"
                + "if kill -s TERM -- \"-$p\" 2>/dev/null || kill -s TERM \"$p\" 2>/dev/null; then rm -f " + pid + "; echo disarmed; exit 0; fi\n"
                + "if [ -e " + marker + " ]; then echo rolled-back; else rm -f " + pid + "; echo not-armed; fi\n";
    }

    /** Whether the timer has restored the previous rules ({@code yes}/{@code no}). */
    public String rolledBack() {
        return "if [ -e " + Shell.quote(rolledBackMarker()) + " ]; then echo yes; else echo no; fi";
    }

    /** The address of {@code $SSH_CLIENT}'s first field, or null when the variable is empty. */
    public static String clientAddress(String sshClient) {
        String s = sshClient == null ? "" : sshClient.trim();
        if (s.isEmpty()) {
            return null;
        }
        return s.split("\\s+")[0];
    }
}
