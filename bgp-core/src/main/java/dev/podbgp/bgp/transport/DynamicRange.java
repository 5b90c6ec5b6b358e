package dev.podbgp.bgp.transport;

import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import java.net.InetAddress;
import java.util.Objects;

/**
 * A listen range (dynamic neighbours): a connection from an address of {@code range} that is no configured peer
 * becomes a peer of its own, with {@code template}'s settings, for as long as its session lasts.
 *
 * @param range       where such peers connect from
 * @param template    their settings; its address is ignored, its session is made passive (we never know whom to
 *                    dial) and its {@link dev.podbgp.bgp.session.SessionConfig#acceptedPeerAs()} says which AS
 *                    their OPENs may carry. Its MD5 password covers the whole range.
 * @param maxSessions how many such peers may exist at once; a connection beyond that is refused
 */
public record DynamicRange(Prefix range, PeerConfig template, int maxSessions) {

    public DynamicRange {
        Objects.requireNonNull(range, "range");
        Objects.requireNonNull(template, "template");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("a listen range admits at least one session, not " + maxSessions);
        }
        template = template.withSession(template.session().withPassive(true));
    }

    boolean contains(InetAddress address) {
        return range.contains(IpAddress.ofBytes(address.getAddress()));
    }

    /** The settings of the peer that connected from {@code address}. */
    PeerConfig peerAt(InetAddress address) {
        return template.withAddress(address);
    }
}
