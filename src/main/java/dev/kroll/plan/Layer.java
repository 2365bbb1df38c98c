package dev.kroll.plan;

/** Where an effective configuration value came from, lowest first: higher layers override lower ones. */
public enum Layer {
    DEFAULT("kroll default"),
    CLUSTER("cluster"),
    GROUP("group"),
    HOST("host"),
    /** Computed by kroll from the inventory (IDs, listeners, paths, the ensemble, the broker count). */
    DERIVED("derived");

    private final String label;

    Layer(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Layers the operator writes (and that may therefore hold mistakes to report). */
    public boolean isInventory() {
        return this == CLUSTER || this == GROUP || this == HOST;
    }
}
