package dev.podbgp.rib;

import dev.podbgp.bgp.wire.Family;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.AsPathSegment;
import dev.podbgp.bgp.wire.attr.AttributeType;
import dev.podbgp.bgp.wire.attr.ClusterList;
import dev.podbgp.bgp.wire.attr.OriginatorId;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Ipv6Address;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.policy.MaxPrefixCounter;
import dev.podbgp.rib.policy.MaxPrefixVerdict;
import dev.podbgp.rib.policy.PodCidrGuard;
import dev.podbgp.rib.policy.PolicyResult;
import java.util.Objects;

/**
 * What a registered peer's route must pass to enter its Adj-RIB-In (RFC 4271 §9.1.1: the Adj-RIB-In holds routes
 * after inbound policy), as its {@link PeerImport} says: LOCAL_PREF of an external peer dropped, the loop checks, the
 * peer's import pipeline, then max-prefix admission with its {@link PeerNotice}s. It decides and counts; the
 * {@link Rib} stores what it lets in and withdraws what it drops. It is the seam to the policy package, which knows
 * nothing of {@link Route}.
 *
 * <p>Owned by the RIB thread, like the {@link Rib} that made it; the table it reads is that Rib's.
 */
final class ImportAdmission {

    private final PeerInfo local;
    private final AttributeInterner interner;
    private final RouteInterner routeInterner;
    private final PrefixTable<PrefixEntry> table;
    private final GracefulRestartHelper gracefulRestart;
    private final PeerNoticeListener notices;

    ImportAdmission(PeerInfo local, AttributeInterner interner, RouteInterner routeInterner,
            PrefixTable<PrefixEntry> table, GracefulRestartHelper gracefulRestart, PeerNoticeListener notices) {
        this.local = local;
        this.interner = interner;
        this.routeInterner = routeInterner;
        this.table = table;
        this.gracefulRestart = gracefulRestart;
        this.notices = notices;
    }

    /**
     * The route as the peer sent it, interned: what soft reconfiguration keeps and import policy sees. RFC 4271
     * §5.1.5: LOCAL_PREF received from an external peer is ignored, so it is gone already here.
     */
    Route received(PeerInfo peer, int pathId, PathAttributes attributes, IpAddress nextHop, Ipv6Address linkLocal) {
        PathAttributes attrs = interner.intern(attributes);
        if (!peer.internal() && attrs.localPref() != null) {
            attrs = interner.intern(attrs.without(AttributeType.LOCAL_PREF.code()));
        }
        return routeInterner.intern(peer, pathId, attrs, Objects.requireNonNull(nextHop), linkLocal);
    }

    /**
     * Loop checks and the peer's import pipeline over a received route (again on a reapply): the route for the
     * Adj-RIB-In, interned, or null when import drops it. Counted as accepted or rejected. A route reapplied while it
     * is long-lived stale keeps its LLGR_STALE mark, or goes if it carries NO_LLGR ({@link GracefulRestartHelper}).
     */
    Route accept(PeerState s, Prefix prefix, Route received) {
        Route accepted = isLooped(received, s.settings) ? null : applyPipeline(s, prefix, received);
        if (accepted != null) {
            accepted = gracefulRestart.keepLongLivedMark(s, prefix, accepted);
        }
        if (accepted == null) {
            s.rejected++;
        } else {
            s.accepted++;
        }
        return accepted;
    }

    private Route applyPipeline(PeerState s, Prefix prefix, Route received) {
        PeerImport settings = s.settings;
        return switch (settings.pipeline().evaluate(prefix, received.attributes(), settings.context())) {
            case PolicyResult.Accepted a when a.attributes() == received.attributes() -> received;
            case PolicyResult.Accepted a -> routeInterner.intern(received.peer(), received.pathId(),
                    interner.intern(a.attributes()), received.nextHop(), received.linkLocalNextHop());
            case PolicyResult.Rejected r -> {
                rememberOwnRefusal(s, prefix, r);
                yield null;
            }
        };
    }

    /** Remembers which of our podCIDRs refused a route, so that giving one up asks only this peer again. */
    private static void rememberOwnRefusal(PeerState s, Prefix prefix, PolicyResult.Rejected r) {
        if (PodCidrGuard.OWN_POD_CIDR.equals(r.by())) {
            s.refusedAsOwn.addAll(s.settings.pipeline().guard().ownOverlapping(prefix));
        }
    }

    /**
     * Loops are not candidates (RFC 4271 §9.1.2: our AS in the AS_PATH, unless allowas-in lets it appear up to N
     * times; RFC 4456 §8: our own router id as ORIGINATOR_ID, a route we sent that a reflector bounced back, or our
     * CLUSTER_ID in the CLUSTER_LIST, a route that went round the cluster).
     */
    private boolean isLooped(Route route, PeerImport settings) {
        PathAttributes a = route.attributes();
        AsPath path = a.asPath();
        int allowAsIn = settings.allowAsIn();
        long ownAs = local.asn();
        if (path != null && (allowAsIn == 0 ? path.contains(ownAs) : occurrences(path, ownAs) > allowAsIn)) {
            return true;
        }
        OriginatorId originator = a.originatorId();
        if (originator != null && originator.id().equals(local.routerId())) {
            return true;
        }
        ClusterList clusters = a.clusterList();
        return clusters != null && settings.clusterId().isPresent() && clusters.contains(settings.clusterId().get());
    }

    private static int occurrences(AsPath path, long asn) {
        int n = 0;
        for (AsPathSegment seg : path.segments()) {
            for (int i = 0; i < seg.size(); i++) {
                if (seg.asn(i) == asn) {
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * Max-prefix admission of an accepted route: true lets it into the Adj-RIB-In. Only a route new there counts (a
     * replacement never changes the count). Gives the verdicts to the notice listeners; refuses when the limit would
     * be exceeded, and everything after a tear-down verdict until the session is gone.
     */
    boolean admit(PeerState s, Prefix prefix, int pathId) {
        Family family = PeerState.familyOf(prefix);
        MaxPrefixCounter counter = s.maxPrefix.isEmpty() ? null : s.maxPrefix.get(family);
        if (counter == null && !s.tornDown) {
            return true;
        }
        if (PrefixEntry.find(table.get(prefix), s.peer, pathId) != null) {
            return true;
        }
        if (s.tornDown) {
            s.refused++;
            return false;
        }
        MaxPrefixVerdict verdict = counter.observe(s.routeCount(family) + 1);
        switch (verdict) {
            case MaxPrefixVerdict.Ok ok -> {
                return true;
            }
            case MaxPrefixVerdict.Warn w -> {
                notices.onPeerNotice(new PeerNotice.MaxPrefix(s.peer, family, w));
                return true;
            }
            case MaxPrefixVerdict.TearDown t -> {
                // The session goes; until the caller says so (peerDown), nothing more of this peer gets in.
                s.tornDown = true;
                s.refused++;
                notices.onPeerNotice(new PeerNotice.MaxPrefix(s.peer, family, t));
                return false;
            }
            case MaxPrefixVerdict.StopAccepting stop -> {
                s.refused++;
                if (s.refusing.put(family, Boolean.TRUE) == null) {
                    notices.onPeerNotice(new PeerNotice.MaxPrefix(s.peer, family, stop));
                }
                return false;
            }
        }
    }

    /**
     * The peer's Adj-RIB-In lost a route of the prefix's family (already counted): below the mark again, the warning
     * and the stop-accepting notice re-arm for the next climb.
     */
    void removed(PeerState s, Prefix prefix) {
        if (s.maxPrefix.isEmpty()) {
            return;
        }
        Family family = PeerState.familyOf(prefix);
        MaxPrefixCounter counter = s.maxPrefix.get(family);
        if (counter != null) {
            int n = s.routeCount(family);
            counter.observe(n);
            if (n < s.settings.maxPrefix().get(family).limit()) {
                s.refusing.remove(family);
            }
        }
    }
}
