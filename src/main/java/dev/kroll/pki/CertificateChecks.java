package dev.kroll.pki;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.Severity;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Everything that makes a TLS handshake between the cluster's hosts fail, found without any handshake:
 * chain to the CA, SANs for every name clients use, EKU, key/certificate match, expiry, and whether every
 * truststore trusts every peer. Pure: takes what {@link HostFiles} read, returns one finding per problem.
 * Errors break a handshake; warnings (expiry within {@value #WARN_DAYS} days) do not yet.
 */
public final class CertificateChecks {

    public static final int WARN_DAYS = 30;
    private static final String RUN_ISSUE = "run 'kroll certs issue'";
    private static final String RUN_FORCE = "run 'kroll certs issue --force'";

    private CertificateChecks() {
    }

    public record Finding(Severity severity, String host, String file, String message, String fix) {
        public String format() {
            return host + (file == null ? "" : " " + file) + ": " + severity.label() + ": " + message + (fix == null ? "" : " — " + fix);
        }

        public boolean isError() {
            return severity == Severity.ERROR;
        }
    }

    /** A host with what was found for it. {@code expectedType} is the format the configuration names, or null for any. */
    public record Input(Host host, HostSnapshot snapshot, KeystoreType expectedType) {
    }

    public static List<Finding> check(List<Input> hosts, List<String> strayDirs, X509Certificate ca, Instant now, int warnDays) {
        List<Finding> out = new ArrayList<>();
        caValidity(ca, now, warnDays, out);
        TrustCache trust = new TrustCache();
        for (Input in : hosts) {
            checkHost(in, ca, now, warnDays, out);
        }
        for (Input in : hosts) {
            checkTrust(in, hosts, ca, trust, out);
        }
        for (String d : strayDirs) {
            out.add(new Finding(Severity.WARNING, d, null, "has certificates but is not in the inventory",
                    "delete its directory under .kroll/pki/hosts/ if the host is gone"));
        }
        return out;
    }

    public static boolean breaksHandshake(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }

    private static void caValidity(X509Certificate ca, Instant now, int warnDays, List<Finding> out) {
        long days = CertInspect.daysLeft(ca, now);
        if (!CertInspect.isCurrent(ca, now)) {
            out.add(new Finding(Severity.ERROR, "CA", "ca.crt", "the CA certificate is not valid now (" + CertInspect.expiry(ca, now) + ")",
                    "create a new CA with 'kroll certs init-ca --force', then 'kroll certs issue'"));
        } else if (days < warnDays) {
            out.add(new Finding(Severity.WARNING, "CA", "ca.crt", "the CA expires in " + days + " days (" + CertInspect.expiryDate(ca) + ")",
                    "rotate it: 'kroll certs init-ca --force', then 'kroll certs issue' (see docs/certificates.md)"));
        }
    }

    private static void checkHost(Input in, X509Certificate ca, Instant now, int warnDays, List<Finding> out) {
        String host = in.host().name();
        HostSnapshot s = in.snapshot();
        if (s.isAbsent()) {
            out.add(new Finding(Severity.ERROR, host, null, "has no certificates", RUN_ISSUE));
            return;
        }
        s.errors().forEach((file, msg) -> out.add(new Finding(Severity.ERROR, host, file, msg, RUN_ISSUE)));
        if (in.expectedType() != null && s.type() != null && s.type() != in.expectedType()) {
            out.add(new Finding(Severity.ERROR, host, PkiLayout.serverKeystore(s.type()), "is " + s.type() + " but the configuration names "
                    + in.expectedType(), RUN_ISSUE + " to write " + in.expectedType() + " stores"));
        }
        if (s.server() != null) {
            String file = PkiLayout.serverKeystore(s.type());
            X509Certificate leaf = s.server().leaf();
            leaf(host, file, s.server(), LeafKind.SERVER, ca, now, warnDays, out);
            for (String name : SubjectNames.of(leaf).missing(SubjectNames.forHost(in.host()))) {
                out.add(new Finding(Severity.ERROR, host, file, "no SAN for " + name
                        + ": clients connecting to it fail hostname verification", RUN_ISSUE));
            }
        }
        if (s.client() != null) {
            leaf(host, PkiLayout.clientKeystore(s.type()), s.client(), LeafKind.CLIENT, ca, now, warnDays, out);
        }
        if (s.trusted() != null && s.trusted().stream().noneMatch(ca::equals)) {
            out.add(new Finding(Severity.ERROR, host, PkiLayout.truststore(s.type()), "does not trust the current CA ("
                    + CertInspect.subject(ca) + ")", RUN_ISSUE));
        }
    }

    private static void leaf(String host, String file, KeyAndChain entry, LeafKind kind, X509Certificate ca, Instant now, int warnDays,
                             List<Finding> out) {
        X509Certificate leaf = entry.leaf();
        if (!KeyMatch.matches(entry.key(), leaf.getPublicKey())) {
            out.add(new Finding(Severity.ERROR, host, file, "the private key does not match the certificate", RUN_FORCE));
        }
        boolean signed = CertInspect.isSignedBy(leaf, ca);
        if (!signed) {
            out.add(new Finding(Severity.ERROR, host, file, "not signed by the current CA (issuer " + leaf.getIssuerX500Principal().getName()
                    + ")", RUN_ISSUE));
        }
        long days = CertInspect.daysLeft(leaf, now);
        if (!CertInspect.isCurrent(leaf, now)) {
            out.add(new Finding(Severity.ERROR, host, file, "the certificate is not valid now (" + CertInspect.expiry(leaf, now) + ")", RUN_ISSUE));
        } else {
            if (days < warnDays) {
                out.add(new Finding(Severity.WARNING, host, file, "the certificate expires in " + days + " day" + (days == 1 ? "" : "s")
                        + " (" + CertInspect.expiryDate(leaf) + ")", RUN_ISSUE + " to renew it"));
            }
            if (signed) {
                pkix(leaf, ca, now).ifPresent(msg -> out.add(new Finding(Severity.ERROR, host, file, "the chain does not validate: " + msg,
                        RUN_FORCE)));
            }
        }
        for (KeyPurposeId p : kind.purposes()) {
            if (!CertInspect.allows(leaf, p)) {
                out.add(new Finding(Severity.ERROR, host, file, "extended key usage lacks " + CertInspect.purposeName(p)
                        + (p.equals(KeyPurposeId.id_kp_clientAuth) ? ": mutual TLS fails" : ": TLS servers cannot use it"), RUN_FORCE));
            }
        }
        if (!CertInspect.canSignHandshake(leaf)) {
            out.add(new Finding(Severity.ERROR, host, file, "key usage lacks digitalSignature: TLS 1.3 handshakes fail", RUN_FORCE));
        }
    }

    /** The JDK's own path validation (what a handshake runs), for anything the checks above do not name. */
    private static java.util.Optional<String> pkix(X509Certificate leaf, X509Certificate ca, Instant now) {
        try {
            PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
            params.setRevocationEnabled(false);
            params.setDate(Date.from(now));
            CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(List.of(leaf)), params);
            return java.util.Optional.empty();
        } catch (CertPathValidatorException e) {
            return java.util.Optional.of(e.getMessage());
        } catch (GeneralSecurityException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    private static void checkTrust(Input in, List<Input> hosts, X509Certificate ca, TrustCache cache, List<Finding> out) {
        HostSnapshot s = in.snapshot();
        if (s.trusted() == null) {
            return;
        }
        String file = PkiLayout.truststore(s.type());
        for (Input peer : hosts) {
            HostSnapshot p = peer.snapshot();
            for (KeyAndChain entry : new KeyAndChain[] {p.server(), p.client()}) {
                if (entry != null && !cache.trusts(s.trusted(), entry.leaf())) {
                    String which = entry == p.server() ? "server" : "client";
                    out.add(new Finding(Severity.ERROR, in.host().name(), file, "does not trust " + peer.host().name() + "'s " + which
                            + " certificate (issuer " + entry.leaf().getIssuerX500Principal().getName() + ")", RUN_ISSUE));
                }
            }
        }
    }

    /** Every truststore usually holds the same CAs: verify each peer certificate once per distinct set. */
    private static final class TrustCache {
        private final Map<String, Boolean> results = new HashMap<>();

        boolean trusts(List<X509Certificate> trusted, X509Certificate cert) {
            String key = trusted.stream().map(CertInspect::sha256).sorted().collect(Collectors.joining(",")) + "|" + CertInspect.sha256(cert);
            return results.computeIfAbsent(key, k -> CertInspect.isTrustedBy(cert, trusted));
        }
    }
}
