package dev.kroll.sandbox;

import java.nio.file.Path;

/**
 * Where a sandbox keeps everything, all under one root:
 * <pre>
 * root/
 *   cluster.yaml            the inventory kroll is pointed at
 *   .kroll/known_hosts      the simulated hosts' SSH host keys (kroll's strict host-key checking reads it)
 *   ssh/client_key[.pub]    the key kroll logs in with (0600), ssh/authorized_keys, ssh/host-keys/NAME
 *   sandbox.pid             the JVM that runs the SSH servers (the demo, or a test)
 *   hosts/NAME/             one host's own tree: its SSH login and HOME directory
 * </pre>
 */
public record SandboxLayout(Path root) {

    public SandboxLayout {
        root = root.toAbsolutePath().normalize();
    }

    public Path inventory() {
        return root.resolve("cluster.yaml");
    }

    public Path stateDir() {
        return root.resolve(".kroll");
    }

    public Path knownHosts() {
        return stateDir().resolve("known_hosts");
    }

    public Path sshDir() {
        return root.resolve("ssh");
    }

    public Path clientKey() {
        return sshDir().resolve("client_key");
    }

    public Path clientPublicKey() {
        return sshDir().resolve("client_key.pub");
    }

    public Path authorizedKeys() {
        return sshDir().resolve("authorized_keys");
    }

    public Path hostKey(String host) {
        return sshDir().resolve("host-keys").resolve(host);
    }

    public Path ownerPidFile() {
        return root.resolve("sandbox.pid");
    }

    public Path hostsDir() {
        return root.resolve("hosts");
    }

    /** The host's tree: its login directory and HOME. */
    public Path home(String host) {
        return hostsDir().resolve(host);
    }
}
