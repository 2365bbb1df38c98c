package dev.kroll.rollout.port;

import dev.kroll.inventory.Host;
import java.io.IOException;
import java.util.List;

/** The checks after the migration (and after a certificate rotation). */
public interface Verifier {

    /** Problems found with one broker's listeners (TLS handshake, client auth, PLAINTEXT closed); empty when fine. */
    List<String> verifyBroker(Host host) throws IOException;

    /** Produce and consume a canary record over SSL; returns what was checked, throws when it failed. */
    String canary() throws IOException;

    /** The SHA-256 fingerprint of the certificate the broker's SSL listener presents now. */
    String presentedCertificate(Host host) throws IOException;
}
