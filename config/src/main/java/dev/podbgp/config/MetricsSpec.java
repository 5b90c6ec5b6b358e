package dev.podbgp.config;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;

/** The Prometheus endpoint; loopback by default so nothing is exposed unless asked for. */
public record MetricsSpec(boolean enabled, IpAddress address, int port) {
    public static final MetricsSpec DEFAULT = new MetricsSpec(true, Ipv4Address.of(127, 0, 0, 1), 9179);
}
