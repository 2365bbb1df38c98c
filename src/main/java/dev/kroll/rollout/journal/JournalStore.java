package dev.kroll.rollout.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.kroll.util.ExitCode;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The run journals under {@code <inventory dir>/.kroll/journal/}, one JSON file per run, each
 * rewritten atomically (temp + rename) so that a killed engine leaves the last complete version.
 */
public final class JournalStore {

    private static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;

    /** @param stateDir the inventory's {@code .kroll/} directory */
    public JournalStore(Path stateDir) {
        this.dir = stateDir.resolve("journal");
    }

    public Path dir() {
        return dir;
    }

    public Path file(String runId) {
        return dir.resolve(runId + ".json");
    }

    public String newRunId(Clock clock, String playbook) {
        String base = ID_TIME.format(clock.instant()) + "-" + playbook.replaceAll("[^A-Za-z0-9_-]", "_");
        String id = base;
        for (int n = 2; Files.exists(file(id)); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    public void save(RunRecord run) throws IOException {
        Files2.privateDir(dir.getParent());
        Files2.privateDir(dir);
        Files2.writeAtomically(file(run.runId()), JSON.writeValueAsBytes(run), Files2.OWNER_ONLY);
    }

    public RunRecord load(String runId) {
        Path f = file(runId);
        if (!Files.exists(f)) {
            throw KrollException.badInput("no run '" + runId + "' in " + dir + " — 'kroll resume --list' shows the runs there");
        }
        return read(f);
    }

    /** Every run, oldest first. */
    public List<RunRecord> list() {
        List<RunRecord> runs = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return runs;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, "*.json")) {
            for (Path f : ds) {
                runs.add(read(f));
            }
        } catch (IOException e) {
            throw KrollException.failure("cannot list " + dir + ": " + e.getMessage(), e);
        }
        runs.sort(Comparator.comparing(RunRecord::startedAt).thenComparing(RunRecord::runId));
        return runs;
    }

    /** The most recent run, if any. */
    public Optional<RunRecord> latest() {
        List<RunRecord> runs = list();
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    /**
     * Takes the inventory's run lock, so two kroll processes never drive the same cluster at once.
     * The operating system releases it when the process dies, even by SIGKILL.
     */
    public RunLock lock() {
        try {
            Files2.privateDir(dir.getParent());
            Files2.privateDir(dir);
            FileChannel ch = FileChannel.open(dir.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = ch.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                ch.close();
                throw new KrollException(ExitCode.FAILURE,
                        "another kroll run holds " + dir.resolve(".lock") + " — wait for it to finish (one run per cluster at a time)");
            }
            return new RunLock(ch, lock);
        } catch (IOException e) {
            throw KrollException.failure("cannot lock " + dir + ": " + e.getMessage(), e);
        }
    }

    private static RunRecord read(Path f) {
        try {
            return JSON.readValue(f.toFile(), RunRecord.class);
        } catch (IOException e) {
            throw KrollException.badInput(f + ": not a readable kroll journal (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
    }

    /** Held while a run is in progress. */
    public static final class RunLock implements AutoCloseable {
        private final FileChannel channel;
        private final FileLock lock;

        RunLock(FileChannel channel, FileLock lock) {
            this.channel = channel;
            this.lock = lock;
        }

        @Override
        public void close() throws IOException {
            try {
                lock.release();
            } finally {
                channel.close();
            }
        }
    }
}
