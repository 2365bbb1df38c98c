package dev.kroll.inventory;

/**
 * How kroll reaches a host: user, port, private key file (null: the SSH agent and the default keys),
 * and whether to become root with non-interactive sudo for root-owned paths and services.
 */
public record SshSettings(String user, int port, String keyFile, boolean become) {

    public static final SshSettings DEFAULT = new SshSettings(System.getProperty("user.name", "root"), 22, null, false);

    public SshSettings withUser(String u) {
        return new SshSettings(u, port, keyFile, become);
    }

    public SshSettings withPort(int p) {
        return new SshSettings(user, p, keyFile, become);
    }

    public SshSettings withKeyFile(String k) {
        return new SshSettings(user, port, k, become);
    }

    public SshSettings withBecome(boolean b) {
        return new SshSettings(user, port, keyFile, b);
    }
}
