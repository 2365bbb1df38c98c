package dev.kroll.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.ConnectionException;
import net.schmizz.sshj.connection.channel.direct.DirectConnection;
import net.schmizz.sshj.connection.channel.direct.Session;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.xfer.FileSystemFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SandboxHostTest {

    @TempDir
    Path tmp;

    static SSHClient connect(Sandbox sandbox, SandboxHost host) throws IOException {
        SSHClient c = new SSHClient();
        c.loadKnownHosts(sandbox.layout().knownHosts().toFile());
        c.connect(host.address(), host.endpoint().sshPort());
        c.authPublickey(System.getProperty("user.name"), c.loadKeys(sandbox.layout().clientKey().toString()));
        return c;
    }

    static String exec(SSHClient c, String command) throws IOException {
        try (Session s = c.startSession(); Session.Command cmd = s.exec(command)) {
            String out = new String(cmd.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            cmd.join(10, TimeUnit.SECONDS);
            return out.trim();
        }
    }

    @Test
    void commandsRunInTheHostsOwnTreeWithItsHome() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 2, null))) {
            SandboxHost h2 = sandbox.hosts().get(1);
            try (SSHClient c = connect(sandbox, h2)) {
                assertEquals(h2.home() + "\n" + h2.home(), exec(c, "pwd; echo $HOME"));
                exec(c, "echo hello > ~/greeting");
            }
            assertEquals("hello", Files.readString(h2.home().resolve("greeting")).trim());
            assertFalse(Files.exists(sandbox.hosts().get(0).home().resolve("greeting")));
        }
    }

    @Test
    void sftpStartsInTheHomeAndWritesTheRealFileSystem() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 1, null))) {
            SandboxHost h = sandbox.hosts().get(0);
            Path local = Files.writeString(tmp.resolve("payload.txt"), "payload");
            try (SSHClient c = connect(sandbox, h); SFTPClient sftp = c.newSFTPClient()) {
                assertEquals(h.home().toString(), sftp.canonicalize("."));
                sftp.mkdirs("opt/upload");
                sftp.put(new FileSystemFile(local.toFile()), "opt/upload/relative.txt");
                sftp.put(new FileSystemFile(local.toFile()), h.home().resolve("absolute.txt").toString());
            }
            assertEquals("payload", Files.readString(h.home().resolve("opt/upload/relative.txt")));
            assertEquals("payload", Files.readString(h.home().resolve("absolute.txt")));
        }
    }

    @Test
    void hostKeysStayTheSameAcrossRestartsAndDifferBetweenHosts() throws Exception {
        Path root = tmp.resolve("sb");
        String first;
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(root, 2, null))) {
            first = keyOf(sandbox.hosts().get(0));
            assertNotEquals(first, keyOf(sandbox.hosts().get(1)));
        }
        try (Sandbox again = Sandbox.start(new Sandbox.Spec(root, 2, null))) {
            assertEquals(first, keyOf(again.hosts().get(0)));
            try (SSHClient c = connect(again, again.hosts().get(0))) {
                assertEquals("ok", exec(c, "echo ok"));
            }
        }
    }

    private static String keyOf(SandboxHost h) {
        String line = h.knownHostsLine();
        return line.substring(line.indexOf(' ') + 1);
    }

    @Test
    void theClientKeyIsPrivateAndAnyOtherKeyIsRefused() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 1, null))) {
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox.layout().clientKey())));
            assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox.layout().knownHosts())));
            SandboxHost h = sandbox.hosts().get(0);
            // a second sandbox's key is a different key
            Path otherRoot = tmp.resolve("other");
            ClientKey.ensure(new SandboxLayout(otherRoot));
            try (SSHClient c = new SSHClient()) {
                c.loadKnownHosts(sandbox.layout().knownHosts().toFile());
                c.connect(h.address(), h.endpoint().sshPort());
                assertThrows(IOException.class, () -> c.authPublickey(System.getProperty("user.name"),
                        c.loadKeys(new SandboxLayout(otherRoot).clientKey().toString())));
                assertFalse(c.isAuthenticated());
            }
        }
    }

    @Test
    void anUnknownHostKeyIsRejectedByStrictChecking() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 1, null))) {
            SandboxHost h = sandbox.hosts().get(0);
            Path empty = Files.writeString(tmp.resolve("known_hosts"), "");
            try (SSHClient c = new SSHClient()) {
                c.loadKnownHosts(empty.toFile());
                assertThrows(TransportException.class, () -> c.connect(h.address(), h.endpoint().sshPort()));
            }
        }
    }

    @Test
    void localForwardingReachesLoopbackTargetsOnly() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 1, null));
             ServerSocket echo = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread server = new Thread(() -> {
                try (Socket s = echo.accept()) {
                    s.getOutputStream().write(s.getInputStream().readNBytes(4));
                } catch (IOException e) {
                    // the test fails on the client side
                }
            });
            server.start();
            try (SSHClient c = connect(sandbox, sandbox.hosts().get(0))) {
                try (DirectConnection tunnel = c.newDirectConnection("127.0.0.1", echo.getLocalPort())) {
                    OutputStream out = tunnel.getOutputStream();
                    out.write("ping".getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    InputStream in = tunnel.getInputStream();
                    assertEquals("ping", new String(in.readNBytes(4), StandardCharsets.US_ASCII));
                }
                // 0.0.0.0 is not a loopback literal: refused before any connection is attempted
                assertThrows(ConnectionException.class, () -> c.newDirectConnection("0.0.0.0", echo.getLocalPort()));
            }
            server.join(5000);
        }
    }

    @Test
    void aCutSshServerRefusesConnectionsUntilRestored() throws Exception {
        try (Sandbox sandbox = Sandbox.start(new Sandbox.Spec(tmp.resolve("sb"), 1, null))) {
            SandboxHost h = sandbox.hosts().get(0);
            h.cutSsh();
            assertFalse(h.sshRunning());
            assertThrows(IOException.class, () -> connect(sandbox, h).close());
            h.startSsh();
            assertTrue(h.sshRunning());
            try (SSHClient c = connect(sandbox, h)) {
                assertEquals("back", exec(c, "echo back"));
            }
        }
    }
}
