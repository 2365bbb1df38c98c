package dev.kroll.probe;

/**
 * One log directory of a broker.
 *
 * @param partitionBytes sum of the sizes of the replicas in it
 * @param totalBytes     the volume's size, or null when the broker does not report it
 * @param usableBytes    free space on the volume, or null
 * @param error          the broker's error for this directory (e.g. offline disk), or null
 */
public record LogDir(String path, long partitionBytes, Long totalBytes, Long usableBytes, String error) {

    /** Fraction of the volume in use (0..1), or null when the volume size is unknown. */
    public Double usedFraction() {
        if (totalBytes == null || usableBytes == null || totalBytes <= 0) {
            return null;
        }
        return (double) (totalBytes - usableBytes) / totalBytes;
    }
}
