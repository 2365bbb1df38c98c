package dev.kroll.pki;

import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import dev.kroll.util.yaml.Fields;
import dev.kroll.util.yaml.YMap;
import dev.kroll.util.yaml.YNode;
import dev.kroll.util.yaml.YamlTrees;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The inventory's optional {@code tls:} section: {@code keystore_type: pkcs12|jks|pem} fixes the store
 * format for the whole cluster (the broker configuration must name the same one), so it wins over
 * {@code --store-type}.
 */
public record TlsSettings(StoreType keystoreType, SourcePos pos) {

    static final Set<String> KEYS = Set.of("keystore_type");

    /** Reads {@code tls.keystore_type} from the inventory file; empty when not set. Exit 2 with file:line when wrong. */
    public static Optional<TlsSettings> read(Path inventoryFile) {
        return from(YamlTrees.read(inventoryFile));
    }

    static Optional<TlsSettings> from(YNode root) {
        if (!(root instanceof YMap top) || top.get("tls").isEmpty()) {
            return Optional.empty();
        }
        List<Problem> problems = new ArrayList<>();
        Fields tls = new Fields(Fields.asMap(top.get("tls").get(), "tls", problems), "tls", KEYS, problems);
        Optional<String> type = tls.string("keystore_type");
        Optional<TlsSettings> result = Optional.empty();
        if (type.isPresent()) {
            Optional<StoreType> t = StoreType.parse(type.get());
            if (t.isEmpty()) {
                problems.add(Problem.error(tls.pos("keystore_type"), "unknown keystore_type '" + type.get() + "'",
                        "use one of " + StoreType.choices()));
            } else {
                result = Optional.of(new TlsSettings(t.get(), tls.pos("keystore_type")));
            }
        }
        if (!problems.isEmpty()) {
            throw KrollException.badInput(problems);
        }
        return result;
    }

    /**
     * The store type to use: the inventory's when set, else {@code option}, else PKCS12. An option that
     * contradicts the inventory is an error rather than silently ignored.
     */
    public static StoreType choose(Optional<TlsSettings> inventory, StoreType option) {
        if (inventory.isPresent()) {
            TlsSettings t = inventory.get();
            if (option != null && option != t.keystoreType()) {
                throw KrollException.badInput(Problem.error(t.pos(), "--store-type " + option + " contradicts tls.keystore_type "
                        + t.keystoreType(), "drop --store-type, or change keystore_type here (then re-issue and redistribute)"));
            }
            return t.keystoreType();
        }
        return option == null ? StoreType.DEFAULT : option;
    }
}
