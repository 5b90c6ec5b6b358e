package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.inet.Ipv4Prefix;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.MaxPrefixCounter;
import dev.podbgp.rib.policy.MaxPrefixLimit;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** The RIB's mutable import state of one registered peer: settings, counters, soft-reconfiguration store, stale marks. */
final class PeerState {

    final PeerInfo peer;
    PeerImport settings;
    ImportPolicy policy;
    final Map<Family, MaxPrefixCounter> maxPrefix = new HashMap<>();
    /** Families whose max-prefix limit was reached in stop-accepting mode; the notice went out once. */
    final Map<Family, Boolean> refusing = new HashMap<>();
    /** A tear-down verdict was given: refuse new routes until the session is gone. */
    boolean tornDown;
    long accepted;
    long rejected;
    long refused;
    int ipv6Routes;
    PrePolicyRoutes prePolicy;
    /** Per family while the peer restarts (RFC 4724 §4.2); empty otherwise. */
    final Map<Family, StalePaths> stale = new HashMap<>();
    final Map<Family, Duration> llgrStaleTime = new HashMap<>();

    PeerState(PeerInfo peer, PeerImport settings) {
        this.peer = peer;
        configure(settings);
    }

    void configure(PeerImport newSettings) {
        settings = newSettings;
        policy = new PipelineImportPolicy(newSettings.pipeline(), newSettings.context());
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
        maxPrefix.values().forEach(MaxPrefixCounter::reset);
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
