package dev.podbgp.lab.podbgp;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;

/** A route a peer sent podbgp: its next hop and the attributes (without the MP carriers). */
public record ReceivedRoute(IpAddress nextHop, PathAttributes attributes) {}
