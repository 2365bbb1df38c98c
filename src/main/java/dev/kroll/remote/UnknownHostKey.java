package dev.kroll.remote;

/**
 * A host presented a key that no known_hosts file lists for it.
 *
 * @param host        the host's inventory name
 * @param address     the address kroll connected to
 * @param port        the SSH port
 * @param keyType     e.g. {@code ssh-ed25519}
 * @param fingerprint {@code SHA256:…}, to compare with {@code ssh-keygen -lf /etc/ssh/ssh_host_ed25519_key.pub} on the host
 */
public record UnknownHostKey(String host, String address, int port, String keyType, String fingerprint) {
}
