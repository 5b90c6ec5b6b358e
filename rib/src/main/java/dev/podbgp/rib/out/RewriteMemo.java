package dev.podbgp.rib.out;

import dev.podbgp.bgp.wire.attr.PathAttributes;
import dev.podbgp.rib.PeerInfo;

/**
 * The last attribute rewrite of one update group. Routes of one UPDATE arrive together with
 * the same interned attributes from the same peer, so comparing references is enough; a miss
 * only costs the rewrite. Reusing the result also makes equal outgoing attributes the same
 * object, which the packer then compares by reference.
 */
final class RewriteMemo {

    private PeerInfo from;
    private PathAttributes in;
    private PathAttributes out;

    PathAttributes rewrite(PeerInfo from, PathAttributes in, ExportProfile to, NodeSettings node) {
        if (from != this.from || in != this.in) {
            this.out = OutboundRules.rewrite(from, in, to, node);
            this.from = from;
            this.in = in;
        }
        return out;
    }
}
