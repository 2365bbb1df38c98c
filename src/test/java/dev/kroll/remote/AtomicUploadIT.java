package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.kroll.inventory.Host;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.sshd.server.session.ServerSession;
import org.apache.sshd.sftp.server.FileHandle;
import org.apache.sshd.sftp.server.SftpEventListener;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicUploadIT {

    @TempDir
    Path tmp;

    SshTestBed bed;
    Path remoteDir;

    @BeforeEach
    void setUp() throws Exception {
        bed = new SshTestBed(tmp.resolve("client"));
        remoteDir = Files.createDirectories(tmp.resolve("host/etc/kafka"));
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private SshSession connect(TestSshServer s, boolean become) throws IOException {
        bed.trust("kafka1", s);
        Host h = TestKeys.host("kafka1", s.address(), s.port(), System.getProperty("user.name"), bed.keyFile, become);
        return new SshConnector(bed.options(NewHostKeyPolicy.REFUSE)).connect(h);
    }

    private List<Path> temps() throws IOException {
        try (Stream<Path> files = Files.list(remoteDir)) {
            return files.filter(p -> p.getFileName().toString().contains(".kroll-tmp-")).toList();
        }
    }

    @Test
    void anIdenticalReuploadIsUnchangedAndAChangedOneKeepsThePreviousVersion() throws Exception {
        Path target = remoteDir.resolve("server.properties");
        try (TestSshServer s = bed.server("127.0.0.21").start(); SshSession session = connect(s, false)) {
            byte[] v1 = "broker.id=1\n".getBytes(StandardCharsets.UTF_8);
            byte[] v2 = "broker.id=1\nlisteners=SSL://:9093\n".getBytes(StandardCharsets.UTF_8);
            assertEquals(Status.CHANGED, AtomicUploader.upload(session, FileUpload.config(target.toString(), v1, null)).status());
            assertArrayEquals(v1, Files.readAllBytes(target));
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            assertFalse(Files.exists(remoteDir.resolve("server.properties.kroll-prev")), "nothing to keep the first time");

            Outcome<Void> again = AtomicUploader.upload(session, FileUpload.config(target.toString(), v1, null));
            assertEquals(Status.UNCHANGED, again.status());

            assertEquals(Status.CHANGED, AtomicUploader.upload(session, FileUpload.config(target.toString(), v2, null)).status());
            assertArrayEquals(v2, Files.readAllBytes(target));
            assertArrayEquals(v1, Files.readAllBytes(remoteDir.resolve("server.properties.kroll-prev")));
            assertEquals(List.of(), temps());
        }
    }

    @Test
    void severalFilesGoUpTogetherAndOnlyTheChangedOnesAreWritten() throws Exception {
        byte[] same = "same\n".getBytes(StandardCharsets.UTF_8);
        Files.write(remoteDir.resolve("a.properties"), same);
        Files.setPosixFilePermissions(remoteDir.resolve("a.properties"), PosixFilePermissions.fromString("rw-r--r--"));
        Files.writeString(remoteDir.resolve("b.properties"), "old\n");
        List<FileUpload> files = List.of(
                FileUpload.config(remoteDir.resolve("a.properties").toString(), same, null),
                FileUpload.config(remoteDir.resolve("b.properties").toString(), "new\n".getBytes(StandardCharsets.UTF_8), null),
                FileUpload.plain(remoteDir.resolve("sub dir/c.service").toString(), "[Unit]\n".getBytes(StandardCharsets.UTF_8)));
        try (TestSshServer s = bed.server("127.0.0.27").start(); SshSession session = connect(s, false)) {
            Outcome<Void> o = AtomicUploader.uploadAll(session, files, null);
            assertEquals(Status.CHANGED, o.status());
            assertTrue(o.detail().startsWith("2 of 3 files changed"), o.detail());
            assertEquals(Status.UNCHANGED, AtomicUploader.uploadAll(session, files, null).status());
        }
        assertEquals("new\n", Files.readString(remoteDir.resolve("b.properties")));
        assertEquals("old\n", Files.readString(remoteDir.resolve("b.properties.kroll-prev")));
        assertEquals("[Unit]\n", Files.readString(remoteDir.resolve("sub dir/c.service")));
        assertFalse(Files.exists(remoteDir.resolve("a.properties.kroll-prev")));
    }

    @Test
    void aWrongModeOnIdenticalContentIsFixedWithoutRewriting() throws Exception {
        Path target = remoteDir.resolve("log4j.properties");
        byte[] content = "log4j.rootLogger=INFO\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, content);
        Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-rw-rw-"));
        try (TestSshServer s = bed.server("127.0.0.22").start(); SshSession session = connect(s, false)) {
            Outcome<Void> o = AtomicUploader.upload(session, FileUpload.config(target.toString(), content, null));
            assertEquals(Status.CHANGED, o.status());
            assertTrue(o.detail().contains("mode"), o.detail());
            assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(target)));
            assertFalse(Files.exists(remoteDir.resolve("log4j.properties.kroll-prev")), "content did not change: no new version");
        }
    }

    @Test
    void secretsLand0600OwnedByTheServiceUserAndAreNeverWiderInTransit() throws Exception {
        assumeTrue("root".equals(System.getProperty("user.name")), "chown to the service user needs a root login");
        Path target = remoteDir.resolve("kafka.keystore.p12");
        Set<String> permsSeenInTransit = ConcurrentHashMap.newKeySet();
        SftpEventListener spy = new SftpEventListener() {
            @Override
            public void written(ServerSession session, String handle, FileHandle local, long offset, byte[] data, int off,
                                int len, Throwable thrown) throws IOException {
                permsSeenInTransit.add(PosixFilePermissions.toString(Files.getPosixFilePermissions(local.getFile())));
            }
        };
        byte[] keystore = bytes(200_000, 1);
        try (TestSshServer s = bed.server("127.0.0.23").sftpListener(spy).start(); SshSession session = connect(s, false)) {
            Outcome<Void> o = AtomicUploader.upload(session, FileUpload.secret(target.toString(), keystore, "nobody"));
            assertEquals(Status.CHANGED, o.status());
        }
        assertEquals(Set.of("rw-------"), permsSeenInTransit);
        PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class);
        assertEquals("rw-------", PosixFilePermissions.toString(a.permissions()));
        assertEquals("nobody", a.owner().getName());
        assertArrayEquals(keystore, Files.readAllBytes(target));
    }

    @Test
    void aConnectionCutMidTransferLeavesTheTargetAsItWasAndTheNextRunCleansUp() throws Exception {
        Path target = remoteDir.resolve("server.properties");
        byte[] old = "broker.id=1\n".getBytes(StandardCharsets.UTF_8);
        Files.write(target, old);
        AtomicBoolean cut = new AtomicBoolean();
        AtomicLong written = new AtomicLong();
        java.util.concurrent.atomic.AtomicReference<ServerSession> victim = new java.util.concurrent.atomic.AtomicReference<>();
        SftpEventListener cutter = new SftpEventListener() {
            @Override
            public void writing(ServerSession session, String handle, FileHandle local, long offset, byte[] data, int off,
                                int len) throws IOException {
                if (session == victim.get() || (victim.get() == null && written.addAndGet(len) >= 256 * 1024)) {
                    // the network goes away a quarter into the transfer; requests already queued are lost with it
                    if (victim.compareAndSet(null, session)) {
                        cut.set(true);
                        session.close(true);
                    }
                    throw new IOException("connection lost");
                }
            }
        };
        byte[] big = bytes(1 << 20, 2);
        try (TestSshServer s = bed.server("127.0.0.24").sftpListener(cutter).start()) {
            try (SshSession session = connect(s, false)) {
                assertThrows(Exception.class, () -> AtomicUploader.upload(session, FileUpload.config(target.toString(), big, null)));
            }
            assertTrue(cut.get());
            assertArrayEquals(old, Files.readAllBytes(target), "target untouched");
            List<Path> left = temps();
            assertEquals(1, left.size(), "the interrupted temp file is still there");
            assertTrue(Files.size(left.get(0)) < big.length);
            assertFalse(Files.exists(remoteDir.resolve("server.properties.kroll-prev")));

            try (SshSession session = new SshConnector(bed.options(NewHostKeyPolicy.REFUSE))
                    .connect(TestKeys.host("kafka1", s.address(), s.port(), "u", bed.keyFile, false))) {
                assertEquals(Status.CHANGED, AtomicUploader.upload(session, FileUpload.config(target.toString(), big, null)).status());
            }
            assertArrayEquals(big, Files.readAllBytes(target));
            assertArrayEquals(old, Files.readAllBytes(remoteDir.resolve("server.properties.kroll-prev")));
            assertEquals(List.of(), temps(), "the stale temp file was removed");
        }
    }

    @Test
    void withBecomeFilesAreWrittenThroughSudo() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sudo")) || System.getenv("CI") != null, "sudo is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "sudo -n works without a password for root");
        Path target = remoteDir.resolve("ssl.secrets");
        byte[] secret = "keystore.password=s3cr3t\n".getBytes(StandardCharsets.UTF_8);
        try (TestSshServer s = bed.server("127.0.0.25").start(); SshSession session = connect(s, true)) {
            assertEquals(Status.CHANGED, AtomicUploader.upload(session, FileUpload.secret(target.toString(), secret, "nobody")).status());
            assertEquals(Status.UNCHANGED, AtomicUploader.upload(session, FileUpload.secret(target.toString(), secret, "nobody")).status());
        }
        PosixFileAttributes a = Files.readAttributes(target, PosixFileAttributes.class);
        assertEquals("rw-------", PosixFilePermissions.toString(a.permissions()));
        assertEquals("nobody", a.owner().getName());
        assertArrayEquals(secret, Files.readAllBytes(target));
    }

    @Test
    void becomeOnAHostWhereSudoWantsAPasswordFailsWithAdvice() throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/sudo")) || System.getenv("CI") != null, "sudo is not installed");
        assumeTrue("root".equals(System.getProperty("user.name")), "runuser needs root to play an unprivileged login");
        Path target = remoteDir.resolve("server.properties");
        try (TestSshServer s = bed.server("127.0.0.26").runAs("nobody").start(); SshSession session = connect(s, true)) {
            KrollException e = assertThrows(KrollException.class,
                    () -> AtomicUploader.upload(session, FileUpload.config(target.toString(), new byte[] {1}, "nobody")));
            assertTrue(e.getMessage().contains("sudo on kafka1 needs a password"), e.getMessage());
            assertTrue(e.getMessage().contains("NOPASSWD"), e.getMessage());
        }
        assertFalse(Files.exists(target));
    }
}
