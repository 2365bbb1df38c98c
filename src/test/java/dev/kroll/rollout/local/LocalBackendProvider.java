package dev.kroll.rollout.local;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.port.BackendProvider;

/** {@code -Dkroll.backend=local}: the command line drives a {@link LocalCluster} beside the inventory (tests only). */
public final class LocalBackendProvider implements BackendProvider {

    @Override
    public String name() {
        return "local";
    }

    @Override
    public OpenBackend open(Inventory inventory) {
        return new OpenBackend(LocalCluster.attach(inventory).backend(), null);
    }
}
