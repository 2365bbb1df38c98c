package dev.kroll.pki;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.junit.jupiter.api.Test;

/** Keys from Bouncy Castle's provider (whose EC keys say "ECDSA", not "EC") match like the JDK's own. */
class KeyMatchTest {

    @Test
    void aBouncyCastleKeyMatchesItsPublicKeyAsTheJdkReadsIt() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC", new BouncyCastleProvider());
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair bc = g.generateKeyPair();
        PublicKey jdkPublic = KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(bc.getPublic().getEncoded()));
        assertTrue(KeyMatch.matches(bc.getPrivate(), jdkPublic));
        assertFalse(KeyMatch.matches(bc.getPrivate(), KeyType.EC_P256.generate(new SecureRandom()).getPublic()));
        assertFalse(KeyMatch.matches(bc.getPrivate(), KeyType.RSA_2048.generate(new SecureRandom()).getPublic()));
    }

    @Test
    void pemKeysComeBackAsJdkKeys() throws Exception {
        KeyPair pair = KeyType.EC_P256.generate(new SecureRandom());
        String pem = KeyEncryption.encryptStrong(pair.getPrivate(), "passphrase-123456".toCharArray(), 1000, new SecureRandom());
        java.security.PrivateKey back = Pem.privateKey(Pem.parse(pem).key(), "passphrase-123456".toCharArray(), "test");
        assertTrue("EC".equals(back.getAlgorithm()), back.getAlgorithm());
        assertTrue(KeyMatch.matches(back, pair.getPublic()));
    }
}
