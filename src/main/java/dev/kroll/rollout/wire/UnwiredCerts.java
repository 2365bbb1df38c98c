package dev.kroll.rollout.wire;

import dev.kroll.inventory.Host;
import dev.kroll.rollout.port.CertAuthority;
import dev.kroll.rollout.port.ClientTls;
import dev.kroll.rollout.port.RenderedFile;
import java.io.IOException;
import java.util.List;

/** Stands in for kroll's PKI until {@code dev.kroll.pki} is wired here: any use says so, nothing else fails. */
final class UnwiredCerts implements CertAuthority {

    private static IOException missing() {
        return new IOException("certificates are not available to the rollout yet: dev.kroll.pki is not wired into this build");
    }

    @Override
    public void issue(boolean renew) throws IOException {
        throw missing();
    }

    @Override
    public List<RenderedFile> stores(Host host) throws IOException {
        throw missing();
    }

    @Override
    public String serverKeystorePath(Host host) {
        throw new IllegalStateException("dev.kroll.pki is not wired into this build");
    }

    @Override
    public String serverCertificateFingerprint(Host host) throws IOException {
        throw missing();
    }

    @Override
    public ClientTls adminClient() throws IOException {
        throw missing();
    }
}
