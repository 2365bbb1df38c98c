package dev.kroll.remote;

import com.jcraft.jsch.AgentIdentityRepository;
import com.jcraft.jsch.AgentProxyException;
import com.jcraft.jsch.Identity;
import com.jcraft.jsch.SSHAgentConnector;
import dev.kroll.inventory.Host;
import dev.kroll.util.KrollException;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.userauth.keyprovider.FileKeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyFormat;
import net.schmizz.sshj.userauth.keyprovider.KeyPairWrapper;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.keyprovider.KeyProviderUtil;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * The keys kroll offers a host: the host's own key file (inventory {@code ssh.key}), the keys in ssh-agent,
 * and, when the host names no key, the default {@code ~/.ssh/id_*} files. Each key file is read and
 * decrypted once per run, so a passphrase is asked for once, not once per host.
 */
final class Identities {

    private final PassphraseSource passphrases;
    private final Path agentSocket;
    private final List<Path> defaultKeys;
    private final Map<Path, KeyPair> decrypted = new ConcurrentHashMap<>();

    Identities(PassphraseSource passphrases, Path agentSocket, List<Path> defaultKeys) {
        this.passphrases = passphrases;
        this.agentSocket = agentSocket;
        this.defaultKeys = List.copyOf(defaultKeys);
    }

    /** Fresh auth methods (SSHJ's keep per-attempt state) in the order they are tried. */
    List<AuthMethod> methodsFor(Host host) {
        List<AuthMethod> methods = new ArrayList<>();
        String keyFile = host.ssh().keyFile();
        if (keyFile != null) {
            Path key = expand(keyFile);
            if (!Files.isRegularFile(key)) {
                throw KrollException.badInput(host.pos("ssh") + ": SSH key " + key + " of host " + host.name()
                        + " does not exist — fix ssh.key in the inventory");
            }
            methods.add(keyAuth(key));
        }
        methods.addAll(agentMethods());
        if (keyFile == null) {
            for (Path key : defaultKeys) {
                if (Files.isRegularFile(key)) {
                    methods.add(keyAuth(key));
                }
            }
        }
        return methods;
    }

    private List<AuthMethod> agentMethods() {
        if (agentSocket == null || !Files.exists(agentSocket)) {
            return List.of();
        }
        List<AuthMethod> methods = new ArrayList<>();
        try {
            AgentIdentityRepository agent = new AgentIdentityRepository(new SSHAgentConnector(agentSocket));
            for (Identity id : agent.getIdentities()) {
                methods.add(new AgentAuth(id));
            }
        } catch (AgentProxyException | RuntimeException e) {
            // an agent that does not answer is as good as none: key files still work
        }
        return methods;
    }

    private AuthMethod keyAuth(Path key) {
        return new AuthPublickey(keyProvider(key)) {
            @Override
            public String toString() {
                return "key " + key;
            }
        };
    }

    private KeyProvider keyProvider(Path key) {
        return new KeyPairWrapper(decrypted.computeIfAbsent(key.toAbsolutePath().normalize(), this::load));
    }

    private KeyPair load(Path key) {
        boolean[] asked = {false};
        PasswordFinder finder = new PasswordFinder() {
            @Override
            public char[] reqPassword(Resource<?> resource) {
                asked[0] = true;
                return passphrases.passphrase(key);
            }

            @Override
            public boolean shouldRetry(Resource<?> resource) {
                return false;
            }
        };
        try {
            File file = key.toFile();
            KeyFormat format = KeyProviderUtil.detectKeyFileFormat(file);
            FileKeyProvider provider = Factory.Named.Util.create(new DefaultConfig().getFileKeyProviderFactories(), format.toString());
            if (provider == null) {
                throw KrollException.badInput("SSH key " + key + " has a format kroll cannot read (" + format + ")"
                        + " — use an OpenSSH key (ssh-keygen -t ed25519)");
            }
            provider.init(file, finder);
            return new KeyPair(provider.getPublic(), provider.getPrivate());
        } catch (IOException | RuntimeException e) {
            if (e instanceof KrollException k) {
                throw k;
            }
            if (asked[0]) {
                throw KrollException.badInput("cannot decrypt SSH key " + key + ": wrong passphrase? ("
                        + dev.kroll.util.Errors.message(e) + ")");
            }
            throw KrollException.badInput("cannot read SSH key " + key + ": " + dev.kroll.util.Errors.message(e));
        }
    }

    static Path expand(String file) {
        if (file.equals("~") || file.startsWith("~/")) {
            return Path.of(System.getProperty("user.home") + file.substring(1));
        }
        return Path.of(file);
    }
}
