package dev.kroll.inventory;

/**
 * What brokers advertise to clients: the host's name (production, DNS) or its address (the sandbox,
 * whose names resolve nowhere). Certificates carry both either way, so hostname verification stays on.
 */
public enum Advertise {
    NAME, ADDRESS;

    /** The host string clients connect to for {@code host}. */
    public String of(Host host) {
        return this == NAME ? host.name() : host.address();
    }
}
