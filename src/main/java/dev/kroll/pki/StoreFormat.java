package dev.kroll.pki;

import java.io.IOException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;

/**
 * Encodes and decodes keystores and truststores of one format. Pure: bytes in, bytes out; the files are
 * written elsewhere. Every key entry is protected by the store password (Kafka's {@code ssl.key.password}
 * is the same value), so one secret per store is enough.
 */
public interface StoreFormat {

    byte[] keyStore(KeyAndChain entry, String alias, char[] password, SecureRandom random);

    byte[] trustStore(List<X509Certificate> trusted, char[] password);

    KeyAndChain readKeyStore(byte[] data, char[] password) throws WrongPasswordException, IOException;

    List<X509Certificate> readTrustStore(byte[] data, char[] password) throws WrongPasswordException, IOException;
}
