package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * SSH local port forwards over one of kroll's sessions, against a real SSH server: each forward
 * reaches its own target as the remote host sees it, listens on the jump host's loopback only, and
 * closes with the session.
 */
class LocalForwardIT {

    @TempDir
    Path tmp;

    SshTestBed bed;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SshTestBed(tmp);
    }

    /** A TCP server on {@code address} that answers each line with its name and the line. */
    private static ServerSocket greeter(String address, String name) throws IOException {
        ServerSocket server = new ServerSocket(0, 10, InetAddress.getByName(address));
        Thread t = new Thread(() -> {
            while (!server.isClosed()) {
                try (Socket s = server.accept()) {
                    String line = new String(s.getInputStream().readNBytes(5), StandardCharsets.US_ASCII);
                    s.getOutputStream().write((name + ":" + line).getBytes(StandardCharsets.US_ASCII));
                } catch (IOException e) {
                    // closed
                }
            }
        }, "greeter-" + name);
        t.setDaemon(true);
        t.start();
        return server;
    }

    private static String ask(int localPort) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", localPort), 5000);
            s.setSoTimeout(5000);
            OutputStream out = s.getOutputStream();
            out.write("hello".getBytes(StandardCharsets.US_ASCII));
            InputStream in = s.getInputStream();
            return new String(in.readAllBytes(), StandardCharsets.US_ASCII);
        }
    }

    @Test
    void twoForwardsOnOneSessionReachTheirOwnTargetsAndCloseWithTheSession() throws Exception {
        try (TestSshServer server = bed.server("127.0.0.11").allowLoopbackForwards().start();
             ServerSocket a = greeter("127.0.0.21", "a");
             ServerSocket b = greeter("127.0.0.22", "b")) {
            bed.trust("kafka1", server);
            SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(bed.host("kafka1", server));
            LocalForward fa = session.forward("127.0.0.21", a.getLocalPort());
            LocalForward fb = session.forward("127.0.0.22", b.getLocalPort());
            assertNotEquals(fa.localPort(), fb.localPort());
            assertEquals("a:hello", ask(fa.localPort()));
            assertEquals("b:hello", ask(fb.localPort()));
            assertEquals("a:hello", ask(fa.localPort()), "a forward serves connection after connection");

            // the local end is bound to loopback only: not reachable on another address of this machine
            assertThrows(ConnectException.class, () -> {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.2", fa.localPort()), 2000);
                }
            });

            session.close();
            assertFalse(fa.isOpen());
            assertFalse(fb.isOpen());
            // nothing listens on its port any more, as the kernel reports it (connecting to a free ephemeral
            // port could, rarely, connect a socket to itself; binding it again can meet a connection that
            // the forward accepted and is still closing)
            assertFalse(listening(fa.localPort()), "port " + fa.localPort() + " still listening");
            assertFalse(listening(fb.localPort()), "port " + fb.localPort() + " still listening");
        }
    }

    @Test
    void aForwardWhoseConnectionDroppedSaysItIsNoLongerOpen() throws Exception {
        try (TestSshServer server = bed.server("127.0.0.11").allowLoopbackForwards().start();
             ServerSocket a = greeter("127.0.0.21", "a")) {
            bed.trust("kafka1", server);
            try (SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(bed.host("kafka1", server))) {
                LocalForward f = session.forward("127.0.0.21", a.getLocalPort());
                assertTrue(f.isOpen());
                server.dropConnections();
                long end = System.nanoTime() + 10_000_000_000L;
                while (f.isOpen() && System.nanoTime() < end) {
                    Thread.sleep(50);
                }
                assertFalse(f.isOpen(), "the SSH connection under it ended");
            }
        }
    }

    /** Whether a TCP socket listens on {@code port} of 127.0.0.1, from /proc/net/tcp (state 0A is LISTEN). */
    private static boolean listening(int port) throws java.io.IOException {
        String local = String.format("0100007F:%04X", port);
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/net/tcp")).stream().skip(1)
                .map(l -> l.trim().split("\\s+"))
                .anyMatch(f -> f.length > 3 && f[1].equals(local) && f[3].equals("0A"));
    }
}
