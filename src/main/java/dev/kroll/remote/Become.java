package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.util.KrollException;

/**
 * Privilege for root-owned paths and services: with {@code ssh.become: true} commands run under
 * {@code sudo -n}, which never prompts, so a host that would need a password fails at once with advice
 * instead of hanging.
 */
public final class Become {

    private Become() {
    }

    /** {@code command} as root when the host asks for become, else unchanged. */
    public static String wrap(Host host, String command) {
        return host.ssh().become() ? wrap(command) : command;
    }

    /** {@code command} as root, through a shell so pipes and redirections stay inside sudo. */
    public static String wrap(String command) {
        return "sudo -n -- sh -c " + Shell.quote(command);
    }

    /** {@code command} as another user (the service user), e.g. to read its limits. */
    public static String asUser(String user, String command) {
        return "sudo -n -u " + Shell.quote(user) + " -- sh -c " + Shell.quote(command);
    }

    /** A clear error when the result shows that sudo itself refused, else null. */
    public static KrollException refusal(Host host, CommandResult r) {
        if (r.ok()) {
            return null;
        }
        String err = r.stderr();
        if (err.contains("sudo: a password is required") || err.contains("sudo: a terminal is required")) {
            return KrollException.failure("sudo on " + host.name() + " needs a password for " + host.ssh().user()
                    + "; kroll only uses non-interactive sudo — allow it without password (e.g. '" + host.ssh().user()
                    + " ALL=(ALL) NOPASSWD: ALL' in /etc/sudoers.d/kroll) or log in as root", null);
        }
        if (r.exitStatus() == 127 && err.contains("sudo")) {
            return KrollException.failure("sudo is not installed on " + host.name()
                    + " — install it, or log in as root and set ssh.become: false", null);
        }
        if (err.contains("is not in the sudoers file") || err.contains("is not allowed to execute")) {
            return KrollException.failure(host.ssh().user() + " may not use sudo on " + host.name()
                    + " — grant it in /etc/sudoers.d/ or log in as root", null);
        }
        return null;
    }
}
