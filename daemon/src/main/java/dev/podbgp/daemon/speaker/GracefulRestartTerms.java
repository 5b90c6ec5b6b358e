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
 * @param preserved RFC 4724 §3: the families whose forwarding state the peer keeps across its restart (F bit)
 * @param restartTime how long to wait for it to come back (its Restart Time)
 * @param llgrStaleTime RFC 9494: per family, how long its routes stay as long-lived stale after that
 */
record GracefulRestartTerms(Set<Family> preserved, Duration restartTime, Map<Family, Duration> llgrStaleTime) {

    static final GracefulRestartTerms NONE = new GracefulRestartTerms(Set.of(), Duration.ZERO, Map.of());

    GracefulRestartTerms {
        preserved = Set.copyOf(preserved);
        llgrStaleTime = Map.copyOf(llgrStaleTime);
    }

    static GracefulRestartTerms of(NegotiatedSession n) {
        return new GracefulRestartTerms(preservedFamilies(n), Duration.ofSeconds(restartSeconds(n)), llgr(n));
    }

    /** Whether there is anything to keep when the session ends without a NOTIFICATION. */
    boolean keepsRoutes() {
        return !preserved.isEmpty() || !llgrStaleTime.isEmpty();
    }

    static Set<Family> preservedFamilies(NegotiatedSession n) {
        Set<Family> out = new LinkedHashSet<>();
        for (GracefulRestart gr : n.peerOpen().capabilities(GracefulRestart.class)) {
            for (GracefulRestart.Entry e : gr.entries()) {
                if (e.forwardingState() && n.families().contains(e.family())) {
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
