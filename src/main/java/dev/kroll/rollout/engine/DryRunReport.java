package dev.kroll.rollout.engine;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything a run would do, collected by {@code --dry-run}: a unified diff per file that would
 * change (secrets named, never shown), every start and restart, and notes. It keeps the files as
 * earlier steps would have left them, so the second of three rolls is diffed against the first.
 */
public final class DryRunReport {

    /** One thing the run would do. */
    public sealed interface Item {
        int step();
    }

    /** @param diff a unified diff, or null for a secret file */
    public record FileChange(int step, String host, String path, boolean created, boolean secret, String diff) implements Item {
    }

    public record ServiceAction(int step, String host, String service, String verb, String why) implements Item {
    }

    public record Note(int step, String host, String text) implements Item {
    }

    private final List<Item> items = new ArrayList<>();
    private final Map<String, byte[]> virtual = new HashMap<>();

    synchronized boolean known(String host, String path) {
        return virtual.containsKey(host + ":" + path);
    }

    synchronized byte[] current(String host, String path) {
        return virtual.get(host + ":" + path);
    }

    /** Records the change from {@code before} (null: absent) to {@code after}; nothing when equal. */
    synchronized void file(int step, String host, String path, byte[] before, byte[] after, boolean secret) {
        virtual.put(host + ":" + path, after);
        if (before != null && Arrays.equals(before, after)) {
            return;
        }
        String diff = secret ? null : unified(host + ":" + path, before, after);
        items.add(new FileChange(step, host, path, before == null, secret, diff));
    }

    synchronized void remember(String host, String path, byte[] content) {
        virtual.put(host + ":" + path, content);
    }

    synchronized void add(Item item) {
        items.add(item);
    }

    public synchronized List<Item> items() {
        return List.copyOf(items);
    }

    public synchronized List<FileChange> fileChanges() {
        return items.stream().filter(FileChange.class::isInstance).map(FileChange.class::cast).toList();
    }

    public synchronized List<ServiceAction> serviceActions() {
        return items.stream().filter(ServiceAction.class::isInstance).map(ServiceAction.class::cast).toList();
    }

    private static String unified(String name, byte[] before, byte[] after) {
        List<String> a = before == null ? List.of() : lines(before);
        List<String> b = lines(after);
        List<String> out = UnifiedDiffUtils.generateUnifiedDiff(before == null ? "/dev/null" : name, name, a, DiffUtils.diff(a, b), 3);
        return String.join("\n", out);
    }

    private static List<String> lines(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8).lines().toList();
    }
}
