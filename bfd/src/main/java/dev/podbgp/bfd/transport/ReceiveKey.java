package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import java.util.Optional;

/**
 * What a receive socket is bound to: a local address (or the family's wildcard, for multihop
 * sessions without one), an interface, and the port of the hop mode. Sessions with equal keys
 * share the socket.
 */
record ReceiveKey(AddressFamily family, Optional<IpAddress> local, Optional<String> interfaceName, HopMode hop) {

    static ReceiveKey of(BfdPeerConfig config) {
        return new ReceiveKey(config.peer().family(), config.local(), config.interfaceName(), config.hop());
    }

    @Override
    public String toString() {
        return local.map(IpAddress::toString).orElse(family == AddressFamily.IPV4 ? "0.0.0.0" : "::")
                + ":" + hop.port() + interfaceName.map(i -> "%" + i).orElse("");
    }
}
