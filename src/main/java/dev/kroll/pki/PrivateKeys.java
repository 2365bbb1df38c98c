package dev.kroll.pki;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Map;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * Turns a parsed PKCS#8 structure into a JDK key by the JDK's own algorithm names ("EC", not Bouncy
 * Castle's "ECDSA"), so keys behave the same whether or not some library has registered the Bouncy
 * Castle provider (sshj does).
 */
final class PrivateKeys {

    private static final Map<ASN1ObjectIdentifier, String> ALGORITHMS = Map.of(
            X9ObjectIdentifiers.id_ecPublicKey, "EC", PKCSObjectIdentifiers.rsaEncryption, "RSA",
            PKCSObjectIdentifiers.id_RSASSA_PSS, "RSASSA-PSS", EdECObjectIdentifiers.id_Ed25519, "Ed25519",
            EdECObjectIdentifiers.id_Ed448, "Ed448", X9ObjectIdentifiers.id_dsa, "DSA");

    private PrivateKeys() {
    }

    static PrivateKey of(PrivateKeyInfo info) throws IOException {
        ASN1ObjectIdentifier oid = info.getPrivateKeyAlgorithm().getAlgorithm();
        String alg = ALGORITHMS.get(oid);
        if (alg == null) {
            throw new IOException("unsupported private key algorithm " + oid.getId());
        }
        try {
            return KeyFactory.getInstance(alg).generatePrivate(new PKCS8EncodedKeySpec(info.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("the " + alg + " private key cannot be read: " + e.getMessage(), e);
        }
    }
}
