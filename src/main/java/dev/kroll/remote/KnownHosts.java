package dev.kroll.remote;

import dev.kroll.util.Files2;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts;
import net.schmizz.sshj.transport.verification.OpenSSHKnownHosts.KnownHostEntry;

/**
 * The host keys kroll trusts: the operator's {@code ~/.ssh/known_hosts} (read only) and kroll's own
 * {@code .kroll/known_hosts}, where newly accepted keys are recorded. Both use the OpenSSH format (hashed
 * entries, wildcards, {@code [host]:port} for non-default ports, {@code @revoked}); parsing and matching are
 * SSHJ's.
 */
public final class KnownHosts {

    /** The outcome of looking a presented key up. */
    public sealed interface Verdict {
    }

    /** An entry for the host lists exactly this key. */
    public record Match(Path file, int line) implements Verdict {
    }

    /** No entry names the host. */
    public record Unknown() implements Verdict {
    }

    /** Entries name the host but none lists this key (or it is revoked): never trusted. */
    public record Changed(List<Conflict> conflicts) implements Verdict {
    }

    /** One recorded entry that contradicts the presented key. */
    public record Conflict(Path file, int line, String keyType, String fingerprint) {
    }

    private final Path userFile;
    private final Path krollFile;

    /**
     * @param userFile  usually {@code ~/.ssh/known_hosts}; may be missing or null
     * @param krollFile {@code <inventory dir>/.kroll/known_hosts}; created when the first key is accepted
     */
    public KnownHosts(Path userFile, Path krollFile) {
        this.userFile = userFile;
        this.krollFile = krollFile;
    }

    public Path krollFile() {
        return krollFile;
    }

    /** The patterns a host is known under: {@code name} and {@code address}, as {@code [x]:port} off port 22. */
    public static List<String> patterns(List<String> names, int port) {
        Set<String> out = new LinkedHashSet<>();
        for (String n : names) {
            if (n != null && !n.isBlank()) {
                String lower = n.toLowerCase(java.util.Locale.ROOT);
                out.add(port == 22 ? lower : "[" + lower + "]:" + port);
            }
        }
        return List.copyOf(out);
    }

    public Verdict check(List<String> names, int port, PublicKey key) {
        KeyType type = KeyType.fromKey(key);
        List<String> patterns = patterns(names, port);
        List<Conflict> conflicts = new ArrayList<>();
        List<Conflict> otherTypes = new ArrayList<>();
        Match match = null;
        for (Path file : files()) {
            List<String> lines = read(file);
            OpenSSHKnownHosts.EntryFactory factory = factory();
            for (int i = 0; i < lines.size(); i++) {
                KnownHostEntry e = parse(factory, lines.get(i));
                if (e == null || !appliesToAny(e, patterns)) {
                    continue;
                }
                Conflict c = new Conflict(file, i + 1, e.getType().toString(), fingerprintOf(lines.get(i)));
                boolean revoked = lines.get(i).trim().startsWith("@revoked");
                if (e.getType() != type) {
                    otherTypes.add(c);
                } else if (!revoked && verify(e, key)) {
                    match = match == null ? new Match(file, i + 1) : match;
                } else {
                    conflicts.add(c);
                }
            }
        }
        if (!conflicts.isEmpty()) {
            return new Changed(List.copyOf(conflicts));   // a matching line elsewhere does not outvote a contradicting one
        }
        if (match != null) {
            return match;
        }
        // Known only with another key type: key exchange asked for the known type first, so a server
        // that no longer offers it is treated like a changed key rather than a new one.
        return otherTypes.isEmpty() ? new Unknown() : new Changed(List.copyOf(otherTypes));
    }

    private static boolean appliesToAny(KnownHostEntry e, List<String> patterns) {
        try {
            for (String p : patterns) {
                if (e.appliesTo(p)) {
                    return true;
                }
            }
            return false;
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static boolean verify(KnownHostEntry e, PublicKey key) {
        try {
            return e.verify(key);
        } catch (IOException ex) {
            return false;
        }
    }

    /** Key algorithms already recorded for the host, so key exchange asks for a key we can check. */
    public List<String> knownAlgorithms(List<String> names, int port) {
        Set<String> algorithms = new LinkedHashSet<>();
        for (Path file : files()) {
            try {
                OpenSSHKnownHosts kh = new OpenSSHKnownHosts(new StringReader(String.join("\n", read(file))));
                for (String n : names) {
                    algorithms.addAll(kh.findExistingAlgorithms(n, port));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(algorithms);
    }

    /** Appends an entry for the host to kroll's known_hosts (temp file + rename, so it is never half-written). */
    public synchronized void record(List<String> names, int port, PublicKey key) throws IOException {
        String blob = Base64.getEncoder().encodeToString(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
        String line = String.join(",", patterns(names, port)) + " " + KeyType.fromKey(key) + " " + blob;
        List<String> lines = new ArrayList<>(read(krollFile));
        lines.add(line);
        Files2.privateDir(krollFile.toAbsolutePath().getParent());
        Files2.writeAtomically(krollFile, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8), null);
    }

    /** Where to look, kroll's own file last so that the operator's file is reported first. */
    public List<Path> files() {
        List<Path> files = new ArrayList<>();
        if (userFile != null) {
            files.add(userFile);
        }
        files.add(krollFile);
        return files;
    }

    public String describeFiles() {
        return files().stream().map(Path::toString).collect(Collectors.joining(" and "));
    }

    private static List<String> read(Path file) {
        try {
            return file != null && Files.isRegularFile(file) ? Files.readAllLines(file, StandardCharsets.UTF_8) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private static OpenSSHKnownHosts.EntryFactory factory() {
        try {
            return new OpenSSHKnownHosts(new StringReader("")).new EntryFactory();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static KnownHostEntry parse(OpenSSHKnownHosts.EntryFactory factory, String line) {
        try {
            KnownHostEntry e = factory.parseEntry(line);
            return e instanceof OpenSSHKnownHosts.HostEntry ? e : null;
        } catch (IOException | RuntimeException e) {
            return null;   // a line SSHJ cannot read names no key we could match; OpenSSH skips it too
        }
    }

    /** The SHA256 fingerprint of the key on a known_hosts line (the field after the key type). */
    static String fingerprintOf(String line) {
        String[] f = line.trim().split("\\s+");
        int typeAt = f[0].startsWith("@") ? 2 : 1;
        try {
            return Fingerprints.sha256(Base64.getDecoder().decode(f[typeAt + 1]));
        } catch (RuntimeException e) {
            return "(unreadable key)";
        }
    }
}
