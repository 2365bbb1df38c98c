package dev.kroll.sandbox;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * Claims a network slot of {@link SandboxNetwork} for this JVM, so that two sandboxes started at the same
 * time (a demo and a test, or builds in two checkouts) never pick the same addresses. The operating system
 * releases the lock when the JVM ends, however it ends.
 */
final class SlotLock implements AutoCloseable {

    private final int slot;
    private final FileChannel channel;
    private final FileLock lock;

    private SlotLock(int slot, FileChannel channel, FileLock lock) {
        this.slot = slot;
        this.channel = channel;
        this.lock = lock;
    }

    static Optional<SlotLock> tryAcquire(int slot) {
        try {
            Path dir = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "kroll-sandbox-slots"));
            FileChannel ch = FileChannel.open(dir.resolve("slot-" + slot + ".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            try {
                FileLock l = ch.tryLock();
                if (l != null) {
                    return Optional.of(new SlotLock(slot, ch, l));
                }
            } catch (OverlappingFileLockException e) {
                // held by this JVM already
            }
            ch.close();
            return Optional.empty();
        } catch (IOException e) {
            // a tmp dir we cannot write: go without the lock; the port check still guards against clashes
            return Optional.of(new SlotLock(slot, null, null));
        }
    }

    int slot() {
        return slot;
    }

    @Override
    public void close() {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            // released with the JVM anyway
        }
    }
}
