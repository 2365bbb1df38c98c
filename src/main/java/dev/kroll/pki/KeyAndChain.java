package dev.kroll.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * A private key with its certificate chain, leaf first (what a keystore entry holds).
 * {@code toString} never prints the key: some JDK key classes print their private parts.
 */
public record KeyAndChain(PrivateKey key, List<X509Certificate> chain) {

    public KeyAndChain {
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("a key entry needs at least its own certificate");
        }
        chain = List.copyOf(chain);
    }

    public X509Certificate leaf() {
        return chain.get(0);
    }

    @Override
    public String toString() {
        return "KeyAndChain[" + leaf().getSubjectX500Principal().getName() + ", key hidden]";
    }
}
