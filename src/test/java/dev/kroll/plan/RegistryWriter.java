package dev.kroll.plan;

import java.nio.file.Path;
import java.util.TreeMap;

/**
 * Child process for {@link IdRegistryCrashIT}: saves ever larger registries as fast as it can and
 * prints the number of hosts after each save, until killed (or after a bounded number of saves).
 */
public final class RegistryWriter {

    private RegistryWriter() {
    }

    public static void main(String[] args) {
        IdRegistryStore store = new IdRegistryStore(Path.of(args[0]));
        TreeMap<String, Integer> hosts = new TreeMap<>();
        for (int n = 1; n <= 100_000; n++) {
            hosts.put(String.format("kafka%06d.example.com", n), n);
            store.save(new IdRegistry("crash", new IdTable(hosts, new TreeMap<>()), IdTable.EMPTY));
            System.out.println(n);
            System.out.flush();
        }
    }
}
