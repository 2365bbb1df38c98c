package dev.kroll.rollout.port;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 as {@code sha256sum} prints it, and the word for a file that does not exist. */
public final class Checksums {

    /** What {@link HostOps#sha256} reports for a missing file (also what the journal records). */
    public static final String ABSENT = "absent";

    private Checksums() {
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
