package dev.podbgp.nd.socket;

import dev.podbgp.inet.Ipv6Address;

/** One ICMPv6 message read: its length in the caller's buffer, where it came from, the hop limit it arrived with. */
public record Received(int length, Ipv6Address source, int hopLimit) {
}
