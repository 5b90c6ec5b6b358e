package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;

/** What one peer gets for one prefix: an advertisement, or nothing and why. */
public sealed interface Outbound {

    /**
     * @param attributes what goes on the wire, without NEXT_HOP and MP attributes (the packer
     *     adds the one that carries {@code nextHop})
     */
    record Advertise(PathAttributes attributes, IpAddress nextHop) implements Outbound {
    }

    record Suppressed(Suppression reason) implements Outbound {
    }
}
