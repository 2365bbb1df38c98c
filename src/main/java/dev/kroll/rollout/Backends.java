package dev.kroll.rollout;

import dev.kroll.inventory.Inventory;
import dev.kroll.rollout.port.BackendProvider;
import dev.kroll.rollout.port.BackendProvider.OpenBackend;
import dev.kroll.rollout.port.Prompts;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/** Finds the backend provider to run playbooks with. */
public final class Backends {

    public static final String PROPERTY = "kroll.backend";
    public static final String DEFAULT = "ssh";

    private Backends() {
    }

    /** The backend for {@code inventory}; unknown SSH host keys are refused, the CA passphrase read from the terminal. */
    public static OpenBackend open(Inventory inventory) {
        return open(inventory, Prompts.COMMAND_LINE);
    }

    /** The backend for {@code inventory}, asking the operator through {@code prompts}. */
    public static OpenBackend open(Inventory inventory, Prompts prompts) {
        String name = System.getProperty(PROPERTY, DEFAULT);
        List<String> known = new ArrayList<>();
        for (BackendProvider p : ServiceLoader.load(BackendProvider.class)) {
            if (p.name().equals(name)) {
                try {
                    return p.open(inventory, prompts);
                } catch (IOException e) {
                    throw KrollException.failure("cannot reach the cluster: " + e.getMessage(), e);
                }
            }
            known.add(p.name());
        }
        if (name.equals(DEFAULT)) {
            throw KrollException.failure("this build of kroll cannot run playbooks against hosts yet: the SSH/AdminClient backend"
                    + " (dev.kroll.remote and dev.kroll.probe) is not wired into dev.kroll.rollout", null);
        }
        throw KrollException.failure("no backend '" + name + "' (-D" + PROPERTY + "); available: " + (known.isEmpty() ? "none" : String.join(", ", known)), null);
    }
}
