package dev.kroll.inventory;

import dev.kroll.util.ByteSize;

/**
 * How the services' own logs rotate: the size at which server.log, controller.log, state-change.log,
 * zookeeper.log and the GC logs roll over, and how many rolled files are kept of each.
 *
 * @param fileSizeBytes roll a log over when it reaches this size
 * @param files         rolled files kept per log (log4j's MaxBackupIndex, the JVM's GC filecount)
 */
public record LogRotation(long fileSizeBytes, int files) {

    public static final LogRotation DEFAULT = new LogRotation(100 * ByteSize.MIB, 10);
    public static final long MIN_FILE_SIZE = 4 * ByteSize.KIB;

    public LogRotation {
        if (fileSizeBytes < MIN_FILE_SIZE) {
            throw new IllegalArgumentException("log file size below " + MIN_FILE_SIZE + " bytes: " + fileSizeBytes);
        }
        if (files < 1) {
            throw new IllegalArgumentException("at least one rolled log file must be kept: " + files);
        }
    }

    /** log4j 1.x notation ({@code 100MB}, {@code 16KB}, or bytes). */
    public String log4jSize() {
        return unit("GB", "MB", "KB");
    }

    /** The JVM's {@code -Xlog} notation ({@code 100M}, {@code 16K}, or bytes). */
    public String jvmSize() {
        return unit("G", "M", "K");
    }

    /** The inventory's notation, as {@code services.log_rotation.file_size} takes it. */
    public String inventorySize() {
        return unit("GiB", "MiB", "KiB");
    }

    private String unit(String g, String m, String k) {
        long b = fileSizeBytes;
        if (b % ByteSize.GIB == 0) {
            return b / ByteSize.GIB + g;
        }
        if (b % ByteSize.MIB == 0) {
            return b / ByteSize.MIB + m;
        }
        return b % ByteSize.KIB == 0 ? b / ByteSize.KIB + k : String.valueOf(b);
    }
}
