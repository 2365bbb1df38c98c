package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.util.List;

/** kroll's PKI on the jump host ({@code dev.kroll.pki}). */
public interface CertAuthority {

    /**
     * Issues every host's stores; with {@code renew}, re-issues them even when still valid (rotation).
     * Idempotent otherwise.
     */
    void issue(boolean renew) throws IOException;

    /** The host's keystore, truststore and their password files as they must be on the host. */
    List<RenderedFile> stores(Host host) throws IOException;

    /** Where the broker's server keystore lives on the host (the dynamic reload points at it). */
    String serverKeystorePath(Host host);

    /** SHA-256 fingerprint (hex) of the server certificate in the host's current keystore. */
    String serverCertificateFingerprint(Host host) throws IOException;

    /** An admin client bundle for verification; passwords stay in memory. */
    ClientTls adminClient() throws IOException;
}
