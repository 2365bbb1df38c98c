package dev.kroll.rollout.verify;

import dev.kroll.util.Errors;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * The checks after a migration, with the JDK's own TLS: a handshake with hostname verification
 * (endpoint identification {@code HTTPS}) and the client certificate, answered by a Kafka
 * ApiVersions response; a client without a certificate refused; the PLAINTEXT port closed.
 * Connections go to the host's address, while the certificate is verified against its name.
 */
public final class TlsChecks {

    private final SSLContext withCertificate;
    private final SSLContext withoutCertificate;
    private final int timeoutMillis;

    /**
     * @param trust        the cluster's truststore (its CA)
     * @param client       a client keystore (an admin identity), with its key password
     */
    public TlsChecks(KeyStore trust, KeyStore client, char[] clientKeyPassword, Duration timeout) throws GeneralSecurityException {
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(client, clientKeyPassword);
        withCertificate = SSLContext.getInstance("TLS");
        withCertificate.init(kmf.getKeyManagers(), tmf.getTrustManagers(), null);
        withoutCertificate = SSLContext.getInstance("TLS");
        withoutCertificate.init(null, tmf.getTrustManagers(), null);
        timeoutMillis = (int) timeout.toMillis();
    }

    /**
     * Every problem with one broker's listeners, one line each; empty when all is well.
     *
     * @param plaintextPort the port that must be closed, or null to skip that check
     */
    public List<String> verify(String hostName, String address, int sslPort, Integer plaintextPort) {
        List<String> problems = new ArrayList<>();
        String where = hostName + " (" + address + ":" + sslPort + ")";
        try {
            if (!kafkaAnswers(withCertificate, hostName, address, sslPort)) {
                problems.add("the SSL listener of " + where + " completed the handshake but did not answer a Kafka request");
            }
        } catch (IOException e) {
            problems.add("TLS handshake with " + where + " failed: " + Errors.message(e));
        }
        try {
            if (kafkaAnswers(withoutCertificate, hostName, address, sslPort)) {
                problems.add("the SSL listener of " + where + " accepts clients without a certificate — set listener.name.ssl.ssl.client.auth=required");
            }
        } catch (IOException e) {
            // refused during or right after the handshake: what client authentication must do
        }
        if (plaintextPort != null && open(address, plaintextPort)) {
            problems.add("the PLAINTEXT port " + plaintextPort + " of " + hostName + " (" + address + ") still accepts connections");
        }
        return problems;
    }

    /** SHA-256 (hex) of the certificate the listener presents now. */
    public String presentedCertificate(String hostName, String address, int sslPort) throws IOException {
        try (SSLSocket s = connect(withCertificate, hostName, address, sslPort)) {
            Certificate leaf = s.getSession().getPeerCertificates()[0];
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(leaf.getEncoded()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read the certificate of " + hostName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Handshakes and sends an ApiVersions request: true when a response comes back. With TLS 1.3
     * the server rejects a missing client certificate after the client has finished its side of the
     * handshake, so only an answer proves the connection was accepted.
     */
    private boolean kafkaAnswers(SSLContext ctx, String hostName, String address, int port) throws IOException {
        try (SSLSocket s = connect(ctx, hostName, address, port)) {
            OutputStream out = s.getOutputStream();
            out.write(apiVersionsRequest());
            out.flush();
            DataInputStream in = new DataInputStream(s.getInputStream());
            int size = in.readInt();
            int correlation = in.readInt();
            return size >= 4 && correlation == CORRELATION;
        } catch (SocketTimeoutException e) {
            return false;
        } catch (SSLException e) {
            throw e;
        } catch (EOFException e) {
            throw new SSLException("connection closed by the broker", e);
        }
    }

    private SSLSocket connect(SSLContext ctx, String hostName, String address, int port) throws IOException {
        Socket plain = new Socket();
        try {
            plain.connect(new InetSocketAddress(address, port), timeoutMillis);
            plain.setSoTimeout(timeoutMillis);
            SSLSocket s = (SSLSocket) ctx.getSocketFactory().createSocket(plain, hostName, port, true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            p.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            if (!Character.isDigit(hostName.charAt(0)) && !hostName.contains(":")) {
                p.setServerNames(List.of(new SNIHostName(hostName)));
            }
            s.setSSLParameters(p);
            s.startHandshake();
            return s;
        } catch (IOException | RuntimeException e) {
            plain.close();
            throw e;
        }
    }

    private static boolean open(String address, int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(address, port), 2000);
            return true;
        } catch (ConnectException e) {
            return false;
        } catch (IOException e) {
            // a timeout or unreachable address: nothing accepts connections there either
            return false;
        }
    }

    private static final int CORRELATION = 0x6b726f6c; // "krol"

    /** ApiVersions v0: size, api key 18, version 0, correlation id, client id. */
    static byte[] apiVersionsRequest() {
        byte[] client = "kroll-verify".getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(4 + 2 + 2 + 4 + 2 + client.length);
        b.putInt(2 + 2 + 4 + 2 + client.length).putShort((short) 18).putShort((short) 0).putInt(CORRELATION)
                .putShort((short) client.length).put(client);
        return b.array();
    }
}
