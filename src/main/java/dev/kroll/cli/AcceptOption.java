package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.PreflightAcceptance;
import dev.kroll.inventory.PreflightCheck;
import dev.kroll.util.DidYouMean;
import dev.kroll.util.KrollException;
import dev.kroll.util.SourcePos;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code --accept CHECK[@HOST]}: accept a preflight finding for this run, as the inventory's {@code preflight.accept} does. */
final class AcceptOption {

    static final String REASON = "accepted on the command line (--accept)";

    @Option(names = "--accept", paramLabel = "CHECK[@HOST]",
            description = "Accept a preflight finding for this run (repeatable): it is still shown and journalled, marked accepted, "
                    + "but does not stop the run. Checks: swap, swappiness, nofile, java, disk-space, disk-mount, port, clock, "
                    + "name-resolution, existing-ids.")
    List<String> accept = new ArrayList<>();

    /** The inventory with these acceptances added; an unknown check or host is bad input. */
    Inventory apply(Inventory inv) {
        if (accept.isEmpty()) {
            return inv;
        }
        List<String> hosts = inv.hosts().stream().map(Host::name).toList();
        List<PreflightAcceptance> out = new ArrayList<>();
        for (String a : accept) {
            int at = a.indexOf('@');
            String id = at < 0 ? a : a.substring(0, at);
            String host = at < 0 ? null : a.substring(at + 1);
            PreflightCheck check = PreflightCheck.parse(id).orElseThrow(() -> KrollException.badInput("--accept " + a
                    + ": unknown preflight check '" + id + "'; " + DidYouMean.closest(id, PreflightCheck.ids()).map(s -> "did you mean '" + s + "'?")
                    .orElse("checks are " + String.join(", ", PreflightCheck.ids()))));
            if (host != null && !hosts.contains(host)) {
                throw KrollException.badInput("--accept " + a + ": no host '" + host + "' in the inventory"
                        + DidYouMean.closest(host, hosts).map(s -> "; did you mean '" + s + "'?").orElse(""));
            }
            out.add(new PreflightAcceptance(check, host == null ? List.of() : List.of(host), REASON, SourcePos.NONE));
        }
        return inv.withAccepted(out);
    }
}
