package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.remote.FactsGatherer;
import dev.kroll.remote.FactsStore;
import dev.kroll.remote.FanOut;
import dev.kroll.remote.HostEvent;
import dev.kroll.remote.HostFacts;
import dev.kroll.remote.HostResult;
import dev.kroll.remote.NewHostKeyPolicy;
import dev.kroll.remote.SshOptions;
import dev.kroll.remote.SshSessions;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** Options of the commands that gather host facts over SSH ({@code facts}, {@code preflight}), and the gathering itself. */
final class FactsOptions {

    @Option(names = "--accept-new-host-keys",
            description = "Trust hosts whose SSH key is not yet known and record it in .kroll/known_hosts (a changed key is always refused).")
    boolean acceptNewHostKeys;

    @Option(names = "--parallel", paramLabel = "N", defaultValue = "16", description = "Hosts at a time (default: ${DEFAULT-VALUE}).")
    int parallel;

    @Option(names = "--host-timeout", paramLabel = "SECONDS", defaultValue = "120",
            description = "Give up on a host after this long (default: ${DEFAULT-VALUE}).")
    int hostTimeout;

    /** Gathers facts from every host in parallel, reports failed hosts on {@code err}, and saves what was gathered. */
    List<HostResult<HostFacts>> gather(Inventory inv, PrintWriter err) throws IOException {
        if (parallel < 1) {
            throw KrollException.badInput("--parallel must be at least 1");
        }
        SshOptions options = SshOptions.defaults(inv.stateDir(), acceptNewHostKeys ? NewHostKeyPolicy.ACCEPT : NewHostKeyPolicy.REFUSE);
        List<HostResult<HostFacts>> results;
        try (SshSessions sessions = new SshSessions(options)) {
            FanOut fanOut = new FanOut(sessions, parallel, Duration.ofSeconds(hostTimeout));
            results = new FactsGatherer(fanOut).gather(inv.hosts(), inv::pathsFor, e -> {
                if (e instanceof HostEvent.Finished f && f.result().failed()) {
                    synchronized (err) {
                        err.println("kroll: " + f.result().line());
                        err.flush();
                    }
                }
            });
        }
        FactsStore.save(inv.stateDir(), gathered(results));
        return results;
    }

    static List<HostFacts> gathered(List<HostResult<HostFacts>> results) {
        return results.stream().filter(r -> !r.failed()).map(HostResult::value).toList();
    }
}
