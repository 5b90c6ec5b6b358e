package dev.podbgp.daemon.control;

import dev.podbgp.daemon.json.JsonObject;
import dev.podbgp.daemon.json.JsonValue;
import java.util.List;

/**
 * One path of one prefix as {@code podbgp show routes} prints it.
 *
 * @param prefix      the prefix, e.g. 10.240.2.0/24
 * @param nextHops    next hop addresses (more than one for a multipath best)
 * @param best        whether this path is the best path
 * @param bestReason  the best-path step that decided for or against this path
 *                    (e.g. "shorter AS path"), empty for a single path
 * @param fromPeer    the peer the path came from, or "local" for an originated route
 * @param asPath      the AS_PATH as ExaBGP writes it, e.g. "65001 65002"; empty for iBGP/local
 * @param origin      igp, egp or incomplete
 * @param localPref   LOCAL_PREF, or -1 when the path has none
 * @param med         MULTI_EXIT_DISC, or -1 when the path has none
 * @param communities communities as text ("65000:1", "no-export", large and extended alike)
 * @param onlyTo      for a route the node originates for named peers only (a helper's {@code neighbor A announce}),
 *                    those peers' addresses; empty for a route to every peer
 * @param notTo       for a route the node originates for every peer, the peers that are not sent it (they were
 *                    told to withdraw it, or have a route of their own, listed in another row); usually empty
 */
public record RouteView(String prefix, List<String> nextHops, boolean best, String bestReason, String fromPeer,
        String asPath, String origin, long localPref, long med, List<String> communities, List<String> onlyTo,
        List<String> notTo) {
    public RouteView {
        nextHops = List.copyOf(nextHops);
        communities = List.copyOf(communities);
        onlyTo = List.copyOf(onlyTo);
        notTo = List.copyOf(notTo);
    }

    /** A route for every peer the export rules allow: every learned route, and most of the node's own. */
    public RouteView(String prefix, List<String> nextHops, boolean best, String bestReason, String fromPeer,
            String asPath, String origin, long localPref, long med, List<String> communities) {
        this(prefix, nextHops, best, bestReason, fromPeer, asPath, origin, localPref, med, communities, List.of(),
                List.of());
    }

    /** The control socket's and {@code -o json}'s form: one member per component, named after it. */
    public JsonObject toJson() {
        return JsonObject.builder().put("prefix", prefix).put("nextHops", nextHops).put("best", best)
                .put("bestReason", bestReason).put("fromPeer", fromPeer).put("asPath", asPath).put("origin", origin)
                .put("localPref", localPref).put("med", med).put("communities", communities).put("onlyTo", onlyTo)
                .put("notTo", notTo).build();
    }

    /** Reads {@link #toJson()}'s form; a member missing or of another type is a {@code JsonException}. */
    public static RouteView fromJson(JsonValue json) {
        JsonObject o = ViewJson.object(json, "route");
        return new RouteView(o.requireString("prefix"), o.requireStrings("nextHops"), o.requireBoolean("best"),
                o.requireString("bestReason"), o.requireString("fromPeer"), o.requireString("asPath"),
                o.requireString("origin"), o.requireLong("localPref"), o.requireLong("med"),
                o.requireStrings("communities"), o.requireStrings("onlyTo"), o.requireStrings("notTo"));
    }

    /** Whether the route is not for every peer: it names some, or leaves some out. */
    public boolean scoped() {
        return !onlyTo.isEmpty() || !notTo.isEmpty();
    }
}
