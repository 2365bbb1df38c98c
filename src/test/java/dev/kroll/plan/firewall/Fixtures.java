package dev.kroll.plan.firewall;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KrollYaml;
import java.net.URISyntaxException;
import java.nio.file.Path;

final class Fixtures {

    private Fixtures() {
    }

    static Inventory orders() {
        try {
            return KrollYaml.load(Path.of(Fixtures.class.getResource("/around/cluster.yaml").toURI()));
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
