package dev.podbgp.daemon.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.DoubleAdder;
import java.util.concurrent.atomic.LongAdder;

/** Observations counted into fixed buckets by upper bound, with their sum and count. */
public final class Histogram extends MetricFamily<Histogram.Child> {
    private final double[] bounds;

    Histogram(String name, String help, double[] bounds, List<String> labelNames) {
        super(name, help, labelNames, () -> new Child(bounds));
        for (int i = 1; i < bounds.length; i++) {
            if (!(bounds[i] > bounds[i - 1])) {
                throw new IllegalArgumentException("bucket bounds must increase: " + Arrays.toString(bounds));
            }
        }
        this.bounds = bounds.clone();
    }

    /** For a histogram without labels. */
    public void observe(double value) {
        labels().observe(value);
    }

    double[] bounds() {
        return bounds.clone();
    }

    @Override
    String type() {
        return "histogram";
    }

    public static final class Child {
        private final double[] bounds;
        /** Per bucket, not cumulative; the last one is +Inf. Cumulated at scrape time. */
        private final LongAdder[] buckets;
        private final DoubleAdder sum = new DoubleAdder();

        Child(double[] bounds) {
            this.bounds = bounds;
            this.buckets = new LongAdder[bounds.length + 1];
            Arrays.setAll(buckets, i -> new LongAdder());
        }

        public void observe(double value) {
            int i = 0;
            while (i < bounds.length && value > bounds[i]) {
                i++;
            }
            buckets[i].increment();
            sum.add(value);
        }

        /** Cumulative counts per bound, then +Inf (= the count). */
        long[] cumulative() {
            long[] out = new long[buckets.length];
            long running = 0;
            for (int i = 0; i < buckets.length; i++) {
                running += buckets[i].sum();
                out[i] = running;
            }
            return out;
        }

        double sum() {
            return sum.sum();
        }
    }
}
