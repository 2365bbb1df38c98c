package dev.kroll.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** A file kroll puts on a host (a value; the content's checksum is computed once). */
public final class FileUpload {

    public static final String PREVIOUS_SUFFIX = ".kroll-prev";

    private final String target;
    private final byte[] content;
    private final String mode;
    private final String owner;
    private final String group;
    private final boolean secret;
    private final boolean keepPrevious;
    private final String sha256;

    /**
     * @param target       absolute remote path
     * @param mode         octal permissions, e.g. {@code 644}
     * @param owner        owner to set (chown), or null to leave it to the login user
     * @param group        group to set, or null (with an owner: that user's login group)
     * @param secret       the content is secret: the temp file is created 0600 before a byte is written
     * @param keepPrevious keep the replaced version as {@code <target>.kroll-prev} so a rollout can restore it
     */
    public FileUpload(String target, byte[] content, String mode, String owner, String group, boolean secret,
                      boolean keepPrevious) {
        if (target.contains("\n") || target.contains("\\")) {
            throw new IllegalArgumentException("remote path must not contain a newline or backslash: " + target);
        }
        if (!target.startsWith("/")) {
            throw new IllegalArgumentException("remote path must be absolute: " + target);
        }
        if (!mode.matches("[0-7]{3,4}")) {
            throw new IllegalArgumentException("mode must be octal, e.g. 644: " + mode);
        }
        if (secret && (Integer.parseInt(mode, 8) & 077) != 0) {
            throw new IllegalArgumentException("a secret must not be readable by group or others: " + target + " " + mode);
        }
        this.target = target;
        this.content = content.clone();
        this.mode = mode;
        this.owner = owner;
        this.group = group;
        this.secret = secret;
        this.keepPrevious = keepPrevious;
        this.sha256 = sha256(this.content);
    }

    /** A configuration file (0644, previous version kept). */
    public static FileUpload config(String target, byte[] content, String owner) {
        return new FileUpload(target, content, "644", owner, null, false, true);
    }

    /** A keystore or password file: 0600, owned by the service user, never readable by others. */
    public static FileUpload secret(String target, byte[] content, String serviceUser) {
        return new FileUpload(target, content, "600", serviceUser, null, true, false);
    }

    /** Any other file, e.g. a systemd unit (0644, no previous copy). */
    public static FileUpload plain(String target, byte[] content) {
        return new FileUpload(target, content, "644", null, null, false, false);
    }

    public String target() {
        return target;
    }

    /** A copy of the content. */
    public byte[] content() {
        return content.clone();
    }

    public String mode() {
        return mode;
    }

    public String owner() {
        return owner;
    }

    public String group() {
        return group;
    }

    public boolean secret() {
        return secret;
    }

    public boolean keepPrevious() {
        return keepPrevious;
    }

    public int size() {
        return content.length;
    }

    /** Hex SHA-256 of the content, as {@code sha256sum} prints it. */
    public String sha256() {
        return sha256;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public String directory() {
        int slash = target.lastIndexOf('/');
        return slash == 0 ? "/" : target.substring(0, slash);
    }

    public String fileName() {
        return target.substring(target.lastIndexOf('/') + 1);
    }

    /** Temp files of this target start with this; a run removes those an interrupted one left. */
    String tempPrefix() {
        return (directory().equals("/") ? "" : directory()) + "/." + fileName() + ".kroll-tmp-";
    }

    /** Mode as {@code stat -c %a} prints it (no leading zeros). */
    String statMode() {
        return Integer.toOctalString(Integer.parseInt(mode, 8));
    }

    @Override
    public String toString() {
        return "FileUpload[" + target + ", " + content.length + " bytes, mode " + mode + (secret ? ", secret" : "") + "]";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FileUpload f && f.target.equals(target) && java.util.Arrays.equals(f.content, content)
                && f.mode.equals(mode) && java.util.Objects.equals(f.owner, owner) && java.util.Objects.equals(f.group, group)
                && f.secret == secret && f.keepPrevious == keepPrevious;
    }

    @Override
    public int hashCode() {
        return target.hashCode() * 31 + java.util.Arrays.hashCode(content);
    }
}
