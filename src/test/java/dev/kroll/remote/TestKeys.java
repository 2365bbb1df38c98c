package dev.kroll.remote;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Role;
import dev.kroll.inventory.SshSettings;
import dev.kroll.util.Files2;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyEncryptionContext;
import org.apache.sshd.common.config.keys.writer.openssh.OpenSSHKeyPairResourceWriter;

/** Keys, key files and hosts for SSH tests. */
final class TestKeys {

    private TestKeys() {
    }

    static KeyPair ec() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes {@code key} as an OpenSSH private key file (0600), encrypted when {@code passphrase} is given. */
    static Path writeOpenSsh(KeyPair key, Path file, String passphrase) throws IOException {
        OpenSSHKeyEncryptionContext ctx = null;
        if (passphrase != null) {
            ctx = new OpenSSHKeyEncryptionContext();
            ctx.setCipherName("AES");
            ctx.setCipherMode("CTR");
            ctx.setCipherType("256");
            ctx.setPassword(passphrase);
            ctx.setKdfRounds(4);   // few rounds: fast tests; real keys use ssh-keygen's default
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        try (OutputStream out = Files.newOutputStream(file)) {
            OpenSSHKeyPairResourceWriter.INSTANCE.writePrivateKey(key, "kroll-test", ctx, out);
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
        Files.setPosixFilePermissions(file, Files2.OWNER_ONLY);
        return file;
    }

    /** The {@code ssh-… AAAA…} line of a public key (authorized_keys format). */
    static String publicLine(KeyPair key) throws IOException {
        try {
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            OpenSSHKeyPairResourceWriter.INSTANCE.writePublicKey(key.getPublic(), "kroll-test", out);
            return out.toString(java.nio.charset.StandardCharsets.UTF_8).trim();
        } catch (GeneralSecurityException e) {
            throw new IOException(e);
        }
    }

    static Host host(String name, String address, int port, String user, Path keyFile, boolean become) {
        Host h = Host.of(name, address, Set.of(Role.KAFKA, Role.ZOOKEEPER));
        return with(h, s -> new SshSettings(user, port, keyFile == null ? null : keyFile.toString(), become));
    }

    static Host with(Host h, Function<SshSettings, SshSettings> ssh) {
        return new Host(h.name(), h.address(), h.aliases(), h.roles(), h.rack(), h.groups(), h.brokerId(), h.zookeeperId(),
                h.memory(), h.heap(), ssh.apply(h.ssh()), h.ports(), h.broker(), h.zookeeper(), h.pos(), Map.of());
    }

    static Host withIds(Host h, Integer brokerId, Integer zookeeperId) {
        return new Host(h.name(), h.address(), h.aliases(), h.roles(), h.rack(), h.groups(), brokerId, zookeeperId,
                h.memory(), h.heap(), h.ssh(), h.ports(), h.broker(), h.zookeeper(), h.pos(), Map.of());
    }

    static List<Path> none() {
        return List.of();
    }
}
