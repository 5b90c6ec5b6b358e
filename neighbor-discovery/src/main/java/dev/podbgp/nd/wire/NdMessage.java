package dev.podbgp.nd.wire;

import dev.podbgp.inet.Ipv6Address;

/**
 * A Neighbor Discovery message as its ICMPv6 body (RFC 4861 §4). The kernel fills the checksum of
 * what a raw ICMPv6 socket sends and verifies it on what the socket receives (RFC 3542 §3.1), so the
 * codec writes it as zero and never reads it.
 */
public sealed interface NdMessage permits RouterSolicitation, RouterAdvertisement, NeighborAdvertisement {

    int ROUTER_SOLICITATION = 133;
    int ROUTER_ADVERTISEMENT = 134;
    int NEIGHBOR_SOLICITATION = 135;
    int NEIGHBOR_ADVERTISEMENT = 136;
    /** RFC 4861 §6.1.1, §6.1.2, §7.1.2: a hop limit other than 255 means the packet crossed a router. */
    int LINK_HOP_LIMIT = 255;

    /** The ICMPv6 message, checksum zero. */
    byte[] encode();

    /** What a received ICMPv6 packet turned out to be. */
    sealed interface Decoded {
    }

    /** A valid message from {@code source}. */
    record Valid(NdMessage message, Ipv6Address source) implements Decoded {
    }

    /** RFC 4861 says to discard it silently; {@code reason} is for a debug log line. */
    record Discarded(String reason) implements Decoded {
    }

    /**
     * Decodes {@code length} octets of {@code packet}, received with IPv6 {@code hopLimit} from
     * {@code source}, applying the validity checks of RFC 4861 §6.1.2 (router advertisements) and
     * §7.1.2 (neighbour advertisements). Other ICMPv6 types are discarded: the socket filter lets
     * only these through, so one that arrives is unexpected rather than an error.
     */
    static Decoded decode(byte[] packet, int length, int hopLimit, Ipv6Address source) {
        if (length < 4) {
            return new Discarded("ICMPv6 message of " + length + " octets");
        }
        int type = packet[0] & 0xff;
        int code = packet[1] & 0xff;
        if (hopLimit != LINK_HOP_LIMIT) {
            return new Discarded("type " + type + " with hop limit " + hopLimit + ", not " + LINK_HOP_LIMIT);
        }
        if (code != 0) {
            return new Discarded("type " + type + " with code " + code);
        }
        return switch (type) {
            case ROUTER_ADVERTISEMENT -> RouterAdvertisement.decode(packet, length, source);
            case NEIGHBOR_ADVERTISEMENT -> NeighborAdvertisement.decode(packet, length, source);
            case ROUTER_SOLICITATION -> RouterSolicitation.decode(packet, length, source);
            default -> new Discarded("ICMPv6 type " + type + " is not one podbgp reads");
        };
    }
}
