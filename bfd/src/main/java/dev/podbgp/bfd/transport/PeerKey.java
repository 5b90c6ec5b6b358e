package dev.podbgp.bfd.transport;

import dev.podbgp.inet.IpAddress;

/**
 * How a packet with Your Discriminator 0 finds its session: the source address and the socket it
 * came in on, which stands for the local address, the interface and the hop mode (RFC 5881 §3,
 * RFC 5883 §4). At most one session per key.
 */
record PeerKey(IpAddress peer, ReceiveKey receiver) {

    static PeerKey of(BfdPeerConfig config) {
        return new PeerKey(config.peer(), ReceiveKey.of(config));
    }
}
