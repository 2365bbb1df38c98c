package dev.kroll.cli;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.Durations;
import dev.kroll.rollout.engine.EngineSettings;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.rollout.wire.SshBackendProvider;
import dev.kroll.util.ExitCode;
import dev.kroll.util.KrollException;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

/** What {@code kroll run} and {@code kroll resume} share. */
final class RunSupport {

    private RunSupport() {
    }

    static EngineSettings settings(String poll) {
        if (poll == null) {
            return EngineSettings.DEFAULT;
        }
        Duration d = Durations.parse(poll).orElseThrow(() -> KrollException.badInput("--poll must be a duration such as 2s, found '" + poll + "'"));
        return EngineSettings.DEFAULT.withPoll(d);
    }

    static Rollout online(Inventory inv, OpenBackend backend, String poll) {
        return new Rollout(inv, backend.backend(), settings(poll), Clock.systemUTC());
    }

    /** The terminal to ask on, or null when stdin is not one. */
    static BufferedReader terminal() {
        return System.console() == null ? null : new BufferedReader(new InputStreamReader(System.in, Charset.defaultCharset()));
    }

    /** Hands --ca-password-file to the backend (a path, never the passphrase itself). */
    static void caPasswordFile(Path file) {
        if (file != null) {
            System.setProperty(SshBackendProvider.CA_PASSWORD_FILE, file.toAbsolutePath().toString());
        }
    }

    static void close(OpenBackend b) {
        try {
            b.close();
        } catch (Exception e) {
            // closing connections at the end of a run: nothing left to protect
        }
    }

    /** Prints how the run ended and returns its exit code. */
    static int finish(RunResult r, Path inventory, PrintWriter err) {
        if (r.exitCode() != ExitCode.OK) {
            err.println("kroll: " + r.message());
            err.println("kroll: the journal keeps what completed; 'kroll resume -i " + inventory + "' continues run " + r.runId()
                    + (r.exitCode() == ExitCode.GATE_REFUSED ? " once the cluster is healthy" : " once the cause is fixed"));
        }
        return r.exitCode();
    }
}
