package dev.kroll.probe;

import dev.kroll.inventory.ServiceControl;
import dev.kroll.inventory.ServiceManager;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One command per host for the state of all its services (Kafka and ZooKeeper), and the parsing of
 * its answer: one SSH channel and one round trip per host and refresh instead of one per service.
 * Pure.
 */
final class ServiceQuery {

    private static final String MARK = "@kroll-status-exit ";
    private static final Pattern EXIT = Pattern.compile("(?m)^" + MARK + "(\\d+)$");

    private ServiceQuery() {
    }

    /**
     * systemd: one {@code systemctl show} naming every unit (it answers one block per unit, in the
     * order given); script: each status command in its own subshell, its exit status on a line of its own.
     */
    static String command(ServiceManager manager, List<ServiceControl> services) {
        StringBuilder b = new StringBuilder();
        if (manager == ServiceManager.SYSTEMD) {
            b.append("systemctl show --no-pager -p ActiveState -p SubState -p MainPID -p ActiveEnterTimestamp --");
            services.forEach(s -> b.append(' ').append(ServiceStateParser.quote(s.unit())));
            return b.toString();
        }
        for (ServiceControl s : services) {
            b.append("( ").append(s.status()).append(" ) </dev/null; printf '\\n").append(MARK).append("%s\\n' \"$?\"; ");
        }
        return b.toString().strip();
    }

    /** One state per service, in the order of {@link #command}; throws when the answer lacks one. */
    static List<ProcessState> parse(ServiceManager manager, int services, RemoteCommands.Result r) {
        List<ProcessState> out = new ArrayList<>();
        if (manager == ServiceManager.SYSTEMD) {
            for (String block : r.stdout().split("\\n\\s*\\n")) {
                if (block.contains("ActiveState=")) {
                    out.add(ServiceStateParser.systemd(block));
                }
            }
        } else {
            Matcher m = EXIT.matcher(r.stdout());
            int from = 0;
            while (m.find()) {
                out.add(ServiceStateParser.script(Integer.parseInt(m.group(1)), r.stdout().substring(from, m.start())));
                from = m.end();
            }
        }
        if (out.size() != services) {
            String err = r.stderr() == null ? "" : r.stderr().strip();
            throw new IllegalStateException((manager == ServiceManager.SYSTEMD ? "systemctl show" : "the status commands")
                    + " answered for " + out.size() + " of " + services + " services (exit " + r.exitCode() + ")"
                    + (err.isEmpty() ? "" : ": " + err.lines().findFirst().orElse("")));
        }
        return out;
    }
}
