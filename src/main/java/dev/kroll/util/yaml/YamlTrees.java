package dev.kroll.util.yaml;

import dev.kroll.util.KrollException;
import dev.kroll.util.Problem;
import dev.kroll.util.SourcePos;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * Parses YAML into {@link YNode} trees with positions. Syntax errors and duplicate keys become a
 * one-line {@link KrollException} (exit 2) naming file, line and column.
 */
public final class YamlTrees {

    private YamlTrees() {
    }

    public static YNode read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw KrollException.badInput(file + ": file not found — check the path, or create it with 'kroll inventory import'");
        } catch (IOException e) {
            throw KrollException.badInput(file + ": cannot read (" + e.getMessage() + ")");
        }
        return parse(text, file);
    }

    /** Parses one YAML document; an empty document is an empty mapping. */
    public static YNode parse(String text, Path file) {
        LoadSettings settings = LoadSettings.builder().setLabel(file == null ? "input" : file.toString())
                .setAllowDuplicateKeys(true) // we report duplicates ourselves, with both positions
                .build();
        try {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, text)));
            Optional<Node> root = composer.getSingleNode();
            if (root.isEmpty()) {
                return YMap.empty(SourcePos.of(file, 1, 1));
            }
            return convert(root.get(), file);
        } catch (MarkedYamlEngineException e) {
            SourcePos pos = e.getProblemMark().map(m -> at(file, m)).orElse(SourcePos.file(file));
            String what = e.getProblem() == null ? "malformed YAML" : e.getProblem();
            throw KrollException.badInput(Problem.error(pos, "invalid YAML: " + what,
                    "fix the syntax at this position (indentation, a missing ':' or an unclosed quote are the usual causes)"));
        } catch (YamlEngineException e) {
            throw KrollException.badInput(Problem.error(SourcePos.file(file), "invalid YAML: " + e.getMessage(), "fix the file's syntax"));
        }
    }

    private static YNode convert(Node node, Path file) {
        SourcePos pos = node.getStartMark().map(m -> at(file, m)).orElse(SourcePos.file(file));
        if (node instanceof ScalarNode s) {
            boolean isNull = Tag.NULL.equals(s.getTag());
            return new YScalar(isNull ? null : s.getValue(), pos);
        }
        if (node instanceof SequenceNode seq) {
            List<YNode> items = new ArrayList<>();
            for (Node n : seq.getValue()) {
                items.add(convert(n, file));
            }
            return new YList(items, pos);
        }
        MappingNode map = (MappingNode) node;
        Map<String, YMap.Entry> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            Node k = t.getKeyNode();
            SourcePos keyPos = k.getStartMark().map(m -> at(file, m)).orElse(pos);
            if (!(k instanceof ScalarNode ks)) {
                throw KrollException.badInput(Problem.error(keyPos, "a key must be a plain word", "write the key as text"));
            }
            YMap.Entry previous = entries.get(ks.getValue());
            if (previous != null) {
                throw KrollException.badInput(Problem.error(keyPos,
                        "duplicate key '" + ks.getValue() + "' (first at line " + previous.keyPos().line() + ")",
                        "keep one of them"));
            }
            entries.put(ks.getValue(), new YMap.Entry(ks.getValue(), keyPos, convert(t.getValueNode(), file)));
        }
        return new YMap(entries, pos);
    }

    private static SourcePos at(Path file, Mark m) {
        return SourcePos.of(file, m.getLine() + 1, m.getColumn() + 1);
    }
}
