package dev.kroll.rollout.wire;

import dev.kroll.inventory.Advertise;
import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.port.CertAuthority;
import dev.kroll.rollout.port.ClientTls;
import dev.kroll.rollout.port.Verifier;
import dev.kroll.rollout.verify.SslCanary;
import dev.kroll.rollout.verify.TlsChecks;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** {@code verify-ssl} and {@code reload-keystores}' check against the real brokers, with kroll's admin client bundle. */
public final class JsseVerifier implements Verifier {

    private final Inventory inventory;
    private final CertAuthority certs;
    private final Duration timeout;

    public JsseVerifier(Inventory inventory, CertAuthority certs, Duration timeout) {
        this.inventory = inventory;
        this.certs = certs;
        this.timeout = timeout;
    }

    @Override
    public List<String> verifyBroker(Host host) throws IOException {
        return checks().verify(verifiedName(host), host.address(), host.ports().kafkaSsl(), host.ports().kafkaPlaintext());
    }

    @Override
    public String presentedCertificate(Host host) throws IOException {
        return checks().presentedCertificate(verifiedName(host), host.address(), host.ports().kafkaSsl());
    }

    @Override
    public String canary() throws IOException {
        String bootstrap = inventory.hosts(Role.KAFKA).stream().map(h -> h.address() + ":" + h.ports().kafkaSsl()).collect(Collectors.joining(","));
        short rf = (short) Math.min(3, inventory.hosts(Role.KAFKA).size());
        return SslCanary.run(SslCanary.sslClient(bootstrap, certs.adminClient()), rf, timeout);
    }

    /** The name a client checks the certificate against: what the broker advertises. */
    String verifiedName(Host host) {
        return inventory.advertise() == Advertise.ADDRESS ? host.address() : host.name();
    }

    private TlsChecks checks() throws IOException {
        ClientTls tls = certs.adminClient();
        try {
            return new TlsChecks(load(tls.truststore(), tls.truststoreType(), tls.truststorePassword()),
                    load(tls.keystore(), tls.keystoreType(), tls.keystorePassword()), tls.keystorePassword(), timeout);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the admin client bundle: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path file, String type, char[] password) throws IOException, GeneralSecurityException {
        KeyStore ks = KeyStore.getInstance(type);
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, password);
        }
        return ks;
    }
}
