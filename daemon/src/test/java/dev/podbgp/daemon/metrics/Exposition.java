package dev.podbgp.daemon.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A strict reader of the Prometheus text format 0.0.4, written from the format's description
 * (not from our writer): every line is a HELP, a TYPE or a sample; label values are unescaped;
 * anything else fails the test.
 */
record Exposition(Map<String, String> help, Map<String, String> type, List<Sample> samples) {

    record Sample(String name, Map<String, String> labels, double value) {}

    static Exposition parse(String text) {
        Map<String, String> help = new LinkedHashMap<>();
        Map<String, String> type = new LinkedHashMap<>();
        List<Sample> samples = new ArrayList<>();
        if (!text.isEmpty() && !text.endsWith("\n")) {
            throw new IllegalArgumentException("exposition must end with a newline");
        }
        for (String line : text.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("# HELP ")) {
                String rest = line.substring(7);
                int sp = rest.indexOf(' ');
                help.put(rest.substring(0, sp), unescapeHelp(rest.substring(sp + 1)));
            } else if (line.startsWith("# TYPE ")) {
                String[] parts = line.substring(7).split(" ");
                if (parts.length != 2 || !List.of("counter", "gauge", "histogram", "summary", "untyped").contains(parts[1])) {
                    throw new IllegalArgumentException("bad TYPE line: " + line);
                }
                if (!help.containsKey(parts[0]) || type.containsKey(parts[0])) {
                    throw new IllegalArgumentException("TYPE without HELP first, or twice: " + line);
                }
                type.put(parts[0], parts[1]);
            } else if (line.startsWith("#")) {
                throw new IllegalArgumentException("unexpected comment: " + line);
            } else {
                samples.add(sample(line));
            }
        }
        return new Exposition(help, type, samples);
    }

    private static Sample sample(String line) {
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ') {
            i++;
        }
        String name = line.substring(0, i);
        if (!name.matches("[a-zA-Z_:][a-zA-Z0-9_:]*")) {
            throw new IllegalArgumentException("bad metric name in: " + line);
        }
        Map<String, String> labels = new LinkedHashMap<>();
        if (line.charAt(i) == '{') {
            i++;
            while (line.charAt(i) != '}') {
                int eq = line.indexOf('=', i);
                String label = line.substring(i, eq);
                if (!label.matches("[a-zA-Z_][a-zA-Z0-9_]*") || line.charAt(eq + 1) != '"') {
                    throw new IllegalArgumentException("bad label in: " + line);
                }
                StringBuilder value = new StringBuilder();
                int j = eq + 2;
                while (line.charAt(j) != '"') {
                    char c = line.charAt(j);
                    if (c == '\\') {
                        char n = line.charAt(++j);
                        value.append(switch (n) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("bad escape \\" + n + " in: " + line);
                        });
                    } else {
                        value.append(c);
                    }
                    j++;
                }
                labels.put(label, value.toString());
                i = j + 1;
                if (line.charAt(i) == ',') {
                    i++;
                }
            }
            i++;
        }
        if (line.charAt(i) != ' ') {
            throw new IllegalArgumentException("no blank before the value in: " + line);
        }
        String value = line.substring(i + 1);
        double v = switch (value) {
            case "+Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            case "NaN" -> Double.NaN;
            default -> Double.parseDouble(value);
        };
        return new Sample(name, labels, v);
    }

    private static String unescapeHelp(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char n = s.charAt(++i);
                out.append(switch (n) {
                    case 'n' -> '\n';
                    case '\\' -> '\\';
                    default -> throw new IllegalArgumentException("bad escape in HELP: " + s);
                });
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    Optional<Double> value(String name, Map<String, String> labels) {
        return samples.stream().filter(s -> s.name().equals(name) && s.labels().equals(labels)).map(Sample::value).findFirst();
    }
}
