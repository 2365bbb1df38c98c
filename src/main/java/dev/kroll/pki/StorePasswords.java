package dev.kroll.pki;

import java.security.SecureRandom;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The passwords of one host's stores, as kept in its {@code ssl.secrets} file. {@code key} equals
 * {@code keystore} (one secret per store; for PEM it is the private key's password). Never printed:
 * {@code toString} hides the values.
 */
public record StorePasswords(String keystore, String key, String truststore, String clientKeystore) {

    public static final String KEYSTORE = "keystore.password";
    public static final String KEY = "key.password";
    public static final String TRUSTSTORE = "truststore.password";
    public static final String CLIENT_KEYSTORE = "client.keystore.password";
    public static final java.util.List<String> KEYS = java.util.List.of(KEYSTORE, KEY, TRUSTSTORE, CLIENT_KEYSTORE);

    /** 32 characters from 62: about 190 bits, and nothing that needs quoting in a properties file or a shell. */
    static final int LENGTH = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    public static StorePasswords generate(SecureRandom random) {
        String ks = random(random);
        return new StorePasswords(ks, ks, random(random), random(random));
    }

    public StorePasswords withTruststore(String password) {
        return new StorePasswords(keystore, key, password, clientKeystore);
    }

    /** One password for every store, as the operator gave it. */
    public static StorePasswords same(String password) {
        return new StorePasswords(password, password, password, password);
    }

    public static String random(SecureRandom random) {
        StringBuilder sb = new StringBuilder(LENGTH);
        for (int i = 0; i < LENGTH; i++) {
            sb.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /** Reads the four keys; empty when one is missing or blank. */
    public static Optional<StorePasswords> from(Map<String, String> props) {
        String ks = props.get(KEYSTORE);
        String k = props.get(KEY);
        String ts = props.get(TRUSTSTORE);
        String cks = props.get(CLIENT_KEYSTORE);
        if (blank(ks) || blank(k) || blank(ts) || blank(cks)) {
            return Optional.empty();
        }
        return Optional.of(new StorePasswords(ks, k, ts, cks));
    }

    public Map<String, String> toMap() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(KEYSTORE, keystore);
        m.put(KEY, key);
        m.put(TRUSTSTORE, truststore);
        m.put(CLIENT_KEYSTORE, clientKeystore);
        return m;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Override
    public String toString() {
        return "StorePasswords[hidden]";
    }
}
