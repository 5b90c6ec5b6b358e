package dev.podbgp.daemon.metrics;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The daemon's metrics, in registration order. Written by hand rather than with the
 * Prometheus Java client: podbgp needs three metric types and one text format (about 300
 * lines), and the client would bring its own registry, HTTP server and exporter modules.
 */
public final class MetricRegistry {
    private final Map<String, MetricFamily<?>> byName = new ConcurrentHashMap<>();
    private final List<MetricFamily<?>> ordered = new java.util.concurrent.CopyOnWriteArrayList<>();

    public Counter counter(String name, String help, String... labelNames) {
        return register(new Counter(name, help, MetricNames.labels(labelNames)));
    }

    public Gauge gauge(String name, String help, String... labelNames) {
        return register(new Gauge(name, help, MetricNames.labels(labelNames)));
    }

    public Histogram histogram(String name, String help, double[] bucketBounds, String... labelNames) {
        return register(new Histogram(name, help, bucketBounds, MetricNames.labels(labelNames)));
    }

    private <M extends MetricFamily<?>> M register(M metric) {
        if (byName.putIfAbsent(metric.name(), metric) != null) {
            throw new IllegalArgumentException("metric registered twice: " + metric.name());
        }
        ordered.add(metric);
        return metric;
    }

    List<MetricFamily<?>> metrics() {
        return new ArrayList<>(ordered);
    }
}
