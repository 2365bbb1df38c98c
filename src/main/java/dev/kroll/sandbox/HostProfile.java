package dev.kroll.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * What a simulated host presents about itself beyond this machine's own state, kept in its tree under
 * {@code .sandbox/} and applied by its SSH server to every command it runs from then on:
 * <ul>
 *   <li>{@code bin/}: put first on the PATH — a {@code java} that reports an old version, a {@code date}
 *       that runs ahead, a {@code df} that reports a small disk;</li>
 *   <li>{@code proc/}: files served in place of {@code /proc/...} (e.g. {@code sys/vm/swappiness},
 *       {@code meminfo}) by a {@code cat} on that PATH, which reads every other file as the real one does;</li>
 *   <li>{@code nofile}: a lower soft open-file limit, set with {@code ulimit -S -n} for real.</li>
 * </ul>
 * The commands a client runs are unchanged: what differs is what the host answers, as two real machines
 * differ. Nothing of kroll is replaced. {@link #clear()} returns the host to this machine's own state.
 */
public final class HostProfile {

    /** The profile directory, relative to the host's home. */
    public static final String DIR = ".sandbox";

    private final Path root;

    private HostProfile(Path home) {
        this.root = home.resolve(DIR);
    }

    public static HostProfile of(Path home) {
        return new HostProfile(home);
    }

    /** The directory put first on the PATH of the host's commands, when it exists. */
    static Optional<Path> binDir(Path home) {
        Path bin = home.resolve(DIR).resolve("bin");
        return Files.isDirectory(bin) ? Optional.of(bin) : Optional.empty();
    }

    /** The soft open-file limit of the host's commands, when one is set. */
    static Optional<Integer> openFileLimit(Path home) {
        Path f = home.resolve(DIR).resolve("nofile");
        try {
            return Files.exists(f) ? Optional.of(Integer.parseInt(Files.readString(f).trim())) : Optional.empty();
        } catch (IOException | NumberFormatException e) {
            throw new IllegalStateException("unreadable " + f + ": " + e.getMessage(), e);
        }
    }

    /** A command of this name, first on the PATH: a POSIX sh script (its first line {@code #!/bin/sh} is added). */
    public HostProfile command(String name, String script) {
        if (name.contains("/")) {
            throw new IllegalArgumentException("a command name, not a path: " + name);
        }
        write(root.resolve("bin").resolve(name), "#!/bin/sh\n" + script + (script.endsWith("\n") ? "" : "\n"), true);
        return this;
    }

    /** {@code cat /proc/PATH} answers {@code content} on this host (e.g. {@code sys/vm/swappiness}). */
    public HostProfile proc(String path, String content) {
        write(root.resolve("proc").resolve(path.startsWith("/") ? path.substring(1) : path), content, false);
        // the profile's cat: a file under .sandbox/proc stands in for /proc/..., anything else is the real file
        return command("cat", "profile=\"$HOME/" + DIR + "/proc\"\n"
                + "for a in \"$@\"; do\n"
                + "  case \"$a\" in\n"
                + "    /proc/*) if [ -f \"$profile/${a#/proc/}\" ]; then set -- \"$@\" \"$profile/${a#/proc/}\"; else set -- \"$@\" \"$a\"; fi ;;\n"
                + "    *) set -- \"$@\" \"$a\" ;;\n"
                + "  esac\n"
                + "  shift\n"
                + "done\n"
                + "exec /bin/cat \"$@\"\n");
    }

    /** {@code java -version} reports this first line (e.g. {@code java version "1.7.0_80"}). */
    public HostProfile javaVersion(String firstLine) {
        return command("java", "if [ \"${1:-}\" = -version ]; then\n"
                + "  echo '" + firstLine.replace("'", "") + "' >&2\n"
                + "  exit 0\n"
                + "fi\n"
                + "echo 'sandbox: this host presents an old Java; it runs nothing' >&2\n"
                + "exit 1\n");
    }

    /** The host's clock runs {@code offset} ahead (negative: behind) of this machine's, as {@code date} reports it. */
    public HostProfile clockOffset(Duration offset) {
        long ms = offset.toMillis();
        return command("date", "real=/bin/date\n"
                + "[ -x \"$real\" ] || real=/usr/bin/date\n"
                + "if [ \"$*\" = '+%s%3N' ]; then\n"
                + "  echo $(( $(\"$real\" +%s%3N) + (" + ms + ") ))\n"
                + "else\n"
                + "  exec \"$real\" -d \"@$(( $(\"$real\" +%s) + (" + ms / 1000 + ") ))\" \"$@\"\n"
                + "fi\n");
    }

    /**
     * {@code df -Pk} reports every path on a filesystem mounted at {@code mountPoint} of this size
     * (POSIX output: 1024-blocks, used, available, capacity).
     */
    public HostProfile disk(String mountPoint, long totalKib, long availableKib) {
        long used = totalKib - availableKib;
        long pct = totalKib == 0 ? 0 : (used * 100 + totalKib - 1) / totalKib;
        return command("df", "echo 'Filesystem     1024-blocks      Used Available Capacity Mounted on'\n"
                + "echo 'sandboxdisk " + totalKib + " " + used + " " + availableKib + " " + pct + "% " + mountPoint + "'\n");
    }

    /** Commands on this host run with this soft open-file limit (lowered for real: {@code ulimit -S -n}). */
    public HostProfile openFiles(int limit) {
        write(root.resolve("nofile"), limit + "\n", false);
        return this;
    }

    /**
     * Whether this machine can give a host a network namespace of its own for nftables: {@code unshare -rn}
     * (a user namespace, so no root is needed) and {@code nft} that lists the empty ruleset inside it.
     */
    public static boolean canRunNftInOwnNamespace() {
        try {
            Process p = new ProcessBuilder("unshare", "-rn", "nft", "list", "ruleset").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * The host gets a network namespace of its own (its firewall), and an {@code nft} on its PATH that is
     * the real nft run inside it. The namespace is held by a process that lives while this JVM does (and
     * until {@link #clear()}); rules applied there never reach this machine's firewall. Needs
     * {@link #canRunNftInOwnNamespace()}.
     */
    public HostProfile firewallInOwnNetworkNamespace() {
        Path pidFile = root.resolve("netns.pid");
        try {
            Files.createDirectories(root);
            long owner = ProcessHandle.current().pid();
            // the holder names the host's tree on its command line, so the sandbox's leak check sees it
            Process holder = new ProcessBuilder("unshare", "-rn", "sh", "-c",
                    "while kill -0 \"$1\" 2>/dev/null; do sleep 1; done", "kroll-sandbox-netns", String.valueOf(owner), root.toString())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            Files.writeString(pidFile, holder.pid() + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start a network namespace for " + root, e);
        }
        return command("nft", "for d in /usr/sbin /sbin /usr/bin /bin; do\n"
                + "  if [ -x \"$d/nft\" ]; then\n"
                + "    exec nsenter -t \"$(/bin/cat \"$HOME/" + DIR + "/netns.pid\")\" -U -n --preserve-credentials \"$d/nft\" \"$@\"\n"
                + "  fi\n"
                + "done\n"
                + "echo 'sandbox: no nft on this machine' >&2\n"
                + "exit 127\n");
    }

    /** Back to this machine's own state (and the host's network namespace, if it had one, ends). */
    public void clear() {
        if (!Files.exists(root)) {
            return;
        }
        Path netns = root.resolve("netns.pid");
        if (Files.exists(netns)) {
            try {
                ProcessHandle.of(Long.parseLong(Files.readString(netns).trim())).ifPresent(ProcessHandle::destroy);
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("unreadable " + netns, e);
            }
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear " + root, e);
        }
    }

    private static void write(Path file, String content, boolean executable) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, content);
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(executable ? "rwxr-xr-x" : "rw-r--r--"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }
}
