package dev.podbgp.daemon.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    @Test
    void helpAndTypePrecedeSamples_labelsInDeclaredOrder() {
        MetricRegistry r = new MetricRegistry();
        r.counter("x_total", "Things.", "peer", "family").labels("192.0.2.1", "ipv4 unicast").inc(3);
        r.gauge("y", "Level.").set(2.5);
        assertThat(PrometheusText.write(r)).isEqualTo("""
                # HELP x_total Things.
                # TYPE x_total counter
                x_total{peer="192.0.2.1",family="ipv4 unicast"} 3
                # HELP y Level.
                # TYPE y gauge
                y 2.5
                """);
    }

    /** Label values escape backslash, double quote and newline; HELP escapes backslash and newline. */
    @Test
    void escaping_roundTripsThroughAStrictReader() {
        MetricRegistry r = new MetricRegistry();
        String nasty = "a\\b\"c\nd";
        r.gauge("g", "help with \\ and\nnewline", "why").labels(nasty).set(1);
        String text = PrometheusText.write(r);
        assertThat(text).contains("g{why=\"a\\\\b\\\"c\\nd\"} 1\n").contains("# HELP g help with \\\\ and\\nnewline\n");
        Exposition e = Exposition.parse(text);
        assertThat(e.value("g", Map.of("why", nasty))).contains(1.0);
        assertThat(e.help().get("g")).isEqualTo("help with \\ and\nnewline");
    }

    @Test
    void histogram_cumulativeBuckets_infEqualsCount_sum() {
        MetricRegistry r = new MetricRegistry();
        Histogram h = r.histogram("lat_seconds", "Latency.", new double[] {0.01, 0.1, 1});
        for (double v : new double[] {0.005, 0.01, 0.05, 0.5, 7}) {
            h.observe(v);
        }
        Exposition e = Exposition.parse(PrometheusText.write(r));
        assertThat(e.type().get("lat_seconds")).isEqualTo("histogram");
        // le is inclusive: 0.01 falls in the 0.01 bucket.
        assertThat(e.value("lat_seconds_bucket", Map.of("le", "0.01"))).contains(2.0);
        assertThat(e.value("lat_seconds_bucket", Map.of("le", "0.1"))).contains(3.0);
        assertThat(e.value("lat_seconds_bucket", Map.of("le", "1"))).contains(4.0);
        assertThat(e.value("lat_seconds_bucket", Map.of("le", "+Inf"))).contains(5.0);
        assertThat(e.value("lat_seconds_count", Map.of())).contains(5.0);
        assertThat(e.value("lat_seconds_sum", Map.of())).hasValueSatisfying(v -> assertThat(v).isCloseTo(7.565, org.assertj.core.data.Offset.offset(1e-9)));
    }

    @Test
    void numbers_integralWithoutFraction_specialValuesAsGoParsesThem() {
        assertThat(PrometheusText.number(42)).isEqualTo("42");
        assertThat(PrometheusText.number(0.25)).isEqualTo("0.25");
        assertThat(PrometheusText.number(Double.POSITIVE_INFINITY)).isEqualTo("+Inf");
        assertThat(PrometheusText.number(Double.NaN)).isEqualTo("NaN");
        assertThat(Double.parseDouble(PrometheusText.number(1e-7))).isEqualTo(1e-7);
    }

    @Test
    void badNamesAndMisuseAreRefusedAtRegistration() {
        MetricRegistry r = new MetricRegistry();
        assertThatThrownBy(() -> r.gauge("1bad", "x")).hasMessageContaining("not a Prometheus metric name");
        assertThatThrownBy(() -> r.gauge("ok", "x", "le")).hasMessageContaining("not a usable label name");
        assertThatThrownBy(() -> r.gauge("ok2", "x", "__x")).hasMessageContaining("not a usable label name");
        assertThatThrownBy(() -> r.counter("no_suffix", "x")).hasMessageContaining("_total");
        r.gauge("dup", "x");
        assertThatThrownBy(() -> r.gauge("dup", "x")).hasMessageContaining("twice");
        Counter c = r.counter("c_total", "x", "peer");
        assertThatThrownBy(() -> c.labels("a", "b")).hasMessageContaining("takes labels [peer]");
        assertThatThrownBy(() -> c.labels("a").inc(-1)).hasMessageContaining("cannot go down");
        assertThatThrownBy(() -> r.histogram("h", "x", new double[] {1, 1})).hasMessageContaining("increase");
    }
}
