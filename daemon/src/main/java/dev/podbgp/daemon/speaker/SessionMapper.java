package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.PeerAsRule;
import dev.podbgp.bgp.session.SessionConfig;
import dev.podbgp.bgp.transport.DynamicRange;
import dev.podbgp.bgp.transport.PeerConfig;
import dev.podbgp.bgp.transport.TtlPolicy;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.Capability;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.config.FamilySpec;
import dev.podbgp.config.GracefulRestartSpec;
import dev.podbgp.config.PeerAsSpec;
import dev.podbgp.config.TimersSpec;
import dev.podbgp.config.TtlSpec;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.config.state.NodeIdentity;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.bgp.wire.capability.ExtendedNextHop;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns a configured peer into what the transport needs to run its session. */
public final class SessionMapper {

    private SessionMapper() {
    }

    public static PeerConfig peerConfig(NodeIdentity node, DesiredPeer peer, GracefulRestartSpec gr) {
        return peerConfig(node, peer, gr, new LinkScopes());
    }

    /**
     * @param scopes where an unnumbered peer's link-local address is: the connection goes to {@code fe80::x%ifindex},
     *     and our OPEN offers IPv4 unicast over an IPv6 next hop (RFC 8950 §3), the only next hop such a link has
     */
    public static PeerConfig peerConfig(NodeIdentity node, DesiredPeer peer, GracefulRestartSpec gr, LinkScopes scopes) {
        Set<Family> families = families(peer.families());
        TimersSpec timers = peer.timers();
        // A hold time of 0 sends no KEEPALIVEs (RFC 4271 §4.4); the session still wants a positive value.
        SessionConfig session = SessionConfig.of(node.asn(), peer.asn(), node.routerId(), families)
                .withHoldTime(timers.holdTime(), Math.max(1, timers.keepalive()))
                .withPassive(peer.passive());
        session = session.withTimers(Duration.ofSeconds(timers.connectRetry()), session.restartBackoff());
        if (gr.enabled()) {
            session = session.withCapabilities(withGracefulRestart(session.capabilities(), families, gr), session.required());
        }
        InetAddress address = inet(peer.address());
        if (peer.unnumbered()) {
            if (families.contains(Family.IPV4_UNICAST)) {
                List<Capability> caps = new ArrayList<>(session.capabilities());
                caps.add(new ExtendedNextHop(List.of(ExtendedNextHop.Entry.of(Family.IPV4_UNICAST, Family.AFI_IPV6))));
                session = session.withCapabilities(caps, session.required());
            }
            address = scoped(peer.address(), scopes.ifindex(peer.address()));
        }
        PeerConfig config = PeerConfig.of(address, session).withPort(peer.port()).withTtl(ttl(peer.ttl()));
        if (peer.localAddress().isPresent()) {
            config = config.withLocalAddress(inet(peer.localAddress().get()));
        }
        if (peer.password().isPresent()) {
            config = config.withMd5Password(peer.password().get().value());
        }
        return config;
    }

    /** A listen range as the transport takes it: the range's peer settings, with the AS rule of its OPENs. */
    public static DynamicRange dynamicRange(NodeIdentity node, DesiredListenRange range, GracefulRestartSpec gr) {
        PeerConfig template = peerConfig(node, range.template(), gr);
        PeerAsRule rule = switch (range.peerAs()) {
            case PeerAsSpec.Exactly e -> new PeerAsRule.Exactly(e.asn());
            case PeerAsSpec.Range r -> new PeerAsRule.Range(r.first(), r.last());
            case PeerAsSpec.External x -> new PeerAsRule.External();
        };
        return new DynamicRange(range.range(), template.withSession(template.session().withAcceptedPeerAs(rule)),
                range.maxSessions());
    }

    public static Set<Family> families(List<FamilySpec> specs) {
        Set<Family> out = new LinkedHashSet<>();
        for (FamilySpec f : specs) {
            out.add(switch (f) {
                case IPV4_UNICAST -> Family.IPV4_UNICAST;
                case IPV6_UNICAST -> Family.IPV6_UNICAST;
            });
        }
        return out;
    }

    /**
     * Replaces the End-of-RIB-only Graceful Restart capability by one that lists our families:
     * as a helper we keep a restarting peer's routes (RFC 4724 §4.2); the forwarding-state bit
     * says our kernel routes survive our own restart: a daemon with graceful restart keeps the
     * routes it finds at start stale until every peer's End-of-RIB (docs/restart.md). The N bit
     * (RFC 8538 §2) extends both to sessions that end with a NOTIFICATION other than Hard Reset.
     */
    private static List<Capability> withGracefulRestart(List<Capability> caps, Set<Family> families, GracefulRestartSpec gr) {
        List<Capability> out = new ArrayList<>();
        List<GracefulRestart.Entry> entries = families.stream()
                .map(f -> new GracefulRestart.Entry(f, GracefulRestart.FORWARDING_STATE)).toList();
        for (Capability c : caps) {
            out.add(c instanceof GracefulRestart ? new GracefulRestart(GracefulRestart.NOTIFICATION, gr.restartTime(), entries) : c);
        }
        return out;
    }

    private static TtlPolicy ttl(TtlSpec spec) {
        return switch (spec) {
            case TtlSpec.SystemDefault d -> TtlPolicy.SYSTEM_DEFAULT;
            case TtlSpec.Gtsm g -> TtlPolicy.gtsm(g.hops());
            case TtlSpec.Multihop m -> TtlPolicy.multihop(m.hops());
        };
    }

    private static InetAddress scoped(IpAddress linkLocal, int ifindex) {
        try {
            return ifindex == 0 ? inet(linkLocal) : Inet6Address.getByAddress(null, linkLocal.toBytes(), ifindex);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static InetAddress inet(IpAddress a) {
        try {
            return InetAddress.getByAddress(a.toBytes());
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
