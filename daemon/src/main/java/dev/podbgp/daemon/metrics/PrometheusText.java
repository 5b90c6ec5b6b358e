package dev.podbgp.daemon.metrics;

import java.util.List;
import java.util.Map;

/**
 * The Prometheus text exposition format, version 0.0.4: per metric a {@code # HELP} and a
 * {@code # TYPE} line, then one sample per line. Escaping differs by place: HELP text escapes
 * backslash and newline; label values escape those and the double quote.
 */
public final class PrometheusText {
    private PrometheusText() {}

    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    public static String write(MetricRegistry registry) {
        StringBuilder out = new StringBuilder();
        for (MetricFamily<?> m : registry.metrics()) {
            out.append("# HELP ").append(m.name()).append(' ').append(escapeHelp(m.help())).append('\n');
            out.append("# TYPE ").append(m.name()).append(' ').append(m.type()).append('\n');
            switch (m) {
                case Counter c -> c.children().forEach((values, child) ->
                        sample(out, c.name(), c.labelNames(), values, null, child.value()));
                case Gauge g -> g.children().forEach((values, child) ->
                        sample(out, g.name(), g.labelNames(), values, null, child.value()));
                case Histogram h -> histogram(out, h);
            }
        }
        return out.toString();
    }

    private static void histogram(StringBuilder out, Histogram h) {
        double[] bounds = h.bounds();
        for (Map.Entry<List<String>, Histogram.Child> e : h.children().entrySet()) {
            long[] cumulative = e.getValue().cumulative();
            for (int i = 0; i < cumulative.length; i++) {
                String le = i < bounds.length ? number(bounds[i]) : "+Inf";
                sample(out, h.name() + "_bucket", h.labelNames(), e.getKey(), le, cumulative[i]);
            }
            sample(out, h.name() + "_sum", h.labelNames(), e.getKey(), null, e.getValue().sum());
            sample(out, h.name() + "_count", h.labelNames(), e.getKey(), null, cumulative[cumulative.length - 1]);
        }
    }

    private static void sample(StringBuilder out, String name, List<String> labelNames, List<String> values,
            String le, double value) {
        out.append(name);
        if (!labelNames.isEmpty() || le != null) {
            out.append('{');
            for (int i = 0; i < labelNames.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                out.append(labelNames.get(i)).append("=\"").append(escapeLabel(values.get(i))).append('"');
            }
            if (le != null) {
                out.append(labelNames.isEmpty() ? "" : ",").append("le=\"").append(le).append('"');
            }
            out.append('}');
        }
        out.append(' ').append(number(value)).append('\n');
    }

    /** Go's ParseFloat reads what this writes; integral values print without a fraction. */
    static String number(double v) {
        if (Double.isNaN(v)) {
            return "NaN";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "+Inf" : "-Inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return Double.toString(v);
    }

    static String escapeHelp(String s) {
        return s.replace("\\", "\\\\").replace("\n", "\\n");
    }

    static String escapeLabel(String s) {
        return s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }
}
