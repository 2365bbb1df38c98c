package dev.kroll.remote;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.kroll.util.Files2;
import dev.kroll.util.KrollException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code .kroll/facts.json}: the last facts gathered per host, so that planning (heap from RAM) works without
 * SSH. Saving merges: gathering a few hosts keeps the others' facts.
 */
public final class FactsStore {

    public static final String FILE = "facts.json";

    private static final ObjectMapper JSON = JsonMapper.builder().build()
            .enable(SerializationFeature.INDENT_OUTPUT).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private FactsStore() {
    }

    public static Path file(Path stateDir) {
        return stateDir.resolve(FILE);
    }

    /** Facts by host name; empty when none were gathered yet. */
    public static Map<String, HostFacts> load(Path stateDir) {
        Path f = file(stateDir);
        if (!Files.exists(f)) {
            return new TreeMap<>();
        }
        try {
            return new TreeMap<>(JSON.readValue(f.toFile(), new TypeReference<Map<String, HostFacts>>() { }));
        } catch (IOException e) {
            throw KrollException.badInput(f + " cannot be read (" + dev.kroll.util.Errors.message(e) + ") — delete it and run 'kroll facts' again");
        }
    }

    public static void save(Path stateDir, Collection<HostFacts> facts) throws IOException {
        Map<String, HostFacts> all = load(stateDir);
        facts.forEach(f -> all.put(f.host(), f));
        Files2.privateDir(stateDir);
        Files2.writeAtomically(file(stateDir), toJson(all).getBytes(java.nio.charset.StandardCharsets.UTF_8), null);
    }

    public static String toJson(Object value) throws IOException {
        return JSON.writeValueAsString(value) + "\n";
    }
}
