package dev.podbgp.daemon.speaker;

import dev.podbgp.bgp.exabgp.Command;
import dev.podbgp.bgp.wire.attr.AsPath;
import dev.podbgp.bgp.wire.attr.Communities;
import dev.podbgp.bgp.wire.attr.LargeCommunities;
import dev.podbgp.bgp.wire.attr.LocalPref;
import dev.podbgp.bgp.wire.attr.Origin;
import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.config.LargeCommunitySpec;
import dev.podbgp.config.StandardCommunity;
import dev.podbgp.config.state.ServiceRoute;
import java.util.List;

/** The attributes of what the node originates: its podCIDRs, Service addresses, and routes announced by an operator. */
final class Origination {

    private Origination() {
    }

    /** A podCIDR: ORIGIN IGP, an empty AS_PATH (RFC 4271 §5.1.2: the node's own AS is added on export). */
    static PathAttributes attributes() {
        return PathAttributes.of(Origin.IGP, AsPath.EMPTY);
    }

    /**
     * A Service address: a podCIDR's attributes with the Service's communities, large communities and LOCAL_PREF
     * (which export sends to iBGP peers only, RFC 4271 §5.1.5).
     */
    static PathAttributes of(ServiceRoute route) {
        PathAttributes attrs = attributes();
        List<StandardCommunity> cs = route.communities();
        if (!cs.isEmpty()) {
            int[] values = new int[cs.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Communities.community(cs.get(i).high(), cs.get(i).low());
            }
            attrs = attrs.with(Communities.of(values));
        }
        List<LargeCommunitySpec> lcs = route.largeCommunities();
        if (!lcs.isEmpty()) {
            long[] triples = new long[lcs.size() * 3];
            for (int i = 0; i < lcs.size(); i++) {
                triples[3 * i] = lcs.get(i).global();
                triples[3 * i + 1] = lcs.get(i).local1();
                triples[3 * i + 2] = lcs.get(i).local2();
            }
            attrs = attrs.with(LargeCommunities.of(triples));
        }
        if (route.localPreference().isPresent()) {
            attrs = attrs.with(new LocalPref(route.localPreference().get()));
        }
        return attrs;
    }

    /** {@code announce route ...}: the command's attributes, ORIGIN IGP and an empty AS_PATH unless given. */
    static PathAttributes of(Command.Announce announce) {
        PathAttributes attrs = announce.attributes();
        if (attrs.origin() == null) {
            attrs = attrs.with(Origin.IGP);
        }
        if (attrs.asPath() == null) {
            attrs = attrs.with(AsPath.EMPTY);
        }
        return attrs;
    }
}
