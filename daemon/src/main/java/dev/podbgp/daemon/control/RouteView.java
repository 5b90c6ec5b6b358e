package dev.podbgp.daemon.control;

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
 */
public record RouteView(String prefix, List<String> nextHops, boolean best, String bestReason, String fromPeer,
        String asPath, String origin, long localPref, long med, List<String> communities) {
    public RouteView {
        nextHops = List.copyOf(nextHops);
        communities = List.copyOf(communities);
    }
}
