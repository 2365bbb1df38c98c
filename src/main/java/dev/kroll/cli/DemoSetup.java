package dev.kroll.cli;

import dev.kroll.inventory.Host;
import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.Role;
import dev.kroll.rollout.Backends;
import dev.kroll.rollout.Rollout;
import dev.kroll.rollout.engine.Playbook;
import dev.kroll.rollout.engine.RunParams;
import dev.kroll.rollout.engine.RunResult;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.rollout.wire.PkiCerts;
import dev.kroll.sandbox.KafkaDistribution;
import dev.kroll.sandbox.Sandbox;
import dev.kroll.util.Files2;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * {@code kroll demo --headless}: the shipped {@code first-time-setup} playbook on the sandbox through the
 * same engine and backends as {@code kroll run}, each step printed, then a short summary of what runs and
 * how to reach it. The sandbox's CA passphrase is generated into a 0600 file of its state directory and
 * handed to the backend by path: never on a command line, never in a log.
 */
final class DemoSetup {

    static final String PLAYBOOK = "first-time-setup";
    static final String PASSPHRASE_FILE = "ca-passphrase";

    private DemoSetup() {
    }

    /** Runs the playbook; the exit code of the run. */
    static int run(Sandbox sandbox, KafkaDistribution dist, PrintWriter out, PrintWriter err) throws IOException, InterruptedException {
        Inventory inv = sandbox.inventory();
        RunSupport.caPasswordFile(passphraseFile(sandbox.layout().stateDir()));
        Rollout offline = Rollout.offline(inv);
        Playbook pb = offline.load(PLAYBOOK);
        RunParams params = offline.params(pb, Map.of("kafka-distribution", dist.tarball().toString()));
        out.println("running " + PLAYBOOK + " on the sandbox (kroll run " + PLAYBOOK + " -i " + sandbox.layout().inventory() + ")");
        out.flush();
        long t0 = System.nanoTime();
        OpenBackend backend = Backends.open(inv);
        RunResult r;
        try {
            r = RunSupport.online(inv, backend, "500ms").run(pb, params, new EventPrinter(out));
        } finally {
            RunSupport.close(backend);
        }
        int code = RunSupport.finish(r, sandbox.layout().inventory(), err);
        if (code == 0) {
            summary(sandbox, (System.nanoTime() - t0) / 1_000_000_000L, out);
        }
        return code;
    }

    /** The sandbox CA's passphrase: made once (random, 0600), kept with the sandbox's CA so a restart can use it again. */
    static Path passphraseFile(Path stateDir) throws IOException {
        Path f = stateDir.resolve(PASSPHRASE_FILE);
        if (!Files.exists(f)) {
            byte[] random = new byte[32];
            new SecureRandom().nextBytes(random);
            Files2.privateDir(stateDir);
            Files2.writeAtomically(f, (Base64.getUrlEncoder().withoutPadding().encodeToString(random) + "\n").getBytes(StandardCharsets.US_ASCII),
                    Files2.OWNER_ONLY);
        }
        return f;
    }

    private static void summary(Sandbox sandbox, long seconds, PrintWriter out) {
        Inventory inv = sandbox.inventory();
        Path root = sandbox.layout().root();
        String zk = inv.hosts(Role.ZOOKEEPER).stream().map(h -> h.address() + ":" + h.ports().zookeeperClient()).collect(Collectors.joining(","));
        String ssl = inv.hosts(Role.KAFKA).stream().map(h -> h.address() + ":" + h.ports().kafkaSsl()).collect(Collectors.joining(","));
        Path client = inv.stateDir().resolve("pki/clients/" + PkiCerts.ADMIN + "/client-ssl.properties");
        Host first = inv.hosts(Role.KAFKA).get(0);
        out.println();
        out.println("first-time-setup passed in " + seconds + " s on " + inv.hosts().size() + " sandbox hosts:");
        out.println("  ZooKeeper ensemble of " + inv.hosts(Role.ZOOKEEPER).size() + "  " + zk);
        out.println("  Kafka, " + inv.hosts(Role.KAFKA).size() + " brokers on SSL only (client certificate required, PLAINTEXT closed)  " + ssl);
        out.println("connect with the client settings kroll made for itself (keystore, truststore, passwords; 0600):");
        out.println("  " + client);
        // the sandbox's distribution carries only the server scripts: the client tools come with Apache's tarball
        out.println("  e.g. with Apache Kafka's tools (release tarball): kafka-console-producer.sh --bootstrap-server " + first.address() + ":" + first.ports().kafkaSsl()
                + " --producer.config " + client + " --topic demo");
        out.println("  kroll status -i " + sandbox.layout().inventory() + "   (or 'kroll tui -i …' for the live dashboard)");
        out.flush();
    }

    /** How to stop: printed last, once it is known whether the sandbox keeps running. */
    static void howToStop(Sandbox sandbox, boolean keepRunning, PrintWriter out) {
        if (keepRunning) {
            out.println("running until Ctrl-C (or 'kroll demo stop --dir " + sandbox.layout().root() + "' from another terminal),"
                    + " which stops every process of the sandbox");
        } else {
            out.println("stopping the sandbox and every process it started (--keep-running keeps it running)");
        }
        out.flush();
    }
}
