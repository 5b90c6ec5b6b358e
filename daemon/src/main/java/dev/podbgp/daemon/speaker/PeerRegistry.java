package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.inet.IpAddress;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The configured peers, found by address (config, control API), by the RIB's dense id (RIB thread) and by
 * transport session (event loops). Changed only by the config thread ({@link PeerConvergence}); read by any.
 * Callbacks are matched by session object, not address: after a reset, the old session's last events must not
 * reach the new entry for the same address.
 */
final class PeerRegistry {

    private final Map<IpAddress, PeerSlot> byAddress = new ConcurrentHashMap<>();
    private final Map<Integer, PeerSlot> byId = new ConcurrentHashMap<>();
    private final Map<BgpPeer, PeerSlot> bySession = new ConcurrentHashMap<>();
    /** Inboxes holding events the RIB queue had no room for; the RIB thread drains them. */
    private final Set<PeerInbox> backlogged = ConcurrentHashMap.newKeySet();
    private int nextId;

    /** A new entry with the next id; {@link #attach} then gives it its session. */
    PeerSlot add(DesiredPeer desired) {
        PeerSlot slot = new PeerSlot(nextId++, desired, backlogged);
        byAddress.put(desired.address(), slot);
        byId.put(slot.id, slot);
        return slot;
    }

    void attach(PeerSlot slot, BgpPeer session) {
        slot.bgp = session;
        bySession.put(session, slot);
    }

    /** Forgets the entry; its session's later callbacks find nothing. Null when there was none. */
    PeerSlot remove(IpAddress address) {
        PeerSlot slot = byAddress.remove(address);
        if (slot != null) {
            byId.remove(slot.id);
            bySession.remove(slot.bgp);
        }
        return slot;
    }

    PeerSlot byAddress(IpAddress address) {
        return byAddress.get(address);
    }

    PeerSlot byId(int id) {
        return byId.get(id);
    }

    PeerSlot bySession(BgpPeer session) {
        return bySession.get(session);
    }

    Collection<PeerSlot> slots() {
        return byAddress.values();
    }

    Set<PeerInbox> backlogged() {
        return backlogged;
    }
}
