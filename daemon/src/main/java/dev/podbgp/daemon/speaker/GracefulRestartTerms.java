package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.session.NegotiatedSession;
import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.capability.GracefulRestart;
import dev.podbgp.bgp.wire.capability.LongLivedGracefulRestart;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * What a peer's OPEN promised about its own restarts, read once from the negotiated session.
 *
 * @param retained RFC 4724 §4.2: the negotiated families the peer's Graceful Restart capability lists, whose routes
 *     are kept as stale when the session ends; the Forwarding State bit does not matter here, only in the next OPEN
 *     ({@link #forwardingPreserved})
 * @param restartTime how long to wait for it to come back (its Restart Time)
 * @param llgrStaleTime RFC 9494: per family, how long its routes stay as long-lived stale after that
 */
record GracefulRestartTerms(Set<Family> retained, Duration restartTime, Map<Family, Duration> llgrStaleTime) {

    static final GracefulRestartTerms NONE = new GracefulRestartTerms(Set.of(), Duration.ZERO, Map.of());

    GracefulRestartTerms {
        retained = Set.copyOf(retained);
        llgrStaleTime = Map.copyOf(llgrStaleTime);
    }

    static GracefulRestartTerms of(NegotiatedSession n) {
        return new GracefulRestartTerms(families(n, false), Duration.ofSeconds(restartSeconds(n)), llgr(n));
    }

    /** Whether there is anything to keep when the session ends gracefully. */
    boolean keepsRoutes() {
        return !retained.isEmpty() || !llgrStaleTime.isEmpty();
    }

    /**
     * RFC 4724 §4.2, for a session that comes back: the negotiated families whose Forwarding State bit is set in the
     * peer's new OPEN. Stale routes of every other family go at once.
     */
    static Set<Family> forwardingPreserved(NegotiatedSession n) {
        return families(n, true);
    }

    /** The negotiated families the peer's Graceful Restart capability lists; only those with the F bit if asked. */
    private static Set<Family> families(NegotiatedSession n, boolean withForwardingState) {
        Set<Family> out = new LinkedHashSet<>();
        for (GracefulRestart gr : n.peerOpen().capabilities(GracefulRestart.class)) {
            for (GracefulRestart.Entry e : gr.entries()) {
                if ((e.forwardingState() || !withForwardingState) && n.families().contains(e.family())) {
                    out.add(e.family());
                }
            }
        }
        return out;
    }

    private static int restartSeconds(NegotiatedSession n) {
        return n.peerOpen().capabilities(GracefulRestart.class).stream().mapToInt(GracefulRestart::restartTime)
                .findFirst().orElse(0);
    }

    private static Map<Family, Duration> llgr(NegotiatedSession n) {
        Map<Family, Duration> out = new HashMap<>();
        for (LongLivedGracefulRestart llgr : n.peerOpen().capabilities(LongLivedGracefulRestart.class)) {
            for (LongLivedGracefulRestart.Entry e : llgr.entries()) {
                if (e.staleTime() > 0 && n.families().contains(e.family())) {
                    out.put(e.family(), Duration.ofSeconds(e.staleTime()));
                }
            }
        }
        return out;
    }
}
