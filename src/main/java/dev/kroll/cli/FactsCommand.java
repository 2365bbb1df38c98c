package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.remote.FactsStore;
import dev.kroll.remote.HostFacts;
import dev.kroll.remote.HostResult;
import dev.kroll.remote.IdCheck;
import dev.kroll.util.ExitCode;
import dev.kroll.util.Problem;
import dev.kroll.util.TextTable;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "facts", mixinStandardHelpOptions = true,
        description = {"Gather facts from every host over SSH (in parallel): RAM, CPUs, free space of the log dirs, swap,",
            "open-file limit, Java, clock offset, and existing broker.id/myid. Saved to .kroll/facts.json for planning."})
final class FactsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Option(names = "--json", description = "Print the facts as JSON instead of a table.")
    boolean json;

    @Mixin
    FactsOptions facts;

    @Override
    public Integer call() throws IOException {
        Inventory inv = inventory.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<HostResult<HostFacts>> results = facts.gather(inv, err);
        List<HostFacts> gathered = FactsOptions.gathered(results);

        List<Problem> problems = new ArrayList<>();
        Map<String, HostFacts> byHost = new LinkedHashMap<>();
        for (HostFacts f : gathered) {
            byHost.put(f.host(), f);
            Host h = inv.host(f.host()).orElseThrow();
            problems.addAll(IdCheck.againstPins(h, f));
        }
        if (json) {
            out.print(FactsStore.toJson(byHost));
        } else {
            out.print(table(inv, byHost));
        }
        problems.forEach(p -> err.println(p.format()));
        long failed = results.stream().filter(HostResult::failed).count();
        err.println("facts of " + gathered.size() + " of " + results.size() + " hosts saved to " + FactsStore.file(inv.stateDir())
                + (failed > 0 ? "; " + failed + " failed" : ""));
        if (failed > 0) {
            return ExitCode.FAILURE;
        }
        return problems.stream().anyMatch(Problem::isError) ? ExitCode.BAD_INPUT : ExitCode.OK;
    }

    static String table(Inventory inv, Map<String, HostFacts> facts) {
        TextTable t = new TextTable("HOST", "HOSTNAME", "RAM", "CPUS", "LOG DIRS FREE", "SWAP USED", "SWAPPINESS", "NOFILE",
                "JAVA", "CLOCK", "EXISTING");
        for (Host h : inv.hosts()) {
            HostFacts f = facts.get(h.name());
            if (f == null) {
                t.row(h.name(), "(failed)");
                continue;
            }
            String free = f.disks().stream().map(d -> gib(d.availableBytes())).collect(Collectors.joining(","));
            List<String> existing = new ArrayList<>();
            f.brokerIds().values().stream().distinct().forEach(id -> existing.add("broker.id=" + id));
            if (f.zookeeperMyid() != null) {
                existing.add("myid=" + f.zookeeperMyid());
            }
            t.row(h.name(), f.fqdn() == null || f.fqdn().isBlank() ? f.hostname() : f.fqdn(), gib(f.memoryBytes()), f.cpus(),
                    free.isEmpty() ? null : free, gib(f.swapUsedBytes()), f.swappiness(),
                    f.maxOpenFiles() == null ? null : f.maxOpenFiles() == -1 ? "unlimited" : f.maxOpenFiles(),
                    f.javaVersion() == null ? "none" : f.javaVersion(),
                    f.clockOffsetMillis() == null ? null : (f.clockOffsetMillis() >= 0 ? "+" : "") + f.clockOffsetMillis() + "ms",
                    existing.isEmpty() ? "none" : String.join(" ", existing));
        }
        return t.render();
    }

    private static String gib(Long bytes) {
        if (bytes == null) {
            return null;
        }
        return String.format(java.util.Locale.ROOT, "%.1fG", bytes / (1024.0 * 1024 * 1024));
    }
}
