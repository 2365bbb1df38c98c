package dev.kroll.pki;

import dev.kroll.inventory.KeystoreType;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * Decides, per host, whether its certificates are kept or issued again. Pure. A certificate is kept while
 * it is signed by the current CA, more than {@value #RENEW_DAYS} days from expiry, its key matches, and its
 * SANs are exactly the names the inventory gives the host; anything else re-issues with the reasons.
 */
public final class ReissuePolicy {

    public static final int RENEW_DAYS = 30;

    private ReissuePolicy() {
    }

    /**
     * @param keyType the key type asked for explicitly, or null to keep whatever the certificates have
     * @param givenPasswords passwords the operator gave, or null to keep (or generate) them
     */
    public record Wanted(SubjectNames sans, KeystoreType type, KeyType keyType, X509Certificate ca, List<X509Certificate> trusted,
                         StorePasswords givenPasswords, boolean force) {
    }

    /** {@code keys}: new keys and certificates; {@code trust}: a new truststore. */
    public record Decision(boolean isNew, boolean keys, boolean trust, List<String> reasons) {
        public boolean changesAnything() {
            return keys || trust;
        }
    }

    public static Decision decide(HostSnapshot s, Wanted w, Instant now) {
        if (s.isAbsent()) {
            return new Decision(true, true, true, List.of("new"));
        }
        List<String> reasons = new ArrayList<>();
        s.errors().forEach((file, msg) -> reasons.add(file + " " + msg));
        if (s.type() != null && s.type() != w.type()) {
            reasons.add("store type " + s.type() + " → " + w.type());
        }
        if (w.givenPasswords() != null && s.passwords() != null && !w.givenPasswords().equals(s.passwords())) {
            reasons.add("store passwords changed");
        }
        if (s.server() != null) {
            X509Certificate leaf = s.server().leaf();
            List<String> changes = w.sans().changesFrom(SubjectNames.of(leaf));
            if (!changes.isEmpty()) {
                reasons.add("SANs changed: " + String.join(" ", changes));
            }
            certificateReasons("server", s.server(), w, now, reasons);
            for (KeyPurposeId p : LeafKind.SERVER.purposes()) {
                if (!CertInspect.allows(leaf, p)) {
                    reasons.add("server certificate lacks " + CertInspect.purposeName(p));
                }
            }
        }
        if (s.client() != null) {
            certificateReasons("client", s.client(), w, now, reasons);
        }
        if (w.force()) {
            reasons.add("forced");
        }
        if (!reasons.isEmpty()) {
            return new Decision(false, true, true, reasons);
        }
        List<String> trustChanges = trustChanges(s.trusted(), w.trusted());
        if (!trustChanges.isEmpty()) {
            return new Decision(false, false, true, List.of("trusted CAs changed: " + String.join(" ", trustChanges)));
        }
        return new Decision(false, false, false, List.of());
    }

    private static void certificateReasons(String which, KeyAndChain entry, Wanted w, Instant now, List<String> reasons) {
        X509Certificate leaf = entry.leaf();
        if (!CertInspect.isSignedBy(leaf, w.ca())) {
            reasons.add(which + " certificate signed by another CA (" + leaf.getIssuerX500Principal().getName() + ")");
        }
        long days = CertInspect.daysLeft(leaf, now);
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            reasons.add(which + " certificate expired " + CertInspect.expiryDate(leaf));
        } else if (days < RENEW_DAYS) {
            reasons.add(which + " certificate expires in " + days + " day" + (days == 1 ? "" : "s"));
        }
        if (!KeyMatch.matches(entry.key(), leaf.getPublicKey())) {
            reasons.add(which + " key does not match its certificate");
        }
        if (w.keyType() != null && KeyType.of(leaf.getPublicKey()).orElse(null) != w.keyType()) {
            reasons.add(which + " key type " + KeyType.describe(leaf.getPublicKey()) + " → " + w.keyType().label());
        }
    }

    /** {@code +CN=new CA -CN=old CA}, by certificate, not by name. */
    static List<String> trustChanges(List<X509Certificate> had, List<X509Certificate> wanted) {
        Set<String> before = had.stream().map(CertInspect::sha256).collect(Collectors.toSet());
        Set<String> after = wanted.stream().map(CertInspect::sha256).collect(Collectors.toSet());
        List<String> changes = new ArrayList<>();
        wanted.stream().filter(c -> !before.contains(CertInspect.sha256(c))).forEach(c -> changes.add("+" + CertInspect.subject(c)));
        had.stream().filter(c -> !after.contains(CertInspect.sha256(c))).forEach(c -> changes.add("-" + CertInspect.subject(c)));
        return changes;
    }
}
