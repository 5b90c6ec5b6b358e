package dev.podbgp.daemon.speaker;

import dev.podbgp.fib.link.InterfaceAddress;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.log.EventLog;
import dev.podbgp.rib.PeerInfo;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which interface each peer's session runs over, found the way FRR finds it for a link-local next hop: the
 * interface that owns the session's local address, when the peer is on that interface's subnet (or the session
 * itself runs between link-local addresses, whose scope names the interface). A multihop session has none, and its
 * routes keep their global next hop.
 *
 * <p>Threads: the event loop of a session that came up records its addresses ({@link #established}, no waiting);
 * the RIB thread asks ({@link #interfaceOf}) and looks the address up in the kernel once per session, before the
 * first route that needs it is installed. The session's UPDATEs follow its Established report through the RIB
 * queue, so the addresses are always there first.
 */
public final class SessionInterfaces implements PeerInterfaces {

    private static final EventLog LOG = EventLog.named("podbgp.speaker");

    /** The kernel's addresses, in the namespace the sessions run in. */
    @FunctionalInterface
    public interface AddressOwners {
        Optional<InterfaceAddress> owning(IpAddress local) throws IOException;
    }

    /**
     * @param scopeIfindex the interface named by a link-local local address's scope, else 0
     */
    record Session(IpAddress local, int scopeIfindex, IpAddress remote) {
    }

    private record Resolved(Session session, int ifindex) {
    }

    private final AddressOwners owners;
    private final Map<Integer, Session> sessions = new ConcurrentHashMap<>();
    /** RIB thread only. */
    private final Map<Integer, Resolved> resolved = new HashMap<>();

    public SessionInterfaces(AddressOwners owners) {
        this.owners = owners;
    }

    /** The session to the peer with RIB id {@code peerId} is Established between these addresses; any thread. */
    void established(int peerId, InetSocketAddress local, InetAddress remote) {
        if (local == null || remote == null) {
            sessions.remove(peerId);
            return;
        }
        InetAddress l = local.getAddress();
        int scope = l instanceof Inet6Address v6 ? v6.getScopeId() : 0;
        sessions.put(peerId, new Session(IpAddress.ofBytes(l.getAddress()), scope, IpAddress.ofBytes(remote.getAddress())));
    }

    @Override
    public int interfaceOf(PeerInfo peer) {
        Session session = sessions.get(peer.id());
        if (session == null) {
            return 0;
        }
        Resolved r = resolved.get(peer.id());
        if (r == null || r.session() != session) {
            r = new Resolved(session, resolve(peer, session));
            resolved.put(peer.id(), r);
        }
        return r.ifindex();
    }

    private int resolve(PeerInfo peer, Session session) {
        if (isLinkLocal(session.local()) && session.scopeIfindex() > 0) {
            return logged(peer, session, session.scopeIfindex());
        }
        Optional<InterfaceAddress> owner;
        try {
            owner = owners.owning(session.local());
        } catch (IOException e) {
            LOG.warn("session-interface-unknown").with("peer", peer.address()).with("local", session.local())
                    .with("error", e.getMessage()).log();
            return 0;
        }
        boolean connected = owner.isPresent()
                && (owner.get().onSubnet(session.remote()) || isLinkLocal(session.remote()));
        return logged(peer, session, connected ? owner.get().ifindex() : 0);
    }

    private static int logged(PeerInfo peer, Session session, int ifindex) {
        LOG.info("session-interface").with("peer", peer.address()).with("local", session.local())
                .with("directly-connected", ifindex > 0).with("ifindex", ifindex).log();
        return ifindex;
    }

    private static boolean isLinkLocal(IpAddress a) {
        return a instanceof Ipv6Address v6 && v6.isLinkLocal();
    }
}
