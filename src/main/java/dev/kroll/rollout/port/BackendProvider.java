package dev.kroll.rollout.port;

import dev.kroll.inventory.Inventory;
import java.io.IOException;

/**
 * Makes the {@link Backend} for an inventory. Found with {@link java.util.ServiceLoader}; the
 * command line picks the provider named by the system property {@code kroll.backend} (default
 * {@code ssh}, the real one: SSH, AdminClient, JMX).
 */
public interface BackendProvider {

    String name();

    OpenBackend open(Inventory inventory) throws IOException;

    /**
     * Like {@link #open(Inventory)}, asking the operator through {@code prompts} (SSH host keys seen for the
     * first time, the CA passphrase). A backend that needs neither ignores them.
     */
    default OpenBackend open(Inventory inventory, Prompts prompts) throws IOException {
        return open(inventory);
    }

    /** A backend with the connections it holds; closing it closes them. */
    record OpenBackend(Backend backend, AutoCloseable resources) implements AutoCloseable {

        @Override
        public void close() throws Exception {
            if (resources != null) {
                resources.close();
            }
        }
    }
}
