package dev.podbgp.config.yaml;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeId;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value in the file with its place. Each accessor reads it as one strict type and records an
 * error (returning empty) when it is something else; scalars are read from their text, never from
 * YAML 1.1's guesses, so {@code no} is not {@code false} and {@code 010} is not octal.
 */
public record YamlValue(Node node, Node keyNode, String path, Diagnostics diagnostics) {

    boolean isNull() {
        return node instanceof ScalarNode s && s.getTag().equals(Tag.NULL);
    }

    public void error(String message) {
        diagnostics.error(node, path, message);
    }

    public void warning(String message) {
        diagnostics.warning(node, path, message);
    }

    /** The key's place, for problems with the entry as a whole (a duplicate peer). */
    public void errorAtKey(String message) {
        diagnostics.error(keyNode == null ? node : keyNode, path, message);
    }

    private String kind() {
        return switch (node.getNodeId()) {
            case mapping -> "a mapping";
            case sequence -> "a list";
            default -> "'" + ((ScalarNode) node).getValue() + "'";
        };
    }

    public Optional<String> text() {
        if (node instanceof ScalarNode s) {
            return Optional.of(s.getValue());
        }
        error("expected a text value, found " + kind());
        return Optional.empty();
    }

    /** A non-empty string without surrounding blanks. */
    public Optional<String> word() {
        return text().flatMap(t -> {
            if (t.isBlank()) {
                error("must not be empty");
                return Optional.empty();
            }
            return Optional.of(t.strip());
        });
    }

    public Optional<Boolean> bool() {
        return text().flatMap(t -> switch (t) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> {
                error("expected true or false, found '" + t + "'");
                yield Optional.empty();
            }
        });
    }

    /** A decimal integer in {@code min..max}; {@code what} names the range in the error. */
    public Optional<Long> integer(long min, long max, String what) {
        Optional<String> t = text();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        String s = t.get();
        long value;
        if (s.isEmpty() || s.length() > 19 || !s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            if (s.startsWith("-") && s.length() > 1 && s.substring(1).chars().allMatch(Character::isDigit)) {
                error(s + " is not " + what);
            } else {
                error("expected a number, found '" + s + "'");
            }
            return Optional.empty();
        }
        try {
            value = Long.parseLong(s);
        } catch (NumberFormatException e) {
            // 19 digits can exceed a long; such a value is out of every range we have.
            error(s + " is not " + what);
            return Optional.empty();
        }
        if (value < min || value > max) {
            error(s + " is not " + what);
            return Optional.empty();
        }
        return Optional.of(value);
    }

    public Optional<Integer> integer(int min, int max) {
        return integer(min, max, "in " + min + ".." + max).map(Long::intValue);
    }

    /** Seconds as a whole number, as BGP timers are counted (RFC 4271 §4.2). */
    public Optional<Duration> seconds(long min, long max) {
        return integer(min, max, "in " + min + ".." + max + " seconds").map(Duration::ofSeconds);
    }

    public Optional<IpAddress> address() {
        return parsed(IpAddress::parse);
    }

    public Optional<Ipv4Address> ipv4() {
        return text().flatMap(t -> {
            if (t.indexOf(':') >= 0) {
                error("'" + t + "' is not an IPv4 address");
                return Optional.empty();
            }
            return parsed(Ipv4Address::parse);
        });
    }

    public Optional<Ipv6Address> ipv6() {
        return text().flatMap(t -> {
            if (t.indexOf(':') < 0) {
                error("'" + t + "' is not an IPv6 address");
                return Optional.empty();
            }
            return parsed(Ipv6Address::parse);
        });
    }

    public Optional<Prefix> prefix() {
        return parsed(Prefix::parse);
    }

    /** Text parsed by {@code parser}; its IllegalArgumentException message becomes the error. */
    public <T> Optional<T> parsed(Function<String, T> parser) {
        return text().flatMap(t -> {
            try {
                return Optional.of(parser.apply(t.strip()));
            } catch (IllegalArgumentException e) {
                error(e.getMessage());
                return Optional.empty();
            }
        });
    }

    /** One of {@code choices}, spelled exactly; the error lists them. */
    public Optional<String> oneOf(Set<String> choices) {
        return text().flatMap(t -> {
            if (choices.contains(t)) {
                return Optional.of(t);
            }
            String hint = Suggestions.closest(t, choices).map(s -> ", did you mean '" + s + "'?")
                    .orElse("; expected one of: " + String.join(", ", choices));
            error("'" + t + "' is not allowed" + hint);
            return Optional.empty();
        });
    }

    /** A mapping with these keys. */
    public Optional<YamlMap> map(Set<String> allowedKeys) {
        if (node instanceof MappingNode m) {
            return Optional.of(YamlMap.of(m, path, diagnostics, allowedKeys));
        }
        error("expected a mapping, found " + kind());
        return Optional.empty();
    }

    /** A mapping whose keys are operator-chosen names. */
    public Optional<YamlMap> namedMap() {
        if (node instanceof MappingNode m) {
            return Optional.of(YamlMap.named(m, path, diagnostics));
        }
        error("expected a mapping of names, found " + kind());
        return Optional.empty();
    }

    /** The items of a list; a single scalar is read as a one-item list, as operators often write it. */
    public List<YamlValue> list() {
        if (node instanceof SequenceNode s) {
            List<YamlValue> items = new ArrayList<>();
            List<Node> nodes = s.getValue();
            for (int i = 0; i < nodes.size(); i++) {
                items.add(new YamlValue(nodes.get(i), null, path + "[" + i + "]", diagnostics));
            }
            return items;
        }
        if (node.getNodeId() == NodeId.scalar) {
            return List.of(this);
        }
        error("expected a list, found " + kind());
        return List.of();
    }

    /** Each item read by {@code reader}; items that fail are left out (their error is recorded). */
    public <T> List<T> listOf(Function<YamlValue, Optional<T>> reader) {
        List<T> out = new ArrayList<>();
        for (YamlValue item : list()) {
            reader.apply(item).ifPresent(out::add);
        }
        return out;
    }

    /** As {@link #listOf}, with an error on an item equal to an earlier one. */
    public <T> List<T> distinctListOf(Function<YamlValue, Optional<T>> reader) {
        Set<T> seen = new LinkedHashSet<>();
        for (YamlValue item : list()) {
            reader.apply(item).ifPresent(v -> {
                if (!seen.add(v)) {
                    item.error("'" + v + "' is listed twice");
                }
            });
        }
        return List.copyOf(seen);
    }
}
