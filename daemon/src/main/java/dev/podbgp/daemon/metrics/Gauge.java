package dev.podbgp.daemon.metrics;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/** A value that goes up and down: a state, a table size. */
public final class Gauge extends MetricFamily<Gauge.Child> {

    Gauge(String name, String help, List<String> labelNames) {
        super(name, help, labelNames, Child::new);
    }

    /** For a gauge without labels. */
    public void set(double value) {
        labels().set(value);
    }

    @Override
    String type() {
        return "gauge";
    }

    public static final class Child {
        private final AtomicLong bits = new AtomicLong(Double.doubleToLongBits(0));

        public void set(double value) {
            bits.set(Double.doubleToLongBits(value));
        }

        public void add(double delta) {
            bits.getAndUpdate(b -> Double.doubleToLongBits(Double.longBitsToDouble(b) + delta));
        }

        public double value() {
            return Double.longBitsToDouble(bits.get());
        }
    }
}
