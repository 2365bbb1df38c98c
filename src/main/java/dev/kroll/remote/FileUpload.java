package dev.kroll.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file kroll puts on a host.
 *
 * @param target       absolute remote path
 * @param mode         octal permissions, e.g. {@code 644}
 * @param owner        owner to set (chown), or null to leave it to the login user
 * @param group        group to set, or null (with an owner: that user's login group)
 * @param secret       the content is secret: the temp file is created 0600 before a byte is written
 * @param keepPrevious keep the replaced version as {@code <target>.kroll-prev} so a rollout can restore it
 */
public record FileUpload(String target, byte[] content, String mode, String owner, String group, boolean secret,
                         boolean keepPrevious) {

    public static final String PREVIOUS_SUFFIX = ".kroll-prev";

    public FileUpload {
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
        content = content.clone();
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

    @Override
    public byte[] content() {
        return content.clone();
    }

    public int size() {
        return content.length;
    }

    public String sha256() {
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
