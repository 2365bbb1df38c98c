package dev.kroll.pki;

import dev.kroll.inventory.Inventory;
import dev.kroll.inventory.KeystoreType;
import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YamlTrees;
import java.util.Optional;

/**
 * Which store format to write. The inventory's {@code tls.keystore_type}, when it is written there, fixes
 * it for the whole cluster (the rendered broker configuration names the same one), so it wins over
 * {@code --store-type}; a contradicting option is an error rather than silently ignored.
 */
public final class KeystoreTypeChoice {

    private KeystoreTypeChoice() {
    }

    /** The type to issue: the inventory's if written, else {@code option}, else PKCS12. */
    public static KeystoreType choose(Inventory inventory, KeystoreType option) {
        return configured(inventory, option).orElse(KeystoreType.PKCS12);
    }

    /** The type the cluster is configured for, if the inventory or {@code option} names one. */
    public static Optional<KeystoreType> configured(Inventory inventory, KeystoreType option) {
        Optional<SourcePos> written = inventory.file() == null ? Optional.empty() : position(YamlTrees.read(inventory.file()));
        if (written.isEmpty()) {
            return Optional.ofNullable(option);
        }
        KeystoreType type = inventory.tls().keystoreType();
        if (option != null && option != type) {
            throw KrollException.badInput(Problem.error(written.get(), "--store-type " + option + " contradicts tls.keystore_type " + type,
                    "drop --store-type, or change keystore_type here (then re-issue and redistribute)"));
        }
        return Optional.of(type);
    }

    /** Where {@code tls.keystore_type} is written, if it is. */
    static Optional<SourcePos> position(YNode root) {
        if (root instanceof YMap top && top.get("tls").orElse(null) instanceof YMap tls) {
            YMap.Entry e = tls.entries().get("keystore_type");
            return e == null ? Optional.empty() : Optional.of(e.value().pos());
        }
        return Optional.empty();
    }
}
