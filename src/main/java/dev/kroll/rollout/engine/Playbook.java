package dev.kroll.rollout.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A loaded playbook: its steps flattened (includes expanded), so a step's index names it for the
 * journal.
 *
 * @param source where it was read from (a path, or {@code builtin:<name>})
 */
public record Playbook(String name, String source, String description, Map<String, ParamSpec> params, List<Step> steps) {

    public Playbook {
        params = Map.copyOf(params);
        steps = List.copyOf(steps);
    }

    /** A parameter the playbook declares, e.g. {@code restart-zookeeper} (default false). */
    public record ParamSpec(String name, String defaultValue, String description) {
    }

    /** Digest of the steps and parameter values; a resume refuses when it changed. */
    public String fingerprint(RunParams values) {
        StringBuilder sb = new StringBuilder(name).append('\n');
        for (Step s : steps) {
            sb.append(s.header().type()).append(' ').append(s.describe()).append(" when=").append(s.header().when()).append('\n');
        }
        values.values().forEach((k, v) -> sb.append(k).append('=').append(v).append('\n'));
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(sb.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(d, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public boolean enabled(Step s, RunParams values) {
        return s.header().when().stream().allMatch(values::isTrue);
    }
}
