package dev.kroll.cli;

import dev.kroll.inventory.Role;
import dev.kroll.plan.HostPlan;
import dev.kroll.plan.JvmOptionsBuilder;
import dev.kroll.plan.Plan;
import dev.kroll.plan.TlsLayout;
import dev.kroll.plan.render.HostRenderer;
import dev.kroll.plan.render.JvmEnvRenderer;
import dev.kroll.plan.render.RenderedFile;
import dev.kroll.plan.render.SystemdUnitRenderer;
import dev.kroll.util.ExitCode;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "render", mixinStandardHelpOptions = true,
        description = {"Write every file each host needs into DIR/<host>/: server.properties, zoo.cfg, myid, JVM environment,",
            "systemd units, log4j configuration, client-ssl.properties. Same input, same bytes."})
final class RenderCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    InventoryOption inventory;

    @Mixin
    PlanOptions options;

    @Option(names = {"-o", "--output"}, paramLabel = "DIR", required = true, description = "Directory to write into.")
    Path output;

    @Override
    public Integer call() throws IOException {
        PlanRun run = PlanRun.execute(inventory, options, spec.commandLine().getErr());
        Plan plan = run.plan();
        // Render everything first: a failure leaves no host half-written.
        Map<HostPlan, List<RenderedFile>> all = new LinkedHashMap<>();
        for (HostPlan h : plan.hosts()) {
            all.put(h, HostRenderer.render(plan, h, options.phase));
        }
        int files = 0;
        try {
            for (Map.Entry<HostPlan, List<RenderedFile>> e : all.entrySet()) {
                Path dir = output.resolve(e.getKey().name());
                Set<String> written = new LinkedHashSet<>();
                for (RenderedFile f : e.getValue()) {
                    Files2.writeAtomically(dir.resolve(f.name()), f.content());
                    written.add(f.name());
                    files++;
                }
                removeStale(dir, written, plan);
            }
        } catch (IOException ex) {
            throw KrollException.failure("cannot write into " + output + ": " + ex.getMessage(), ex);
        }
        spec.commandLine().getOut().println("rendered " + files + " files for " + all.size() + " hosts into " + output
                + " (listener phase " + options.phase.key() + ")");
        return ExitCode.OK;
    }

    /** Removes files kroll wrote before that this host no longer gets (a role was taken away); leaves anything else alone. */
    private static void removeStale(Path dir, Set<String> written, Plan plan) throws IOException {
        List<String> ours = new ArrayList<>(List.of("zoo.cfg", "myid", "server.properties", TlsLayout.CLIENT_PROPERTIES));
        for (Role r : Role.values()) {
            ours.add(JvmEnvRenderer.fileName(r));
            ours.add(JvmOptionsBuilder.log4jFile(r));
            ours.add(SystemdUnitRenderer.fileName(plan.inventory(), r));
        }
        for (String name : ours) {
            if (!written.contains(name)) {
                Files.deleteIfExists(dir.resolve(name));
            }
        }
    }
}
