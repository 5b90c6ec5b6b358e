package dev.podbgp.bfd.transport;

import dev.podbgp.bfd.auth.AuthConfig;
import dev.podbgp.bfd.session.HopMode;
import dev.podbgp.bfd.session.SessionConfig;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import java.util.Objects;
import java.util.Optional;

/**
 * One BFD session as the operator configures it: whom to watch, from where, and how fast.
 *
 * @param peer                    the neighbour's address: where Control packets go, and the source a
 *                                packet with Your Discriminator 0 must come from (RFC 5881 §3, RFC 5883 §4)
 * @param local                   our address: packets are sent from it and received on it. Required for
 *                                single hop (the session is identified by it); for multihop, empty means
 *                                the kernel chooses the source and packets to any local address are taken
 * @param hop                     RFC 5881 single hop or RFC 5883 multihop
 * @param interfaceName           single hop only: the interface the peer is attached to. Sockets are bound to
 *                                it, so packets arriving elsewhere do not reach the session; required
 *                                when either address is IPv6 link-local
 * @param intervals               bfd.DesiredMinTxInterval, bfd.RequiredMinRxInterval, bfd.DetectMult
 * @param passive                 RFC 5880 §6.1: send nothing until the peer has been heard
 * @param controlPlaneIndependent the C bit we send; see {@link SessionConfig#controlPlaneIndependent()}
 * @param auth                    Keyed SHA1 settings; empty for none
 * @param minimumTtl              the lowest TTL (Hop Limit) accepted; 255 for single hop (RFC 5881 §5,
 *                                GTSM). For multihop the operator's choice, 256 minus the hops the
 *                                peer may be away; 1 accepts all
 */
public record BfdPeerConfig(
        IpAddress peer,
        Optional<IpAddress> local,
        HopMode hop,
        Optional<String> interfaceName,
        BfdIntervals intervals,
        boolean passive,
        boolean controlPlaneIndependent,
        Optional<AuthConfig> auth,
        int minimumTtl) {

    /** Linux IFNAMSIZ less the terminating NUL. */
    static final int MAX_INTERFACE_NAME = 15;

    public BfdPeerConfig {
        Objects.requireNonNull(peer, "peer");
        Objects.requireNonNull(local, "local");
        Objects.requireNonNull(hop, "hop");
        Objects.requireNonNull(interfaceName, "interfaceName");
        Objects.requireNonNull(intervals, "intervals");
        Objects.requireNonNull(auth, "auth");
        local.ifPresent(l -> {
            if (l.family() != peer.family()) {
                throw new IllegalArgumentException("local address " + l + " and peer " + peer + " are of different families");
            }
        });
        interfaceName.ifPresent(BfdPeerConfig::checkInterfaceName);
        switch (hop) {
            case SINGLE_HOP -> {
                if (local.isEmpty()) {
                    throw new IllegalArgumentException("a single-hop session to " + peer + " needs a local address");
                }
                if (minimumTtl != HopMode.SINGLE_HOP.minimumReceiveTtl()) {
                    throw new IllegalArgumentException("single hop accepts TTL 255 only (RFC 5881 §5), not " + minimumTtl);
                }
            }
            case MULTI_HOP -> {
                if (interfaceName.isPresent()) {
                    throw new IllegalArgumentException("a multihop session is not tied to an interface");
                }
                if (minimumTtl < 1 || minimumTtl > 255) {
                    throw new IllegalArgumentException("minimum TTL is 1 to 255, not " + minimumTtl);
                }
            }
        }
        if ((linkLocal(peer) || local.map(BfdPeerConfig::linkLocal).orElse(false)) && interfaceName.isEmpty()) {
            throw new IllegalArgumentException("link-local session to " + peer + " needs an interface");
        }
    }

    /** RFC 5881: a directly connected peer, default intervals, no authentication. */
    public static BfdPeerConfig singleHop(IpAddress peer, IpAddress local) {
        return new BfdPeerConfig(peer, Optional.of(local), HopMode.SINGLE_HOP, Optional.empty(), BfdIntervals.DEFAULT,
                false, false, Optional.empty(), HopMode.SINGLE_HOP.minimumReceiveTtl());
    }

    /** RFC 5883: a peer some routed hops away, any source address, any TTL accepted. */
    public static BfdPeerConfig multiHop(IpAddress peer) {
        return new BfdPeerConfig(peer, Optional.empty(), HopMode.MULTI_HOP, Optional.empty(), BfdIntervals.DEFAULT,
                false, false, Optional.empty(), HopMode.MULTI_HOP.minimumReceiveTtl());
    }

    public BfdPeerConfig withLocal(IpAddress address) {
        return new BfdPeerConfig(peer, Optional.of(address), hop, interfaceName, intervals, passive,
                controlPlaneIndependent, auth, minimumTtl);
    }

    public BfdPeerConfig withInterface(String name) {
        return new BfdPeerConfig(peer, local, hop, Optional.of(name), intervals, passive, controlPlaneIndependent, auth,
                minimumTtl);
    }

    public BfdPeerConfig withIntervals(BfdIntervals value) {
        return new BfdPeerConfig(peer, local, hop, interfaceName, value, passive, controlPlaneIndependent, auth, minimumTtl);
    }

    public BfdPeerConfig withPassive(boolean on) {
        return new BfdPeerConfig(peer, local, hop, interfaceName, intervals, on, controlPlaneIndependent, auth, minimumTtl);
    }

    public BfdPeerConfig withControlPlaneIndependent(boolean on) {
        return new BfdPeerConfig(peer, local, hop, interfaceName, intervals, passive, on, auth, minimumTtl);
    }

    public BfdPeerConfig withAuth(AuthConfig config) {
        return new BfdPeerConfig(peer, local, hop, interfaceName, intervals, passive, controlPlaneIndependent,
                Optional.of(config), minimumTtl);
    }

    /** Multihop only: accept packets of at least this TTL (Hop Limit). */
    public BfdPeerConfig withMinimumTtl(int ttl) {
        return new BfdPeerConfig(peer, local, hop, interfaceName, intervals, passive, controlPlaneIndependent, auth, ttl);
    }

    /** The state machine's view of this session, under the discriminator the transport chose. */
    SessionConfig sessionConfig(int localDiscriminator) {
        SessionConfig config = SessionConfig.of(localDiscriminator, peer, hop)
                .withTimers(intervals.desiredMinTx(), intervals.requiredMinRx(), intervals.detectMult())
                .withPassive(passive)
                .withControlPlaneIndependent(controlPlaneIndependent);
        return auth.map(config::withAuth).orElse(config);
    }

    private static void checkInterfaceName(String name) {
        if (name.isEmpty() || name.length() > MAX_INTERFACE_NAME || name.chars().anyMatch(c -> c <= ' ' || c == '/' || c > '~')) {
            throw new IllegalArgumentException("not a Linux interface name: '" + name + "'");
        }
    }

    private static boolean linkLocal(IpAddress address) {
        return address instanceof Ipv6Address v6 && v6.isLinkLocal();
    }
}
