package dev.kroll.pki;

import java.util.List;
import org.bouncycastle.asn1.x509.KeyPurposeId;

/**
 * What a leaf certificate is for. A broker's certificate serves its SSL listener and also authenticates
 * the broker when it connects to other brokers (inter-broker mutual TLS), so it needs both purposes.
 */
public enum LeafKind {
    SERVER(List.of(KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth)),
    CLIENT(List.of(KeyPurposeId.id_kp_clientAuth));

    private final List<KeyPurposeId> purposes;

    LeafKind(List<KeyPurposeId> purposes) {
        this.purposes = purposes;
    }

    public List<KeyPurposeId> purposes() {
        return purposes;
    }
}
