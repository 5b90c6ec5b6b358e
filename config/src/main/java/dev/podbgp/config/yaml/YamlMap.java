package dev.podbgp.config.yaml;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;

/**
 * A YAML mapping whose keys were checked against the keys a section allows: unknown keys
 * (with a suggestion), duplicate keys and non-text keys are reported when it is built.
 */
public final class YamlMap {
    private final MappingNode node;
    private final String path;
    private final Diagnostics diagnostics;
    private final Map<String, YamlValue> values = new LinkedHashMap<>();

    private YamlMap(MappingNode node, String path, Diagnostics diagnostics) {
        this.node = node;
        this.path = path;
        this.diagnostics = diagnostics;
    }

    /** A section with fixed keys. */
    static YamlMap of(MappingNode node, String path, Diagnostics diagnostics, Set<String> allowed) {
        YamlMap map = new YamlMap(node, path, diagnostics);
        map.read(allowed);
        return map;
    }

    /** A mapping whose keys are names chosen by the operator (policy names). */
    static YamlMap named(MappingNode node, String path, Diagnostics diagnostics) {
        YamlMap map = new YamlMap(node, path, diagnostics);
        map.read(null);
        return map;
    }

    private void read(Set<String> allowed) {
        Map<String, Node> firstKey = new LinkedHashMap<>();
        for (NodeTuple t : node.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode key)) {
                diagnostics.error(t.getKeyNode(), path, "a key must be plain text");
                continue;
            }
            String name = key.getValue();
            String childPath = child(name);
            Node first = firstKey.putIfAbsent(name, key);
            if (first != null) {
                // YAML 1.2 §3.2.1.1 requires unique keys; SnakeYAML would silently keep the last one.
                diagnostics.error(key, childPath, "duplicate key '" + name + "' (first at line "
                        + (first.getStartMark().getLine() + 1) + ")");
                continue;
            }
            if (allowed != null && !allowed.contains(name)) {
                String hint = Suggestions.closest(name, allowed)
                        .map(s -> ", did you mean '" + s + "'?")
                        .orElse("; expected one of: " + String.join(", ", allowed));
                diagnostics.error(key, childPath, "unknown key '" + name + "'" + hint);
                continue;
            }
            values.put(name, new YamlValue(t.getValueNode(), key, childPath, diagnostics));
        }
    }

    private String child(String key) {
        return path.isEmpty() ? key : path + "." + key;
    }

    /** The value of a key; absent when missing or written as null ({@code key:} with nothing after it). */
    public Optional<YamlValue> get(String key) {
        YamlValue v = values.get(key);
        return v == null || v.isNull() ? Optional.empty() : Optional.of(v);
    }

    /** The value, or an error "required" placed at this mapping. */
    public Optional<YamlValue> required(String key) {
        Optional<YamlValue> v = get(key);
        if (v.isEmpty()) {
            diagnostics.error(node, child(key), "required");
        }
        return v;
    }

    /** Keys in file order with their values (for mappings of named entries). */
    public List<Map.Entry<String, YamlValue>> entries() {
        return new ArrayList<>(values.entrySet());
    }

    public Set<String> keys() {
        return new LinkedHashSet<>(values.keySet());
    }

    public Node node() {
        return node;
    }

    public String path() {
        return path;
    }

    public Diagnostics diagnostics() {
        return diagnostics;
    }

    public void error(String message) {
        diagnostics.error(node, path, message);
    }
}
