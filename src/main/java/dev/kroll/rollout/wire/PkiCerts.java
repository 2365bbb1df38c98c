package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.inventory.Role;
import dev.kroll.pki.CaStore;
import dev.kroll.pki.CertificateAuthority;
import dev.kroll.pki.ClientBundle;
import dev.kroll.pki.ClientProperties;
import dev.kroll.pki.HostFiles;
import dev.kroll.pki.HostIssuer;
import dev.kroll.pki.HostSnapshot;
import dev.kroll.pki.KeyEncryption;
import dev.kroll.pki.KeyType;
import dev.kroll.pki.KeystoreTypeChoice;
import dev.kroll.pki.PkiLayout;
import dev.kroll.pki.SecretsFile;
import dev.kroll.plan.TlsLayout;
import dev.kroll.rollout.port.CertAuthority;
import dev.kroll.rollout.port.ClientTls;
import dev.kroll.rollout.port.RenderedFile;
import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

/**
 * The engine's certificates from {@code dev.kroll.pki}: issuing with {@link HostIssuer} into
 * {@code .kroll/pki/hosts/<host>/} (creating the CA on first use), the host's stores as they go to
 * its {@code secrets_dir}, and an admin client bundle ({@code .kroll/pki/clients/kroll-admin/}) for
 * kroll's own checks over SSL. The CA passphrase is asked only when a certificate must be signed.
 */
public final class PkiCerts implements CertAuthority {

    /** Where the CA passphrase comes from: a file, the environment or a prompt (never an argument). */
    @FunctionalInterface
    public interface Passphrase {
        /** @param creating true when a new CA is being created (a prompt then asks twice) */
        char[] get(boolean creating);
    }

    /** The client bundle kroll uses for its own AdminClient and verification. */
    public static final String ADMIN = "kroll-admin";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'").withZone(ZoneOffset.UTC);

    private final Inventory inventory;
    private final PkiLayout layout;
    private final KeystoreType type;
    private final Passphrase passphrase;

    /** @param passphrase the CA passphrase (asked when a certificate must be signed; wiped after use) */
    public PkiCerts(Inventory inventory, Passphrase passphrase) {
        this.inventory = inventory;
        this.layout = PkiLayout.of(inventory);
        this.type = KeystoreTypeChoice.choose(inventory, null);
        this.passphrase = passphrase;
    }

    @Override
    public synchronized void issue(boolean renew) throws IOException {
        CaStore store = new CaStore(layout);
        Instant now = Instant.now();
        CertificateAuthority ca = null;
        if (!store.exists()) {
            ca = CertificateAuthority.create("kroll CA " + inventory.cluster() + " " + STAMP.format(now), KeyType.DEFAULT,
                    CertificateAuthority.DEFAULT_VALIDITY_DAYS, now, new SecureRandom());
            char[] pass = passphrase.get(true);
            try {
                store.save(ca, pass, KeyEncryption.CA_ITERATIONS, false, now);
            } finally {
                Arrays.fill(pass, '\0');
            }
        }
        List<X509Certificate> trusted = store.trusted(now);
        HostIssuer.Settings settings = new HostIssuer.Settings(type, null, HostIssuer.DEFAULT_VALIDITY_DAYS, null, renew);
        HostIssuer issuer = new HostIssuer(inventory, layout, Math.max(1, Runtime.getRuntime().availableProcessors()));
        List<HostIssuer.Plan> plans = issuer.plan(store.certificate(), trusted, settings, now);
        Path admin = layout.clientDir(ADMIN);
        boolean adminMissing = renew || !Files.exists(admin.resolve(PkiLayout.CLIENT_PROPERTIES));
        if (ca == null && (adminMissing || plans.stream().anyMatch(HostIssuer.Plan::needsCaKey))) {
            ca = unlock(store);
        }
        List<String> failed = new ArrayList<>();
        for (HostIssuer.Outcome o : issuer.execute(plans, ca, trusted, settings, now)) {
            if (o.status() == HostIssuer.Status.FAILED) {
                failed.add(o.host() + ": " + o.detail());
            }
        }
        if (!failed.isEmpty()) {
            throw new IOException("issuing failed for " + String.join("; ", failed));
        }
        if (adminMissing) {
            layout.ensurePrivate(layout.clientsDir());
            ClientBundle.write(ca, trusted, ADMIN, KeystoreType.PKCS12, HostIssuer.leafKeyType(ca), HostIssuer.DEFAULT_VALIDITY_DAYS,
                    admin, admin.toString(), ClientProperties.comments("kroll's own checks", inventory), now);
        }
    }

    private CertificateAuthority unlock(CaStore store) {
        char[] pass = passphrase.get(false);
        try {
            return store.unlock(pass);
        } finally {
            Arrays.fill(pass, '\0');
        }
    }

    @Override
    public List<RenderedFile> stores(Host host) throws IOException {
        Path dir = layout.hostDir(host.name());
        if (!Files.isDirectory(dir)) {
            throw new IOException("no certificates issued for " + host.name() + " yet (" + dir + ")");
        }
        TlsLayout tls = new TlsLayout(inventory.pathsFor(host).secretsDir(), type);
        List<RenderedFile> out = new ArrayList<>();
        out.add(RenderedFile.secret(tls.serverKeystore(), Files.readAllBytes(dir.resolve(PkiLayout.serverKeystore(type))), Role.KAFKA));
        out.add(RenderedFile.secret(tls.clientKeystore(), Files.readAllBytes(dir.resolve(PkiLayout.clientKeystore(type))), Role.KAFKA));
        out.add(new RenderedFile(tls.truststore(), Files.readAllBytes(dir.resolve(PkiLayout.truststore(type))), 0644, false, Role.KAFKA));
        out.add(RenderedFile.secret(tls.secretsFile(), Files.readAllBytes(dir.resolve(SecretsFile.NAME)), Role.KAFKA));
        // client-ssl.properties comes with the rendered configuration (dev.kroll.plan), not from here
        return out;
    }

    @Override
    public String serverKeystorePath(Host host) {
        return new TlsLayout(inventory.pathsFor(host).secretsDir(), type).serverKeystore();
    }

    @Override
    public String serverCertificateFingerprint(Host host) throws IOException {
        HostSnapshot s = HostFiles.read(layout.hostDir(host.name()), host.name(), type);
        if (s.server() == null) {
            throw new IOException("no server certificate issued for " + host.name());
        }
        return sha256(s.server().leaf());
    }

    @Override
    public ClientTls adminClient() throws IOException {
        Path dir = layout.clientDir(ADMIN);
        Path props = dir.resolve(PkiLayout.CLIENT_PROPERTIES);
        if (!Files.exists(props)) {
            throw new IOException("no admin client bundle yet (" + dir + "): the issue-certs step makes it");
        }
        Properties p = new Properties();
        p.load(new StringReader(Files.readString(props)));
        return new ClientTls(Path.of(p.getProperty("ssl.keystore.location")), p.getProperty("ssl.keystore.type"),
                p.getProperty("ssl.keystore.password", "").toCharArray(), Path.of(p.getProperty("ssl.truststore.location")),
                p.getProperty("ssl.truststore.type"), p.getProperty("ssl.truststore.password", "").toCharArray());
    }

    static String sha256(X509Certificate c) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(c.getEncoded()));
        } catch (NoSuchAlgorithmException | CertificateEncodingException e) {
            throw new IOException(e);
        }
    }
}
