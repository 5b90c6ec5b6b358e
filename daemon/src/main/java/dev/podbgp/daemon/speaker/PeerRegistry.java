package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.transport.BgpPeer;
import dev.podbgp.config.state.DesiredListenRange;
import dev.podbgp.config.state.DesiredPeer;
import dev.podbgp.inet.IpAddress;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The peers, found by address (config, control API), by the RIB's dense id (RIB thread) and by transport session
 * (event loops). Configured peers are changed by the config thread ({@link PeerConvergence}), dynamic ones by the
 * event loop that accepted them ({@link SessionEvents}); read by any.
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
        return add(desired, null);
    }

    /** A new entry for a peer that connected from {@code range}; null for a configured one. */
    synchronized PeerSlot add(DesiredPeer desired, DesiredListenRange range) {
        PeerSlot slot = new PeerSlot(nextId++, desired, range, backlogged);
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

    /**
     * Forgets the entry of {@code session} (a dynamic peer whose session ended). Its address may meanwhile belong
     * to a configured peer that took it over, which stays. Null when there was none.
     */
    PeerSlot remove(BgpPeer session) {
        PeerSlot slot = bySession.remove(session);
        if (slot != null) {
            byId.remove(slot.id);
            byAddress.remove(slot.desired.address(), slot);
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
