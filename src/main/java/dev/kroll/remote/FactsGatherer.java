package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import java.io.IOException;
import java.util.List;
import java.util.function.Function;

/** Gathers {@link HostFacts} from many hosts in parallel: one exec of {@link FactsScript} per host. */
public final class FactsGatherer {

    private final FanOut fanOut;

    public FactsGatherer(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    /** The action for one host, also usable inside other fan-outs. */
    public static HostAction<HostFacts> action(Function<Host, InstallPaths> paths) {
        return ctx -> {
            ctx.progress("gathering facts");
            return Outcome.ok(gather(ctx.session(), ctx.host(), paths.apply(ctx.host())));
        };
    }

    /** One host's facts over an open session: the facts script, then the clock on its own round trip. */
    public static HostFacts gather(SshSession session, Host host, InstallPaths paths) throws IOException {
        CommandResult r = session.check(Become.wrap(host, FactsScript.forHost(paths, host.name())));   // log dirs may be readable only by root
        long before = System.currentTimeMillis();
        CommandResult clock = session.check(FactsScript.CLOCK);
        long after = System.currentTimeMillis();
        return FactsParser.parse(host.name(), r.stdout() + "\n" + clock.stdout(), before, after);
    }

    /** @param paths each host's install paths ({@code Inventory::pathsFor}) */
    public List<HostResult<HostFacts>> gather(List<Host> hosts, Function<Host, InstallPaths> paths, FanOutListener listener) {
        return fanOut.run(hosts, action(paths), listener);
    }
}
