package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.probe.ClusterProbe;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.Sandbox;
import dev.kroll.sandbox.SandboxHost;
import dev.kroll.sandbox.SandboxLayout;
import dev.kroll.sandbox.SandboxNetwork;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "demo", mixinStandardHelpOptions = true, subcommands = DemoStopCommand.class,
        description = {"Start a local sandbox: simulated hosts (SSH servers on their own loopback addresses), each with its own",
            "directory tree, and an inventory for them. Everything it starts is stopped when it ends (also on Ctrl-C)."})
final class DemoCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--hosts", paramLabel = "N", defaultValue = "3", description = "Number of simulated hosts, 1 to 9 (default 3).")
    int hosts;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "Where the sandbox lives (default: demo/sandbox in kroll's source tree, else ~/.kroll/sandbox).")
    Path dir;

    @Option(names = "--headless", description = {"Run the first-time-setup playbook end to end without a terminal UI (ZooKeeper, brokers on",
        "PLAINTEXT, certificates, migration to SSL with client authentication, canary), print each step, then stop."})
    boolean headless;

    @Option(names = "--keep-running", description = "With --headless: keep the cluster running until Ctrl-C.")
    boolean keepRunning;

    /** The demo's addresses are slot 0 (127.0.0.10…); tests take the first free slot ('auto') so they never meet a running demo. */
    @Option(names = "--slot", hidden = true, defaultValue = "0")
    String slot;

    static Path defaultDir(Path given) {
        if (given != null) {
            return given.toAbsolutePath().normalize();
        }
        Path cwd = Path.of("").toAbsolutePath();
        if (Files.isRegularFile(cwd.resolve("demo/run"))) {
            return cwd.resolve("demo/sandbox");
        }
        return Path.of(System.getProperty("user.home"), ".kroll", "sandbox");
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Path root = defaultDir(dir);
        // the TUI's wizard installs the same distribution the headless bring-up does
        boolean tui = !headless && TuiLauncher.interactive();
        KafkaDistribution dist = headless || tui ? KafkaDistribution.locate() : null;
        Sandbox sandbox = Sandbox.start(new Sandbox.Spec(root, hosts, "auto".equals(slot) ? null : Integer.valueOf(slot)), out::println);
        try {
            describe(sandbox, out);
            if (headless) {
                int code = DemoSetup.run(sandbox, dist, out, spec.commandLine().getErr());
                if (code != ExitCode.OK) {
                    return code;
                }
                DemoSetup.howToStop(sandbox, keepRunning, out);
                if (!keepRunning) {
                    return ExitCode.OK;
                }
            } else if (tui) {
                // the TUI owns the terminal until the operator quits it; then the sandbox stops with it
                return TuiLauncher.launch(sandbox.layout().inventory(), null, false, ClusterProbe.JmxAccess.DIRECT, dist.tarball());
            } else {
                whatNext(sandbox, out);
            }
            if (!headless) {
                out.println("sandbox running; Ctrl-C stops it and everything started on it");
                out.flush();
            }
            new CountDownLatch(1).await();
            return ExitCode.OK;
        } finally {
            sandbox.close();
            if (headless) {
                out.println("sandbox stopped");
                out.flush();
            }
        }
    }

    private static void describe(Sandbox sandbox, PrintWriter out) {
        SandboxLayout layout = sandbox.layout();
        Inventory inv = sandbox.inventory();
        out.println("sandbox " + layout.root() + (sandbox.mode() == SandboxNetwork.Mode.SHARED_ADDRESS
                ? " (no loopback aliases here: all hosts on 127.0.0.1 with their own ports)" : ""));
        for (SandboxHost h : sandbox.hosts()) {
            String roles = String.join("+", inv.host(h.name()).orElseThrow().roles().stream().map(Object::toString).toList());
            out.printf("  %-16s %-10s ssh :%d  %-19s %s%n", h.name(), h.address(), h.endpoint().sshPort(), roles, h.home());
        }
        out.println("inventory " + layout.inventory());
        out.println("host keys " + layout.knownHosts() + ", login key " + layout.clientKey());
        out.flush();
    }

    private static void whatNext(Sandbox sandbox, PrintWriter out) {
        SandboxLayout layout = sandbox.layout();
        SandboxHost first = sandbox.hosts().get(0);
        out.println();
        out.println("next:");
        out.println("  kroll inventory check -i " + layout.inventory());
        out.println("  ssh -i " + layout.clientKey() + " -o UserKnownHostsFile=" + layout.knownHosts() + " -p "
                + first.endpoint().sshPort() + " " + System.getProperty("user.name") + "@" + first.address());
        out.println("  (run 'kroll demo' in a terminal for the TUI on this sandbox; 'kroll demo --headless --keep-running'");
        out.println("   runs first-time-setup on the hosts without one and keeps the SSL cluster running)");
        out.println();
        out.flush();
    }
}
