package dev.podbgp.bgp.exabgp;

import dev.podbgp.inet.IpAddress;

/**
 * The next hop a command asks for. {@code next-hop self} stays symbolic until the session
 * that sends the route resolves it to its own address ({@link ExabgpSendDefaults#resolve}),
 * because one command may go to several peers over different local addresses.
 */
public sealed interface NextHopSpec {

    /** {@code next-hop self}. */
    record Self() implements NextHopSpec {
        public static final Self INSTANCE = new Self();

        @Override
        public String toString() {
            return "self";
        }
    }

    /** {@code next-hop IP}. */
    record Address(IpAddress address) implements NextHopSpec {
        @Override
        public String toString() {
            return address.toString();
        }
    }
}
