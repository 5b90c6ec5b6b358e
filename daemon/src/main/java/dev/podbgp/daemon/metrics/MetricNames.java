package dev.podbgp.daemon.metrics;

import java.util.List;
import java.util.regex.Pattern;

/** The exposition format's rules for names, checked when a metric is registered, not at scrape time. */
final class MetricNames {
    private MetricNames() {}

    private static final Pattern METRIC = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");

    static String metric(String name) {
        if (!METRIC.matcher(name).matches()) {
            throw new IllegalArgumentException("not a Prometheus metric name: " + name);
        }
        return name;
    }

    static List<String> labels(String... names) {
        for (String n : names) {
            // Names starting with __ are reserved for Prometheus itself; le is the histogram's.
            if (!LABEL.matcher(n).matches() || n.startsWith("__") || n.equals("le")) {
                throw new IllegalArgumentException("not a usable label name: " + n);
            }
        }
        return List.of(names);
    }
}
