package dev.kroll.probe;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Reads the certificate each host's TLS listener presents, with a real handshake verified against
 * kroll's CA (hostname verification on). The chain is noted before the trust decision, so an
 * untrusted certificate is still reported (with why) while the handshake is refused. Certificates
 * change rarely: a host is re-read only every {@code every}.
 */
public final class CertificateProbe {

    /** A TLS listener to read. */
    public record Target(String host, String address, int port) {
        String endpoint() {
            return HostPorts.format(address, port);
        }
    }

    private final List<Target> targets;
    private final X509ExtendedTrustManager trust;
    private final Duration timeout;
    private final Duration every;
    private final Map<String, Reading<CertificateInfo>> last = new HashMap<>();

    public CertificateProbe(List<Target> targets, X509ExtendedTrustManager trust, Duration timeout, Duration every) {
        this.targets = List.copyOf(targets);
        this.trust = trust;
        this.timeout = timeout;
        this.every = every;
    }

    /** Trust in kroll's CA ({@code .kroll/pki/ca/ca.crt}) when it exists, else in the JVM's default trust store. */
    public static X509ExtendedTrustManager trustFor(Path caCertificate) throws IOException, GeneralSecurityException {
        KeyStore ks = null;
        if (caCertificate != null && Files.isRegularFile(caCertificate)) {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            try (InputStream in = Files.newInputStream(caCertificate)) {
                int i = 0;
                for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                    ks.setCertificateEntry("kroll-ca-" + i++, c);
                }
            }
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        for (TrustManager tm : tmf.getTrustManagers()) {
            if (tm instanceof X509ExtendedTrustManager x) {
                return x;
            }
        }
        throw new GeneralSecurityException("no X.509 trust manager");
    }

    public List<CertificateSnapshot> read(ExecutorService pool, Instant now) {
        Map<String, Reading<CertificateInfo>> previous;
        synchronized (last) {
            previous = new HashMap<>(last);
        }
        List<CertificateSnapshot> out = Parallel.map(pool, targets, t -> {
            Reading<CertificateInfo> p = previous.get(t.host());
            boolean fresh = p != null && p.isOk() && Duration.between(p.freshness().lastGood(), now).compareTo(every) < 0;
            return new CertificateSnapshot(t.host(), t.endpoint(), fresh ? p : readOne(t, p, now));
        }, timeout, (t, e) -> new CertificateSnapshot(t.host(), t.endpoint(),
                Reading.failed(previous.get(t.host()), now, Why.failed(e, t.endpoint(), timeout))));
        synchronized (last) {
            out.forEach(c -> last.put(c.host(), c.certificate()));
        }
        return out;
    }

    private Reading<CertificateInfo> readOne(Target t, Reading<CertificateInfo> previous, Instant now) {
        Noting noting = new Noting(trust);
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {noting}, null);
            try (Socket plain = new Socket()) {
                plain.connect(new InetSocketAddress(t.address(), t.port()), (int) timeout.toMillis());
                plain.setSoTimeout((int) timeout.toMillis());
                try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(plain, t.host(), t.port(), false)) {
                    SSLParameters params = tls.getSSLParameters();
                    params.setEndpointIdentificationAlgorithm("HTTPS");
                    tls.setSSLParameters(params);
                    tls.startHandshake();
                }
            }
        } catch (SSLException e) {
            if (noting.leaf == null) {
                return Reading.failed(previous, now, "TLS handshake with " + t.endpoint() + " failed: " + e.getMessage());
            }
        } catch (IOException | GeneralSecurityException e) {
            return Reading.failed(previous, now, Why.failed(e, t.endpoint(), timeout));
        }
        X509Certificate leaf = noting.leaf;
        if (leaf == null) {
            return Reading.failed(previous, now, "no certificate presented by " + t.endpoint());
        }
        Instant notAfter = leaf.getNotAfter().toInstant();
        long days = Math.floorDiv(Duration.between(now, notAfter).toSeconds(), 86400);
        return Reading.ok(new CertificateInfo(leaf.getSubjectX500Principal().getName(), leaf.getIssuerX500Principal().getName(),
                notAfter, days, noting.problem == null, noting.problem), now);
    }

    /** Notes the server's chain and the trust decision, then defers to the real trust manager. */
    private static final class Noting extends X509ExtendedTrustManager {
        private final X509ExtendedTrustManager delegate;
        private volatile X509Certificate leaf;
        private volatile String problem;

        Noting(X509ExtendedTrustManager delegate) {
            this.delegate = delegate;
        }

        private void check(X509Certificate[] chain, Checker c) throws CertificateException {
            leaf = chain.length > 0 ? chain[0] : null;
            try {
                c.check();
            } catch (CertificateException e) {
                problem = e.getMessage();
                throw e;
            }
        }

        private interface Checker {
            void check() throws CertificateException;
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            check(chain, () -> delegate.checkServerTrusted(chain, authType, socket));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            check(chain, () -> delegate.checkServerTrusted(chain, authType, engine));
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            check(chain, () -> delegate.checkServerTrusted(chain, authType));
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
            throw new CertificateException("kroll is never a TLS server here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
            throw new CertificateException("kroll is never a TLS server here");
        }

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
            throw new CertificateException("kroll is never a TLS server here");
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return delegate.getAcceptedIssuers();
        }
    }
}
