package dev.kroll.inventory;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.regex.Pattern;

/**
 * The loopback address a host's JMX (Kafka and ZooKeeper) binds to and names in its RMI stubs. Pure.
 *
 * <p>Each host gets its own address in 127.0.0.0/8, derived from its name: a JMX client meets the
 * address twice, once in its own URL and once in the stub the RMI registry hands back (that stub is
 * what {@code java.rmi.server.hostname} sets). If every broker announced 127.0.0.1:9999, a client on
 * the jump host holding one SSH forward per broker could not tell them apart: the JDK's RMI runtime
 * identifies and pools connections by the stub's host and port alone. With one address per host,
 * kroll routes each stub's endpoint to that broker's own forward, and local clients on the host (the
 * Datadog Agent, {@code kafka-run-class.sh kafka.tools.JmxTool}) still connect, because Linux answers
 * on all of 127/8 without set-up. A host whose own address is already a loopback address (the
 * sandbox's simulated hosts) keeps that address.
 */
public final class JmxLoopback {

    private static final Pattern LOOPBACK_V4 = Pattern.compile("127(\\.\\d{1,3}){3}");

    private JmxLoopback() {
    }

    /**
     * {@code 127.a.b.c} from the SHA-256 of the host's name: a and c in 1..254, so it is never
     * 127.0.0.1 nor a .0/.255 address; stable across runs and machines.
     */
    public static String address(Host host) {
        String a = host.address();
        if (a != null && (LOOPBACK_V4.matcher(a).matches() || a.equals("::1"))) {
            return a;
        }
        byte[] h = sha256(host.name());
        return "127." + (1 + Byte.toUnsignedInt(h[0]) % 254) + "." + Byte.toUnsignedInt(h[1]) + "." + (1 + Byte.toUnsignedInt(h[2]) % 254);
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
