/**
 * Prometheus metrics: a small labelled registry (counters, gauges, histograms), the text
 * exposition format 0.0.4, the HTTP endpoint serving it, and {@link dev.podbgp.daemon.metrics.PodbgpMetrics},
 * the one place that names every podbgp metric. Owns names, types and the format; is fed by the
 * daemon's wiring and never reads BGP, RIB or FIB state itself.
 */
package dev.podbgp.daemon.metrics;
