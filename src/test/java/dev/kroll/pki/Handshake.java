package dev.kroll.pki;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * A real JSSE handshake over loopback: an {@link SSLServerSocket} that requires a client certificate, and a
 * client with endpoint identification {@code HTTPS} verifying {@code verifyHost} (a name or an IP) — no DNS
 * needed, since the name to verify is handed to the socket factory. Both sides then exchange a byte, so
 * a TLS 1.3 server that rejects the client certificate after the client's handshake returns still fails.
 */
final class Handshake {

    record Result(boolean ok, Exception serverError, Exception clientError) {
        String describe() {
            return "server: " + (serverError == null ? "ok" : serverError) + "; client: " + (clientError == null ? "ok" : clientError);
        }
    }

    private Handshake() {
    }

    static SSLContext context(KeyStore keyStore, char[] keyPassword, KeyStore trustStore) throws Exception {
        KeyManagerFactory kmf = null;
        if (keyStore != null) {
            kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(keyStore, keyPassword);
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trustStore);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf == null ? null : kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        return ctx;
    }

    /** Connects to {@code bindAddress} (127.x.y.z) and verifies the server as {@code verifyHost}. */
    static Result run(SSLContext server, SSLContext client, String bindAddress, String verifyHost) throws Exception {
        AtomicReference<Exception> serverError = new AtomicReference<>();
        try (SSLServerSocket ss = (SSLServerSocket) server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getByName(bindAddress))) {
            ss.setNeedClientAuth(true);
            ss.setSoTimeout(20_000);
            int port = ss.getLocalPort();
            Thread t = new Thread(() -> {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    s.setSoTimeout(20_000);
                    s.startHandshake();
                    InputStream in = s.getInputStream();
                    int b = in.read();
                    OutputStream out = s.getOutputStream();
                    out.write(b + 1);
                    out.flush();
                } catch (Exception e) {
                    serverError.set(e);
                }
            }, "tls-test-server");
            t.setDaemon(true);
            t.start();
            Exception clientError = null;
            boolean echoed = false;
            try (Socket raw = new Socket()) {
                raw.connect(new InetSocketAddress(bindAddress, port), 10_000);
                try (SSLSocket c = (SSLSocket) client.getSocketFactory().createSocket(raw, verifyHost, port, true)) {
                    SSLParameters p = c.getSSLParameters();
                    p.setEndpointIdentificationAlgorithm("HTTPS");
                    c.setSSLParameters(p);
                    c.setSoTimeout(20_000);
                    c.startHandshake();
                    c.getOutputStream().write(41);
                    c.getOutputStream().flush();
                    echoed = c.getInputStream().read() == 42;
                }
            } catch (Exception e) {
                clientError = e;
            }
            t.join(30_000);
            boolean ok = clientError == null && serverError.get() == null && echoed;
            return new Result(ok, serverError.get(), clientError);
        }
    }
}
