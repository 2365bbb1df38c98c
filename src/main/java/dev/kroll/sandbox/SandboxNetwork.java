package dev.kroll.sandbox;

import dev.kroll.inventory.Ports;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Gives each simulated host its own loopback address, so that every host uses the production ports:
 * host i of slot s is {@code 127.0.s.(10+i)} (Linux routes all of 127/8 to the loopback interface without
 * set-up). Where such aliases cannot be bound (macOS without {@code ifconfig lo0 alias}), every host shares
 * {@code 127.0.0.1} and gets its own ports instead: each port + 10 × host index + 100 × slot.
 * The demo uses slot 0 ({@code 127.0.0.10}…); tests take the first free slot from 1 on, so they never
 * collide with a running demo or with each other.
 */
public final class SandboxNetwork {

    /** The SSH port of every host when it has its own address (unprivileged, so no root is needed). */
    public static final int SSH_PORT = 2222;
    /** At most this many hosts: 127.0.s.10 to 127.0.s.18, and per-host port offsets below 100. */
    public static final int MAX_HOSTS = 9;
    /** Forces the shared-address fallback (to test it where aliases work): {@code -Dkroll.sandbox.aliases=false}. */
    public static final String ALIASES_PROPERTY = "kroll.sandbox.aliases";
    /** Slots usable in the fallback before port offsets reach the next service's port (2888 + 1000 = 3888). */
    static final int MAX_SHARED_SLOTS = 9;

    /** The sandbox's ZooKeeper admin server is off: the distribution holds no Jetty, and nothing needs it. */
    static final Ports SANDBOX_PORTS = new Ports(2181, 2888, 3888, 0, 9092, 9093, 9999, 9998);

    public enum Mode {
        /** One loopback address per host, production ports. */
        ALIASES,
        /** All hosts on 127.0.0.1, distinct ports per host. */
        SHARED_ADDRESS
    }

    private SandboxNetwork() {
    }

    /** Whether this machine lets a process bind loopback addresses other than 127.0.0.1 (and the property allows it). */
    public static Mode detectMode() {
        if ("false".equalsIgnoreCase(System.getProperty(ALIASES_PROPERTY))) {
            return Mode.SHARED_ADDRESS;
        }
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName("127.0.0.10"), 0), 1);
            return Mode.ALIASES;
        } catch (IOException e) {
            return Mode.SHARED_ADDRESS;
        }
    }

    public static String hostName(int index) {
        return "kroll-sandbox-" + (index + 1);
    }

    /** The endpoints of {@code hosts} hosts in {@code slot}. Pure. */
    public static List<HostEndpoint> plan(int hosts, int slot, Mode mode) {
        if (hosts < 1 || hosts > MAX_HOSTS) {
            throw KrollException.badInput("a sandbox has 1 to " + MAX_HOSTS + " hosts, not " + hosts);
        }
        List<HostEndpoint> out = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            if (mode == Mode.ALIASES) {
                out.add(new HostEndpoint(i, hostName(i), "127.0." + slot + "." + (10 + i), SSH_PORT, SANDBOX_PORTS));
            } else {
                int off = 100 * slot + 10 * i;
                Ports p = SANDBOX_PORTS;
                out.add(new HostEndpoint(i, hostName(i), "127.0.0.1", SSH_PORT + off,
                        new Ports(p.zookeeperClient() + off, p.zookeeperPeer() + off, p.zookeeperElection() + off, 0,
                                p.kafkaPlaintext() + off, p.kafkaSsl() + off, p.kafkaJmx() + off, p.zookeeperJmx() + off)));
            }
        }
        return out;
    }

    public static int maxSlots(Mode mode) {
        return mode == Mode.ALIASES ? 250 : MAX_SHARED_SLOTS;
    }

    /** The first address:port of these endpoints that something else already listens on. */
    public static Optional<String> firstBusy(List<HostEndpoint> endpoints) {
        for (HostEndpoint e : endpoints) {
            for (int port : e.allPorts()) {
                if (!free(e.address(), port)) {
                    return Optional.of(e.address() + ":" + port);
                }
            }
        }
        return Optional.empty();
    }

    static boolean free(String address, int port) {
        try (ServerSocket s = new ServerSocket()) {
            s.bind(new InetSocketAddress(InetAddress.getByName(address), port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
