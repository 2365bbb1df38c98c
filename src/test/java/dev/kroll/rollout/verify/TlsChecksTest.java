package dev.kroll.rollout.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The post-migration checks against a real JSSE server on loopback with real certificates. The
 * server answers framed requests the way a broker answers ApiVersions (size, correlation id), which
 * is all the checks rely on; the sandbox end-to-end tests run them against real brokers.
 */
class TlsChecksTest {

    private static final String HOST = "kafka1.test";
    private final List<AutoCloseable> open = new ArrayList<>();
    private TestCa ca;
    private KeyStore server;
    private TlsChecks checks;

    @BeforeEach
    void pki() throws Exception {
        ca = new TestCa("kroll test CA");
        server = ca.leaf(HOST, HOST, "127.0.0.1");
        checks = new TlsChecks(ca.trust(), ca.leaf("admin"), TestCa.PASSWORD, Duration.ofSeconds(5));
    }

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    /** A TLS listener on 127.0.0.1 that answers each framed request with its correlation id. */
    private int listener(KeyStore keys, boolean requireClientCert) throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(keys, TestCa.PASSWORD);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ca.trust());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        SSLServerSocket ss = (SSLServerSocket) ctx.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        ss.setNeedClientAuth(requireClientCert);
        open.add(ss);
        Thread t = new Thread(() -> {
            while (!ss.isClosed()) {
                try (SSLSocket s = (SSLSocket) ss.accept()) {
                    DataInputStream in = new DataInputStream(s.getInputStream());
                    byte[] req = new byte[in.readInt()];
                    in.readFully(req);
                    DataOutputStream out = new DataOutputStream(s.getOutputStream());
                    out.writeInt(4 + 2);
                    out.write(req, 4, 4); // correlation id
                    out.writeShort(0);
                    out.flush();
                } catch (IOException e) {
                    // a client refused or gone: next one
                }
            }
        }, "tls-listener");
        t.setDaemon(true);
        t.start();
        return ss.getLocalPort();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    @Test
    void aListenerWithTheRightCertificateThatRequiresClientCertificatesAndAClosedPlaintextPortPasses() throws Exception {
        int port = listener(server, true);
        assertEquals(List.of(), checks.verify(HOST, "127.0.0.1", port, closedPort()));
    }

    @Test
    void aCertificateWithoutTheHostsNameFailsHostnameVerification() throws Exception {
        int port = listener(ca.leaf("elsewhere", "elsewhere.test"), true);
        List<String> problems = checks.verify(HOST, "127.0.0.1", port, null);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("TLS handshake with kafka1.test (127.0.0.1:" + port + ") failed: No subject alternative DNS name matching kafka1.test"),
                problems.get(0));
    }

    @Test
    void aCertificateFromAnotherCaIsNotTrusted() throws Exception {
        int port = listener(new TestCa("someone else").leaf(HOST, HOST), true);
        List<String> problems = checks.verify(HOST, "127.0.0.1", port, null);
        assertEquals(List.of("TLS handshake with kafka1.test (127.0.0.1:" + port + ") failed: unable to find valid certification path to requested target"), problems);
    }

    @Test
    void aListenerThatAcceptsClientsWithoutACertificateIsReported() throws Exception {
        int port = listener(server, false);
        assertEquals(List.of("the SSL listener of kafka1.test (127.0.0.1:" + port + ") accepts clients without a certificate"
                + " — set listener.name.ssl.ssl.client.auth=required"), checks.verify(HOST, "127.0.0.1", port, null));
    }

    @Test
    void anOpenPlaintextPortIsReported() throws Exception {
        int port = listener(server, true);
        ServerSocket plaintext = new ServerSocket(0, 10, InetAddress.getByName("127.0.0.1"));
        open.add(plaintext);
        assertEquals(List.of("the PLAINTEXT port " + plaintext.getLocalPort() + " of kafka1.test (127.0.0.1) still accepts connections"),
                checks.verify(HOST, "127.0.0.1", port, plaintext.getLocalPort()));
    }

    @Test
    void thePresentedCertificateIsTheListenersLeaf() throws Exception {
        int port = listener(server, true);
        Certificate leaf = server.getCertificateChain("key")[0];
        assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded())),
                checks.presentedCertificate(HOST, "127.0.0.1", port));
    }
}
