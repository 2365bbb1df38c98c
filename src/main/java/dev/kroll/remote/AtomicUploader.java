package dev.kroll.remote;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.io.OutputStream;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import net.schmizz.sshj.sftp.FileAttributes;
import net.schmizz.sshj.sftp.OpenMode;
import net.schmizz.sshj.sftp.RemoteFile;
import net.schmizz.sshj.sftp.SFTPClient;

/**
 * Puts files on a host so that the target is always either the old or the new version, never a mix:
 * <ol>
 *   <li>remove temp files an interrupted earlier run left, and compare the target's SHA-256, mode and owner
 *       with what is wanted (all equal: UNCHANGED, nothing is written);</li>
 *   <li>write a temp file in the target's directory, created 0600 before the first byte (SFTP, or
 *       {@code sudo cat} fed through stdin with become);</li>
 *   <li>check the temp file's SHA-256 on the host, set owner and mode, keep the old target as
 *       {@code .kroll-prev} when asked, and rename the temp over the target (atomic within a directory).</li>
 * </ol>
 * A transfer cut off in step 2 leaves the target untouched and a temp file that step 1 of the next run removes.
 */
public final class AtomicUploader {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SFTP_CHUNK = 32 * 1024;

    private AtomicUploader() {
    }

    /** Uploads {@code file}; CHANGED when the target was written or its mode/owner fixed, UNCHANGED when it was right. */
    public static Outcome<Void> upload(SshSession session, FileUpload file) throws IOException {
        return uploadAll(session, List.of(file), null);
    }

    /**
     * Uploads several files to one host with two commands in all (one probe, one install) plus the transfers,
     * so the cost per host does not grow with round trips per file. CHANGED if any file changed.
     */
    public static Outcome<Void> uploadAll(SshSession session, List<FileUpload> files, HostContext ctx) throws IOException {
        Host host = session.host();
        Duration timeout = session.options().commandTimeout();
        Map<String, UploadScripts.Found> found = UploadScripts.parseProbe(
                session.check(Become.wrap(host, UploadScripts.probe(files)), null, timeout).stdout());
        List<UploadScripts.Staged> staged = new ArrayList<>();
        List<FileUpload> fixOnly = new ArrayList<>();
        List<String> details = new ArrayList<>();
        for (FileUpload f : files) {
            UploadScripts.Found now = found.get(f.target());
            boolean sameContent = now != null && now.sha256().equals(f.sha256());
            if (sameContent && UploadScripts.attributesMatch(f, now.attributes())) {
                continue;
            }
            if (sameContent) {
                fixOnly.add(f);
                details.add(f.target() + ": mode/owner set to " + f.mode() + (f.owner() == null ? "" : ", owner " + f.owner()));
                continue;
            }
            if (ctx != null) {
                ctx.checkCancelled();
                ctx.progress("uploading " + f.target());
            }
            String temp = f.tempPrefix() + HexFormat.of().formatHex(bytes(6));
            if (host.ssh().become()) {
                session.check(Become.wrap("umask 077 && set -C && cat > " + Shell.quote(temp)), f.content(), timeout);
            } else {
                writeWithSftp(session, temp, f.content());
            }
            staged.add(new UploadScripts.Staged(f, temp));
            details.add(f.target() + " written (" + f.size() + " bytes, sha256 " + f.sha256().substring(0, 12) + ")");
        }
        if (details.isEmpty()) {
            return Outcome.unchanged(files.size() == 1 ? files.get(0).target() + " unchanged" : files.size() + " files unchanged");
        }
        try {
            session.check(Become.wrap(host, UploadScripts.install(staged, fixOnly)), null, timeout);
        } catch (RemoteCommandException e) {
            String why = e.result() == null ? dev.kroll.util.Errors.message(e) : e.result().firstErrorLine();
            String hint = why.contains("FAILED") ? " (the file changed in transit: checksum mismatch)"
                    : why.contains("Operation not permitted") || why.contains("Permission denied")
                    ? " — set ssh.become: true for this host, or log in as root" : "";
            throw new RemoteCommandException("installing " + files.stream().map(FileUpload::target).toList() + " on "
                    + host.name() + " failed: " + why + hint, e.result());
        }
        return Outcome.changed(files.size() == 1 ? details.get(0)
                : details.size() + " of " + files.size() + " files changed: " + String.join("; ", details));
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }

    /** The temp file is created with 0600 in the same request that creates it: no moment with wider rights. */
    private static void writeWithSftp(SshSession session, String temp, byte[] content) throws IOException {
        SFTPClient sftp = session.sftp();
        FileAttributes privateFile = new FileAttributes.Builder().withPermissions(0600).build();
        try (RemoteFile rf = sftp.open(temp, EnumSet.of(OpenMode.WRITE, OpenMode.CREAT, OpenMode.EXCL), privateFile);
             OutputStream out = rf.new RemoteFileOutputStream(0, 16)) {
            // one SFTP write request per chunk: SSHJ sends a write() as one request, and servers cap those
            // (OpenSSH and MINA at 256 KiB)
            for (int off = 0; off < content.length; off += SFTP_CHUNK) {
                out.write(content, off, Math.min(SFTP_CHUNK, content.length - off));
            }
        }
    }
}
