package dev.kroll.remote;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kroll.inventory.Host;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** Fan-out against 50 real SSH servers (MINA, one per loopback address, each with its own host key). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FanOutIT {

    static final int HOSTS = 50;

    @TempDir
    static Path tmp;

    SshTestBed bed;
    final List<TestSshServer> servers = new ArrayList<>();
    final List<Host> hosts = new ArrayList<>();

    @BeforeAll
    void startFiftyHosts() throws Exception {
        bed = new SshTestBed(tmp.resolve("client"));
        for (int i = 1; i <= HOSTS; i++) {
            TestSshServer s = bed.server("127.0.1." + i).start();
            servers.add(s);
            String name = "kafka" + i + ".example.com";
            bed.trust(name, s);
            hosts.add(bed.host(name, s));
            Files.createDirectories(tmp.resolve("host" + i));
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (TestSshServer s : servers) {
            s.close();
        }
    }

    /** Uploads a per-host file and reads the host's name back: real exec plus real SFTP on every host. */
    private HostAction<String> uploadAndRead() {
        return ctx -> {
            int i = hosts.indexOf(ctx.host()) + 1;
            String target = tmp.resolve("host" + i + "/server.properties").toString();
            SshSession s = ctx.session();
            ctx.progress("uploading " + target);
            Outcome<Void> o = AtomicUploader.upload(s, FileUpload.config(target,
                    ("broker.id=" + i + "\n").getBytes(StandardCharsets.UTF_8), null));
            String echoed = s.check(Shell.join("echo", ctx.host().name())).stdout().trim();
            return new Outcome<>(o.status(), o.detail(), echoed);
        };
    }

    @Test
    void fiftyHostsEachGetAResultAndABrokenHostDoesNotHideTheOthers() throws Exception {
        List<Host> targets = new ArrayList<>(hosts);
        // host 17 has a key nobody authorized: its login fails
        targets.set(16, TestKeys.host(hosts.get(16).name(), hosts.get(16).address(), hosts.get(16).ssh().port(), "u",
                TestKeys.writeOpenSsh(TestKeys.ec(), tmp.resolve("stranger_key"), null), false));
        AtomicInteger running = new AtomicInteger();
        AtomicInteger maxRunning = new AtomicInteger();
        List<HostEvent> events = new CopyOnWriteArrayList<>();
        HostAction<String> action = ctx -> {
            maxRunning.accumulateAndGet(running.incrementAndGet(), Math::max);
            try {
                return uploadAndRead().run(ctx);
            } finally {
                running.decrementAndGet();
            }
        };
        try (SshSessions sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE))) {
            List<HostResult<String>> results = new FanOut(sessions, 8, Duration.ofMinutes(1)).run(targets, action, events::add);

            assertEquals(HOSTS, results.size());
            for (int i = 0; i < HOSTS; i++) {
                HostResult<String> r = results.get(i);
                assertEquals(targets.get(i).name(), r.host(), "results come in inventory order");
                if (i == 16) {
                    assertEquals(Status.FAILED, r.status());
                    assertTrue(r.reason().contains("SSH login to u@kafka17.example.com"), r.reason());
                } else {
                    assertEquals(Status.CHANGED, r.status(), r.line());
                    assertEquals(targets.get(i).name(), r.value());
                    assertEquals("broker.id=" + (i + 1) + "\n", Files.readString(tmp.resolve("host" + (i + 1) + "/server.properties")));
                }
            }
            assertTrue(maxRunning.get() <= 8, "never more than 8 hosts at once, saw " + maxRunning.get());
            for (Host h : targets) {
                List<HostEvent> mine = events.stream().filter(e -> e.host().equals(h.name())).toList();
                assertTrue(mine.get(0) instanceof HostEvent.Started, h.name() + " " + mine);
                assertTrue(mine.get(mine.size() - 1) instanceof HostEvent.Finished, h.name() + " " + mine);
                assertEquals(1, mine.stream().filter(e -> e instanceof HostEvent.Finished).count());
            }

            // a second round over the same sessions: unchanged everywhere, and no new connections
            Map<String, Integer> before = new ConcurrentHashMap<>();
            servers.forEach(s -> before.put(s.address(), s.connectionsOpened()));
            List<HostResult<String>> again = new FanOut(sessions).run(hosts, uploadAndRead(), FanOutListener.NONE);
            for (int i = 0; i < HOSTS; i++) {
                // host 17 gets its file only now
                assertEquals(i == 16 ? Status.CHANGED : Status.UNCHANGED, again.get(i).status(), again.get(i).line());
            }
            int reconnectedElsewhere = 0;
            for (int i = 0; i < HOSTS; i++) {
                int delta = servers.get(i).connectionsOpened() - before.get(servers.get(i).address());
                if (i == 16) {
                    assertEquals(1, delta, "the failed host connects now, with the right key");
                } else {
                    reconnectedElsewhere += delta;
                }
            }
            assertEquals(0, reconnectedElsewhere, "connections are reused per host");
        }
    }

    @Test
    void runReturnsOnlyAfterEveryHostsFinishedEventWasDelivered() {
        List<Host> five = hosts.subList(0, 5);
        List<String> finished = java.util.Collections.synchronizedList(new ArrayList<>());
        FanOutListener slow = e -> {
            if (e instanceof HostEvent.Finished f) {
                try {
                    Thread.sleep(200);   // a reporter printing the host's line
                } catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                finished.add(f.host());
            }
        };
        try (SshSessions sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE))) {
            List<HostResult<String>> results = new FanOut(sessions, 5, Duration.ofMinutes(1)).run(five, ctx -> Outcome.ok(ctx.host().name()), slow);
            assertEquals(5, results.size());
            // read at once: a caller prints its summary right after run() and must not miss a host's line
            assertEquals(five.stream().map(Host::name).sorted().toList(), finished.stream().sorted().toList());
        }
    }

    @Test
    void aHostThatOverrunsTheTimeoutFailsAloneWithTheReason() {
        List<Host> five = hosts.subList(0, 5);
        HostAction<Void> action = ctx -> {
            ctx.session().check(ctx.host() == five.get(2) ? "sleep 6" : "true");
            return Outcome.ok(null);
        };
        try (SshSessions sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE))) {
            // connect first, so that the timed run measures the commands and not the handshakes
            new FanOut(sessions).run(five, ctx -> Outcome.ok(ctx.session()), FanOutListener.NONE);
            List<HostResult<Void>> results = new FanOut(sessions, 16, Duration.ofSeconds(2)).run(five, action, FanOutListener.NONE);
            for (int i = 0; i < 5; i++) {
                assertEquals(i == 2 ? Status.FAILED : Status.OK, results.get(i).status(), results.get(i).line());
            }
            assertEquals("timed out after 2s", results.get(2).reason());
        }
    }

    @Test
    void cancellingFailsTheRunningHostAndSkipsTheRest() throws Exception {
        List<Host> four = hosts.subList(10, 14);
        CountDownLatch started = new CountDownLatch(1);
        HostAction<Void> action = ctx -> {
            ctx.session();
            started.countDown();
            while (!ctx.cancelled()) {
                Thread.onSpinWait();
            }
            ctx.checkCancelled();
            return Outcome.ok(null);
        };
        try (SshSessions sessions = new SshSessions(bed.options(NewHostKeyPolicy.REFUSE))) {
            FanOut.Run<Void> run = new FanOut(sessions, 1, Duration.ofMinutes(1)).start(four, action, FanOutListener.NONE);
            assertTrue(started.await(30, TimeUnit.SECONDS));
            run.cancel();
            List<HostResult<Void>> results = run.await();
            assertEquals(Status.FAILED, results.get(0).status());
            assertEquals("cancelled", results.get(0).reason());
            for (HostResult<Void> r : results.subList(1, 4)) {
                assertEquals(Status.FAILED, r.status());
                assertEquals("cancelled before it started", r.reason());
            }
        }
    }
}
