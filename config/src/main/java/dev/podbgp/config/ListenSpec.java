package dev.podbgp.config;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv4Address;

/** Where passive connections are accepted; only configured peers get through (DESIGN.md safe defaults). */
public record ListenSpec(IpAddress address, int port) {
    public static final int BGP_PORT = 179;
    public static final ListenSpec DEFAULT = new ListenSpec(Ipv4Address.ANY, BGP_PORT);
}
