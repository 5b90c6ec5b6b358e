package dev.podbgp.daemon.run;

import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.MultiExitDisc;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.daemon.control.RouteView;
import dev.podbgp.inet.IpAddress;
import dev.podbgp.inet.Prefix;
import dev.podbgp.rib.BestPathStep;
import dev.podbgp.rib.Decision;
import dev.podbgp.rib.Rib;
import dev.podbgp.rib.Route;
import dev.podbgp.rib.ScopedOrigin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The Loc-RIB and Adj-RIBs-In as {@code show routes} lists them; built on the RIB thread. */
final class RouteViews {

    private RouteViews() {
    }

    static List<RouteView> of(Rib rib, Optional<Prefix> filter) {
        List<Prefix> prefixes = new ArrayList<>();
        rib.forEachPrefix(p -> {
            if (filter.isEmpty() || filter.get().contains(p)) {
                prefixes.add(p);
            }
        });
        prefixes.sort(null);
        List<RouteView> out = new ArrayList<>();
        for (Prefix p : prefixes) {
            Decision d = rib.decision(p);
            ScopedOrigin scoped = rib.scopedOrigin(p);
            for (Route r : rib.routes(p)) {
                boolean best = d != null && d.best().equals(r);
                boolean multipath = d != null && d.multipath().contains(r);
                List<String> hops = best ? d.nextHops().stream().map(IpAddress::toString).toList() : List.of(r.nextHop().toString());
                String reason = reason(d, best, multipath);
                if (scoped != null && r.peer().isLocal()) {
                    scopedViews(p, r, scoped, hops, best, reason, out);
                } else {
                    out.add(view(p, r, hops, best, reason, List.of(), List.of()));
                }
            }
        }
        return out;
    }

    /**
     * The node's one local route of a prefix it originates differently per peer, as what each peer is sent: the
     * route for everyone (but the named peers), then one row per attribute set with the peers that get it.
     */
    private static void scopedViews(Prefix p, Route local, ScopedOrigin scoped, List<String> hops, boolean best,
            String reason, List<RouteView> out) {
        if (scoped.everyone() != null) {
            List<String> others = new ArrayList<>(scoped.overrides().keySet().stream().map(IpAddress::toString).toList());
            scoped.withheld().forEach(a -> others.add(a.toString()));
            out.add(view(p, local.withAttributes(scoped.everyone()), hops, best, reason, List.of(), others));
        }
        Map<PathAttributes, List<String>> byAttributes = new LinkedHashMap<>();
        scoped.overrides().forEach((peer, attributes) ->
                byAttributes.computeIfAbsent(attributes, k -> new ArrayList<>()).add(peer.toString()));
        byAttributes.forEach((attributes, peers) ->
                out.add(view(p, local.withAttributes(attributes), hops, best, reason, peers, List.of())));
    }

    private static String reason(Decision d, boolean best, boolean multipath) {
        if (d == null || d.decidedBy() == BestPathStep.ONLY_PATH) {
            return "";
        }
        String step = d.decidedBy().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        return best ? step : multipath ? "equal cost (multipath)" : "lost on " + step;
    }

    private static RouteView view(Prefix p, Route r, List<String> hops, boolean best, String reason,
            List<String> onlyTo, List<String> notTo) {
        PathAttributes a = r.attributes();
        AsPath path = a.asPath();
        Origin origin = a.origin();
        LocalPref lp = a.localPref();
        MultiExitDisc med = a.med();
        List<String> communities = new ArrayList<>();
        Communities c = a.communities();
        if (c != null) {
            for (int i = 0; i < c.size(); i++) {
                communities.add((c.get(i) >>> 16) + ":" + (c.get(i) & 0xffff));
            }
        }
        LargeCommunities large = a.largeCommunities();
        if (large != null) {
            int[] v = large.values();
            for (int i = 0; i + 2 < v.length; i += 3) {
                communities.add(Integer.toUnsignedString(v[i]) + ":" + Integer.toUnsignedString(v[i + 1]) + ":"
                        + Integer.toUnsignedString(v[i + 2]));
            }
        }
        return new RouteView(p.toString(), hops, best, reason, r.peer().isLocal() ? "local" : r.peer().address().toString(),
                path == null ? "" : path.toString(), origin == null ? "" : origin.text(),
                lp == null ? -1 : lp.value(), med == null ? -1 : med.value(), communities, onlyTo, notTo);
    }
}
