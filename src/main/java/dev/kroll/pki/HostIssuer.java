package dev.kroll.pki;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.Errors;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issues every host's stores, in two steps: {@link #plan} reads what is on disk and decides (needs only
 * the CA certificate, so an all-unchanged run never asks for the passphrase); {@link #execute} makes keys,
 * signs and writes. Hosts are independent, so both steps run on all cores.
 */
public final class HostIssuer {

    private static final Logger LOG = LoggerFactory.getLogger(HostIssuer.class);
    public static final int DEFAULT_VALIDITY_DAYS = 365;

    /**
     * @param keyType key type for new host keys, or null: EC P-256, or RSA 2048 when the CA's key is RSA
     * @param givenPasswords one password for every store as the operator gave it, or null to generate
     */
    public record Settings(KeystoreType type, KeyType keyType, int validityDays, StorePasswords givenPasswords, boolean force) {
    }

    public enum Status {
        ISSUED("issued"), REISSUED("re-issued"), TRUST_UPDATED("truststore updated"), PROPERTIES_UPDATED("properties updated"),
        UNCHANGED("unchanged"), FAILED("failed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public record Outcome(String host, Status status, String detail) {
        public String line(int width) {
            return String.format("%-" + Math.max(width, 1) + "s  %s", host, detail);
        }
    }

    /** One host's decision and the passwords and client properties it will end up with. */
    public record Plan(Host host, Path dir, HostSnapshot snapshot, ReissuePolicy.Decision decision, StorePasswords passwords,
                       String clientProperties, boolean propertiesChanged) {
        public boolean needsCaKey() {
            return decision.keys();
        }
    }

    private final Inventory inventory;
    private final PkiLayout layout;
    private final int threads;

    public HostIssuer(Inventory inventory, PkiLayout layout, int threads) {
        this.inventory = inventory;
        this.layout = layout;
        this.threads = Math.max(1, threads);
    }

    public List<Plan> plan(X509Certificate caCert, List<X509Certificate> trusted, Settings s, Instant now) {
        // New hosts share one truststore password: the truststore holds only public certificates (the password
        // guards its integrity), and identical stores are then encoded once instead of once per host.
        String sharedTrust = StorePasswords.random(new SecureRandom());
        return parallel(inventory.hosts(), host -> {
            Path dir = layout.hostDir(host.name());
            HostSnapshot snap = HostFiles.read(dir, host.name(), s.type());
            ReissuePolicy.Wanted wanted = new ReissuePolicy.Wanted(SubjectNames.forHost(host), s.type(), s.keyType(), caCert, trusted,
                    s.givenPasswords(), s.force());
            ReissuePolicy.Decision d = ReissuePolicy.decide(snap, wanted, now);
            StorePasswords pw = s.givenPasswords() != null ? s.givenPasswords()
                    : snap.passwords() != null ? snap.passwords() : StorePasswords.generate(new SecureRandom()).withTruststore(sharedTrust);
            String props = ClientProperties.renderForHost(s.type(), inventory.pathsFor(host).secretsDir(),
                    ClientProperties.comments("admin tools on " + host.name(), inventory));
            return new Plan(host, dir, snap, d, pw, props, !props.equals(snap.clientProperties()));
        });
    }

    /** Carries out the plans; {@code ca} may be null when no plan needs new keys. */
    public List<Outcome> execute(List<Plan> plans, CertificateAuthority ca, List<X509Certificate> trusted, Settings s, Instant now) {
        try {
            layout.ensurePrivate(layout.hostsDir());
        } catch (IOException e) {
            throw KrollException.failure("cannot create " + layout.hostsDir() + ": " + Errors.message(e), e);
        }
        Map<String, byte[]> truststores = new ConcurrentHashMap<>();
        Function<String, byte[]> truststore = pw -> truststores.computeIfAbsent(pw, k -> StoreFormats.of(s.type()).trustStore(trusted, k.toCharArray()));
        return parallel(plans, p -> {
            try {
                return execute(p, ca, truststore, s, now);
            } catch (IOException | RuntimeException e) {
                LOG.error("issuing for {} failed", p.host().name(), e);
                return new Outcome(p.host().name(), Status.FAILED, "failed: " + Errors.message(e));
            }
        });
    }

    private Outcome execute(Plan p, CertificateAuthority ca, Function<String, byte[]> truststore, Settings s, Instant now)
            throws IOException {
        Host host = p.host();
        ReissuePolicy.Decision d = p.decision();
        if (!d.changesAnything() && !p.propertiesChanged()) {
            return new Outcome(host.name(), Status.UNCHANGED, "unchanged (" + CertInspect.expiry(p.snapshot().server().leaf(), now) + ")");
        }
        SecureRandom random = new SecureRandom();
        KeyAndChain server = null;
        KeyAndChain client = null;
        if (d.keys()) {
            KeyType keyType = s.keyType() != null ? s.keyType() : leafKeyType(ca);
            server = ca.issue(LeafKind.SERVER, host.name(), SubjectNames.forHost(host), keyType, s.validityDays(), now, random);
            client = ca.issue(LeafKind.CLIENT, clientCommonName(host), SubjectNames.NONE, keyType, s.validityDays(), now, random);
        }
        HostFiles.write(p.dir(), new HostFiles.Update(s.type(), p.passwords(), server, client,
                d.trust() ? truststore.apply(p.passwords().truststore()) : null,
                p.propertiesChanged() || d.keys() ? p.clientProperties() : null), random);
        LOG.info("certificates for {}: {}", host.name(), d.reasons().isEmpty() ? "client-ssl.properties updated" : d.reasons());
        if (d.isNew()) {
            return new Outcome(host.name(), Status.ISSUED, "issued (new, " + KeyType.describe(server.leaf().getPublicKey()) + ", "
                    + CertInspect.expiry(server.leaf(), now) + ")");
        }
        if (d.keys()) {
            return new Outcome(host.name(), Status.REISSUED, "re-issued: " + String.join("; ", d.reasons()));
        }
        if (d.trust()) {
            return new Outcome(host.name(), Status.TRUST_UPDATED, "truststore updated: " + String.join("; ", d.reasons()));
        }
        return new Outcome(host.name(), Status.PROPERTIES_UPDATED, "client-ssl.properties updated (unchanged certificates)");
    }

    /** The subject of a host's client certificate, i.e. the Kafka principal {@code User:CN=client@HOST} of tools run there. */
    public static String clientCommonName(Host host) {
        return "client@" + host.name();
    }

    /** Host keys follow the CA's family: EC P-256 under an EC CA, RSA 2048 under an RSA CA (which suggests old clients). */
    public static KeyType leafKeyType(CertificateAuthority ca) {
        return ca.certificate().getPublicKey().getAlgorithm().equals("RSA") ? KeyType.RSA_2048 : KeyType.EC_P256;
    }

    private <T, R> List<R> parallel(List<T> items, Parallel.Task<T, R> task) {
        return Parallel.map(items, threads, task);
    }
}
