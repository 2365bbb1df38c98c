package dev.kroll.pki;

import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;

/**
 * Whether a private key belongs to a public key: sign a random message and verify it, which works for every
 * key type and provider (algorithm names differ: the JDK says "EC" where Bouncy Castle says "ECDSA").
 */
final class KeyMatch {

    private KeyMatch() {
    }

    static boolean matches(PrivateKey privateKey, PublicKey publicKey) {
        try {
            String alg = CertificateBuilder.signatureAlgorithm(privateKey);
            byte[] message = new byte[32];
            new SecureRandom().nextBytes(message);
            Signature s = Signature.getInstance(alg);
            s.initSign(privateKey);
            s.update(message);
            byte[] sig = s.sign();
            Signature v = Signature.getInstance(alg);
            v.initVerify(publicKey);
            v.update(message);
            return v.verify(sig);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }
}
