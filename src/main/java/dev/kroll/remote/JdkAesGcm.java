package dev.kroll.remote;

import com.hierynomus.sshj.transport.cipher.GcmCipher;
import java.security.GeneralSecurityException;
import java.security.InvalidAlgorithmParameterException;
import java.security.InvalidKeyException;
import net.schmizz.sshj.common.Factory;
import net.schmizz.sshj.transport.cipher.Cipher;

/**
 * SSHJ's AES-GCM cipher on the JDK's own provider. With Bouncy Castle registered (kroll needs it for the
 * PKI), SSHJ takes every cipher from it, and its pure-Java AES costs several times the CPU of the JDK's
 * AES-NI intrinsics; profiling a 50-host distribution showed it as the largest client-side cost.
 */
final class JdkAesGcm implements Factory.Named<Cipher> {

    static final JdkAesGcm AES128 = new JdkAesGcm(128, "aes128-gcm@openssh.com");
    static final JdkAesGcm AES256 = new JdkAesGcm(256, "aes256-gcm@openssh.com");

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final int keyBits;
    private final String name;

    private JdkAesGcm(int keyBits, String name) {
        this.keyBits = keyBits;
        this.name = name;
    }

    @Override
    public Cipher create() {
        return new GcmCipher(12, 16, keyBits / 8, "AES", TRANSFORMATION) {
            @Override
            protected void initCipher(javax.crypto.Cipher fromSshj, Mode mode, byte[] key, byte[] iv)
                    throws InvalidKeyException, InvalidAlgorithmParameterException {
                try {
                    cipher = javax.crypto.Cipher.getInstance(TRANSFORMATION, "SunJCE");
                } catch (GeneralSecurityException e) {
                    throw new IllegalStateException("the JDK lacks " + TRANSFORMATION, e);
                }
                super.initCipher(cipher, mode, key, iv);
            }
        };
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public String toString() {
        return name;
    }
}
