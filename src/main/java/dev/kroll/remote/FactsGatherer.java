package dev.kroll.remote;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.InstallPaths;
import java.util.List;

/** Gathers {@link HostFacts} from many hosts in parallel: one exec of {@link FactsScript} per host. */
public final class FactsGatherer {

    private final FanOut fanOut;

    public FactsGatherer(FanOut fanOut) {
        this.fanOut = fanOut;
    }

    /** The action for one host, also usable inside other fan-outs. */
    public static HostAction<HostFacts> action(InstallPaths paths) {
        return ctx -> {
            String script = FactsScript.forHost(paths, ctx.host().name());
            SshSession session = ctx.session();
            ctx.progress("gathering facts");
            CommandResult r = session.check(Become.wrap(ctx.host(), script));   // log dirs may be readable only by root
            long before = System.currentTimeMillis();
            CommandResult clock = session.check(FactsScript.CLOCK);
            long after = System.currentTimeMillis();
            return Outcome.ok(FactsParser.parse(ctx.host().name(), r.stdout() + "\n" + clock.stdout(), before, after));
        };
    }

    public List<HostResult<HostFacts>> gather(List<Host> hosts, InstallPaths paths, FanOutListener listener) {
        return fanOut.run(hosts, action(paths), listener);
    }
}
