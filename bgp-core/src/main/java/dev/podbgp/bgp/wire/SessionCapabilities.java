package dev.podbgp.bgp.wire;

import java.util.Set;

/**
 * What a session negotiated that changes how bytes are read and written: the codec context.
 * Built once per session from both OPENs; every decoder and encoder takes it.
 *
 * @param fourOctetAs      both sides sent the RFC 6793 capability: AS numbers are 4 octets
 * @param addPathReceive   families in which NLRI we receive carry RFC 7911 path identifiers
 * @param addPathSend      families in which NLRI we send carry path identifiers
 * @param extendedMessage  both sides sent the RFC 8654 capability: messages up to 65535 octets
 * @param extendedNextHop  families for which RFC 8950 allows an IPv6 next hop (IPv4 unicast)
 */
public record SessionCapabilities(
        boolean fourOctetAs,
        Set<Family> addPathReceive,
        Set<Family> addPathSend,
        boolean extendedMessage,
        Set<Family> extendedNextHop) {

    /** RFC 4271 §4: the largest message without the extended message capability. */
    public static final int MAX_MESSAGE_SIZE = 4096;
    /** RFC 8654 §4. */
    public static final int MAX_EXTENDED_MESSAGE_SIZE = 65535;

    /** Before OPENs are exchanged, and for peers that negotiate nothing: RFC 4271 only. */
    public static final SessionCapabilities RFC4271 =
            new SessionCapabilities(false, Set.of(), Set.of(), false, Set.of());

    /** A modern peer without ADD-PATH: 4-octet AS, standard size. */
    public static final SessionCapabilities FOUR_OCTET_AS =
            new SessionCapabilities(true, Set.of(), Set.of(), false, Set.of());

    public SessionCapabilities {
        addPathReceive = Set.copyOf(addPathReceive);
        addPathSend = Set.copyOf(addPathSend);
        extendedNextHop = Set.copyOf(extendedNextHop);
    }

    public int maxMessageSize() {
        return extendedMessage ? MAX_EXTENDED_MESSAGE_SIZE : MAX_MESSAGE_SIZE;
    }

    public boolean receivesPathIds(Family family) {
        return addPathReceive.contains(family);
    }

    public boolean sendsPathIds(Family family) {
        return addPathSend.contains(family);
    }

    public SessionCapabilities withFourOctetAs(boolean value) {
        return new SessionCapabilities(value, addPathReceive, addPathSend, extendedMessage, extendedNextHop);
    }

    public SessionCapabilities withAddPath(Set<Family> receive, Set<Family> send) {
        return new SessionCapabilities(fourOctetAs, receive, send, extendedMessage, extendedNextHop);
    }

    public SessionCapabilities withExtendedMessage(boolean value) {
        return new SessionCapabilities(fourOctetAs, addPathReceive, addPathSend, value, extendedNextHop);
    }

    public SessionCapabilities withExtendedNextHop(Set<Family> families) {
        return new SessionCapabilities(fourOctetAs, addPathReceive, addPathSend, extendedMessage, families);
    }
}
