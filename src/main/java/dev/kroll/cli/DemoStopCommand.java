package dev.kroll.cli;

import dev.kroll.sandbox.SandboxCleanup;
import dev.kroll.sandbox.SandboxLayout;
import dev.kroll.util.ExitCode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "stop", mixinStandardHelpOptions = true,
        description = {"Stop a sandbox and everything it started, also one left behind by a crash: only processes recorded",
            "in its pid files (and still running from its directory) are signalled, nothing else."})
final class DemoStopCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "The sandbox (default as for 'kroll demo').")
    Path dir;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        SandboxLayout layout = new SandboxLayout(DemoCommand.defaultDir(dir));
        int stopped = SandboxCleanup.cleanUp(layout, out::println);
        out.println(stopped == 0 ? "nothing runs in " + layout.root() : "stopped " + stopped + " process" + (stopped == 1 ? "" : "es")
                + " of " + layout.root());
        return ExitCode.OK;
    }
}
