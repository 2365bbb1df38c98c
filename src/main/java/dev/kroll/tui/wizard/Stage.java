package dev.kroll.tui.wizard;

/** The wizard's steps, in the order a first-time setup goes through them. */
public enum Stage {
    INVENTORY("Inventory", "Read and check the inventory: hosts, roles, overrides.", false, false),
    PREFLIGHT("Facts & preflight", "Read each host's memory, CPUs, Java and ports over SSH; change nothing.", false, false),
    PLAN("Plan", "Assign stable broker and ZooKeeper IDs, size heaps, render every config file locally.", false, false),
    CERTIFICATES("Certificates", "Create the cluster CA (once) and issue a keystore per host on this machine.", false, true),
    DISTRIBUTION("Distribution", "Install Kafka and upload configs, keystores and units to every host.", false, true),
    BRING_UP("Cluster bring-up", "Start the ZooKeeper ensemble, wait for quorum, start the brokers on PLAINTEXT.", true, true),
    SSL_MIGRATION("SSL migration", "Three rolls, one broker at a time behind health gates: add SSL, move "
            + "inter-broker traffic to SSL, close PLAINTEXT.", true, true),
    DASHBOARD("Dashboard", "Watch the cluster live.", false, false);

    private final String title;
    private final String what;
    private final boolean restarts;
    private final boolean overwrites;

    Stage(String title, String what, boolean restarts, boolean overwrites) {
        this.title = title;
        this.what = what;
        this.restarts = restarts;
        this.overwrites = overwrites;
    }

    public String title() {
        return title;
    }

    /** What the step does, in one sentence. */
    public String what() {
        return what;
    }

    /** Restarts or starts services on hosts. */
    public boolean restarts() {
        return restarts;
    }

    /** Writes files (on hosts, or secrets on this machine). */
    public boolean overwrites() {
        return overwrites;
    }

    /** Needs the operator's confirmation before it runs. */
    public boolean needsConfirmation() {
        return restarts || overwrites;
    }

    /** Touches hosts or secrets: hidden under --readonly. */
    public boolean changesHosts() {
        return restarts || overwrites;
    }
}
