package dev.kroll.sandbox;

import dev.kroll.util.Files2;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/**
 * The key pair kroll logs in to the sandbox's hosts with: ECDSA P-256, which SSHJ, MINA and OpenSSH all
 * read. Written once per sandbox in OpenSSH format (private 0600), and kept across restarts.
 */
final class ClientKey {

    private ClientKey() {
    }

    /** Creates the key files unless they exist; also (re)writes the hosts' authorized_keys from the public key. */
    static void ensure(SandboxLayout layout) {
        try {
            Files2.privateDir(layout.sshDir());
            if (!Files.isRegularFile(layout.clientKey()) || !Files.isRegularFile(layout.clientPublicKey())) {
                KeyPairGenerator gen = KeyPairGenerator.getInstance("EC");
                gen.initialize(new ECGenParameterSpec("secp256r1"));
                KeyPair pair = gen.generateKeyPair();
                String comment = "kroll-sandbox";
                ByteArrayOutputStream priv = new ByteArrayOutputStream();
                OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(pair, comment, null, priv);
                ByteArrayOutputStream pub = new ByteArrayOutputStream();
                OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(pair.getPublic(), comment, pub);
                Files2.writeAtomically(layout.clientKey(), priv.toByteArray(), Files2.OWNER_ONLY);
                Files2.writeAtomically(layout.clientPublicKey(), pub.toByteArray(), null);
            }
            Files2.writeAtomically(layout.authorizedKeys(), Files.readAllBytes(layout.clientPublicKey()), Files2.OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot create the sandbox's SSH client key", e);
        }
    }

    static String publicKeyLine(Path pub) throws IOException {
        return Files.readString(pub, StandardCharsets.UTF_8).trim();
    }
}
