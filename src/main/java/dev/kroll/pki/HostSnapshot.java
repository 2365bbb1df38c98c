package dev.kroll.pki;

import dev.kroll.inventory.KeystoreType;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a host's PKI directory holds, as read from disk. Parts that could not be read are null, with the
 * reason in {@code errors} (file name → message).
 *
 * @param type the store format found, or null when there are no stores
 * @param clientProperties a client-ssl.properties an older kroll left in the directory (removed on the next issue), or null
 */
public record HostSnapshot(String host, KeystoreType type, StorePasswords passwords, KeyAndChain server, KeyAndChain client,
                           List<X509Certificate> trusted, String clientProperties, Map<String, String> errors) {

    public HostSnapshot {
        trusted = trusted == null ? null : List.copyOf(trusted);
        errors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(errors));
    }

    public static HostSnapshot absent(String host) {
        return new HostSnapshot(host, null, null, null, null, null, null, Map.of());
    }

    /** Nothing issued yet for this host. */
    public boolean isAbsent() {
        return type == null && passwords == null && errors.isEmpty();
    }

    public boolean complete() {
        return type != null && passwords != null && server != null && client != null && trusted != null && errors.isEmpty();
    }
}
