package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Ipv6Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.MaxPrefixCounter;
import dev.podbgp.rib.policy.MaxPrefixLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * The RIB's mutable state of one registered peer: import settings and counters, its Adj-RIB-In size per family, the
 * soft-reconfiguration store, graceful-restart and enhanced-route-refresh stale marks. Owned by the RIB thread.
 */
final class PeerState {

    final PeerInfo peer;
    PeerImport settings;
    final Map<Family, MaxPrefixCounter> maxPrefix = new HashMap<>();
    /** Families whose max-prefix limit was reached in stop-accepting mode; the notice went out once. */
    final Map<Family, Boolean> refusing = new HashMap<>();
    /** A tear-down verdict was given: refuse new routes until the session is gone. */
    boolean tornDown;
    long accepted;
    long rejected;
    long refused;
    /** Routes in the peer's Adj-RIB-In (all path ids), per family: max-prefix and show. */
    int ipv4Routes;
    int ipv6Routes;
    PrePolicyRoutes prePolicy;
    /** Our podCIDRs that made import refuse a route of this session; few, since we have one or two. */
    final Set<Prefix> refusedAsOwn = new HashSet<>();
    /** Per family while the peer restarts (RFC 4724 §4.2); empty otherwise. */
    final Map<Family, StalePaths> stale = new HashMap<>();
    final Map<Family, Duration> llgrStaleTime = new HashMap<>();
    /** Per family between the peer's BoRR and EoRR (RFC 7313 §4); empty otherwise. */
    final Map<Family, EnhancedRefreshHelper.Round> refreshing = new HashMap<>();

    PeerState(PeerInfo peer, PeerImport settings) {
        this.peer = peer;
        configure(settings);
    }

    void configure(PeerImport newSettings) {
        settings = newSettings;
        maxPrefix.clear();
        refusing.clear();
        for (Map.Entry<Family, MaxPrefixLimit> e : newSettings.maxPrefix().entrySet()) {
            maxPrefix.put(e.getKey(), new MaxPrefixCounter(e.getValue(), e.getKey()));
        }
        if (!newSettings.softReconfiguration()) {
            prePolicy = null;
        } else if (prePolicy == null) {
            prePolicy = new PrePolicyRoutes();
        }
    }

    /** A new session (or none): counters and max-prefix state start again. */
    void newSession() {
        accepted = 0;
        rejected = 0;
        refused = 0;
        tornDown = false;
        refusing.clear();
        refusedAsOwn.clear();
        // A refresh belongs to its session: after a restart graceful restart's own marks take over.
        refreshing.clear();
        maxPrefix.values().forEach(MaxPrefixCounter::reset);
    }

    /** The peer's Adj-RIB-In gained ({@code delta} > 0) or lost routes of the prefix's family. */
    void count(Prefix prefix, int delta) {
        if (prefix instanceof Ipv6Prefix) {
            ipv6Routes += delta;
        } else {
            ipv4Routes += delta;
        }
    }

    int routeCount() {
        return ipv4Routes + ipv6Routes;
    }

    int routeCount(Family family) {
        return family.equals(Family.IPV6_UNICAST) ? ipv6Routes : ipv4Routes;
    }

    int staleCount() {
        int n = 0;
        for (StalePaths s : stale.values()) {
            n += s.size();
        }
        return n;
    }

    static Family familyOf(Prefix prefix) {
        return prefix instanceof Ipv4Prefix ? Family.IPV4_UNICAST : Family.IPV6_UNICAST;
    }
}
