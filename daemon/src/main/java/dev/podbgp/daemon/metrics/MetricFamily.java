package dev.podbgp.daemon.metrics;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * A named metric with its label names and one child per set of label values. Updates are
 * lock-free (adders, CAS), so event loops, the RIB thread and the FIB writer can all count
 * without contending on a lock; a scrape reads whatever values are current.
 */
public abstract sealed class MetricFamily<C> permits Counter, Gauge, Histogram {
    private final String name;
    private final String help;
    private final List<String> labelNames;
    private final Map<List<String>, C> children = new ConcurrentHashMap<>();
    private final Supplier<C> newChild;

    MetricFamily(String name, String help, List<String> labelNames, Supplier<C> newChild) {
        this.name = MetricNames.metric(name);
        this.help = help;
        this.labelNames = labelNames;
        this.newChild = newChild;
    }

    public String name() {
        return name;
    }

    public String help() {
        return help;
    }

    public List<String> labelNames() {
        return labelNames;
    }

    /** The child for these label values, created on first use. */
    public C labels(String... values) {
        if (values.length != labelNames.size()) {
            throw new IllegalArgumentException(name + " takes labels " + labelNames + ", got " + values.length + " values");
        }
        return children.computeIfAbsent(List.of(values), k -> newChild.get());
    }

    /** Forgets one child, e.g. a peer removed from the config, so it stops being exposed. */
    public void remove(String... values) {
        children.remove(List.of(values));
    }

    /** Forgets every child whose label values match, e.g. all families of one peer. */
    public void removeIf(java.util.function.Predicate<List<String>> values) {
        children.keySet().removeIf(values);
    }

    /** Children in a stable order (sorted by label values) so scrapes diff cleanly. */
    Map<List<String>, C> children() {
        var sorted = new java.util.TreeMap<List<String>, C>((a, b) -> String.join("\u0000", a).compareTo(String.join("\u0000", b)));
        sorted.putAll(children);
        return sorted;
    }

    abstract String type();
}
