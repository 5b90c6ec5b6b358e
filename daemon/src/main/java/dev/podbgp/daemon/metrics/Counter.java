package dev.podbgp.daemon.metrics;

import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;

/** A value that only goes up (until the daemon restarts); its name ends in {@code _total}. */
public final class Counter extends MetricFamily<Counter.Child> {

    Counter(String name, String help, List<String> labelNames) {
        super(name, help, labelNames, Child::new);
        if (!name.endsWith("_total")) {
            throw new IllegalArgumentException("counter names end in _total by Prometheus convention: " + name);
        }
    }

    /** For a counter without labels. */
    public void inc() {
        labels().inc();
    }

    @Override
    String type() {
        return "counter";
    }

    public static final class Child {
        private final DoubleAdder value = new DoubleAdder();

        public void inc() {
            value.add(1);
        }

        public void inc(double amount) {
            if (amount < 0) {
                throw new IllegalArgumentException("a counter cannot go down: " + amount);
            }
            value.add(amount);
        }

        public double value() {
            return value.sum();
        }
    }
}
