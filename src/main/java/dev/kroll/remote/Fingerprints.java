package dev.kroll.remote;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PublicKey;
import java.util.Base64;
import net.schmizz.sshj.common.Buffer;

/** Host key fingerprints as OpenSSH prints them: {@code SHA256:} and unpadded base64. */
public final class Fingerprints {

    private Fingerprints() {
    }

    public static String sha256(PublicKey key) {
        return sha256(new Buffer.PlainBuffer().putPublicKey(key).getCompactData());
    }

    /** Of a key in SSH wire format (the base64 field of a known_hosts or .pub line, decoded). */
    public static String sha256(byte[] keyBlob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(keyBlob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
