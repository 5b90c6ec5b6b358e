package dev.podbgp.interop;

import static dev.podbgp.inet.AddressFamily.IPV4;
import static dev.podbgp.inet.AddressFamily.IPV6;

import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.inet.AddressFamily;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.lab.Lab;
import dev.podbgp.lab.Link;
import dev.podbgp.lab.Node;
import dev.podbgp.lab.peer.Neighbor;
import dev.podbgp.lab.peer.Route;
import dev.podbgp.lab.podbgp.OriginatedRoute;
import dev.podbgp.lab.podbgp.PodbgpNode;
import java.util.function.UnaryOperator;

/**
 * What every interop scenario sets up the same way: a podbgp node linked to one peer node, podbgp
 * listening and peering over the link's IPv4 or IPv6 addresses with short timers, and
 * announcing {@link #OUR_V4} and {@link #OUR_V6} with the link addresses as next hops, the peer
 * announcing {@link #PEER_V4} and {@link #PEER_V6}.
 */
record PodbgpPair(Node pod, Node peer, Link link) {

    /** The two ends' AS numbers. */
    record Ases(long pod, long peer) {
        boolean ebgp() {
            return pod != peer;
        }
    }

    /** What the peer originates. */
    static final Route PEER_V4 = Route.of("10.250.0.0/24").communities("65010:1").med(20);
    static final Route PEER_V6 = Route.of("fd00:250::/64").communities("65010:2").med(30);
    /** What podbgp originates. */
    static final OriginatedRoute OUR_V4 = OriginatedRoute.of("10.240.1.0/24").med(5).communities("65000:100");
    static final OriginatedRoute OUR_V6 = OriginatedRoute.of("fd00:10:240:1::/64").med(6).communities("65000:106");

    static PodbgpPair create(Lab lab, String peerLabel) {
        Node pod = lab.node("pod");
        Node peer = lab.node(peerLabel);
        return new PodbgpPair(pod, peer, lab.link(pod, peer));
    }

    IpAddress podAddress(AddressFamily f) {
        return link.address(pod, f);
    }

    IpAddress peerAddress(AddressFamily f) {
        return link.address(peer, f);
    }

    /**
     * The peer's side: one neighbor (podbgp over {@code transport}, both families) and
     * {@link #PEER_V4}/{@link #PEER_V6}, each passed through {@code route} (a fixture that needs
     * explicit next hops adds them there).
     */
    dev.podbgp.lab.peer.PeerConfig peerConfig(AddressFamily transport, Ases ases, UnaryOperator<Neighbor> tweak,
                                              UnaryOperator<Route> route) {
        Neighbor n = Neighbor.of(peerAddress(transport), podAddress(transport), ases.pod()).families(IPV4, IPV6);
        return dev.podbgp.lab.peer.PeerConfig.of(peerAddress(IPV4).toString(), ases.peer()).neighbor(tweak.apply(n))
                .route(route.apply(PEER_V4)).route(route.apply(PEER_V6));
    }

    /** An explicit next hop for {@code r}: the peer's own link address of the route's family. */
    Route viaPeer(Route r) {
        return r.nextHop(peerAddress(r.prefix().family()).toString());
    }

    /** podbgp listening on its own link address of {@code transport}, port 179, announcing ours. */
    PodbgpNode startPodbgp(AddressFamily transport) {
        PodbgpNode podbgp = Interop.podbgp(pod, podAddress(transport));
        podbgp.announce(OUR_V4);
        podbgp.announce(OUR_V6);
        return podbgp;
    }

    /**
     * Adds the peer over {@code transport}, both families, next hops = our link addresses (an
     * IPv4 route over an IPv6 session still carries a plain IPv4 NEXT_HOP).
     */
    BgpPeer addPeer(PodbgpNode podbgp, AddressFamily transport, Ases ases, UnaryOperator<PeerConfig> tweak) {
        PeerConfig c = PeerConfig.of(Interop.inet(peerAddress(transport)), Interop.session(ases.pod(), ases.peer()))
                .withLocalAddress(Interop.inet(podAddress(transport)));
        return podbgp.addPeer(tweak.apply(c), podAddress(IPV4), podAddress(IPV6));
    }
}
